package io.github.flexmedia.twilio.events;

/**
 * Told of every outcome of an {@link AttachQueue}, once per accepted {@link PendingAttach}. Called
 * on the worker thread that did the attach; an exception it throws is logged and ignored.
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
