package io.github.flexmedia.twilio;

/**
 * Told of each attach as it ends: by {@link MediaAttacher#attachAll} for every task of the batch,
 * and by an {@link io.github.flexmedia.twilio.events.AttachQueue} for every accepted attach. Calls
 * are made from worker threads; an exception the listener throws is logged (naming the task and
 * the exception's class) and ignored.
 *
 * <p>{@code attachAll} makes its calls one at a time, never concurrently, and none after it has
 * returned, so a listener counting progress needs no locking there; an {@code AttachQueue} calls
 * from each worker as its attach ends.
 */
@FunctionalInterface
public interface AttachListener {
  /** Ignores every outcome. */
  AttachListener NONE = outcome -> { };

  /**
   * Receives one outcome.
   *
   * @param outcome how one attach ended
   */
  void onOutcome(AttachOutcome outcome);
}
