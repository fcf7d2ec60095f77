package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.SkippedEvent;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import java.time.Duration;

/**
 * What the starter reports to a metrics system, in types that do not need Micrometer on the class
 * path: the auto-configuration asks for a bean of this type and falls back to {@link #NONE}.
 */
public interface Instrumentation {
  /** Records nothing. */
  Instrumentation NONE = new Instrumentation() {
    @Override
    public TaskRouterClient instrument(TaskRouterClient client) {
      return client;
    }

    @Override
    public void attachFinished(AttachOutcome outcome) {}

    @Override
    public void watch(AttachQueue queue, Duration statsMaxAge) {}

    @Override
    public void watch(FlexTokenValidator validator) {}
  };

  /**
   * Wraps {@code client} so that every request is timed and counted by outcome.
   *
   * @param client the client to wrap
   * @return the wrapped client (or {@code client} itself)
   */
  TaskRouterClient instrument(TaskRouterClient client);

  /**
   * Records how one of the queue's attaches ended.
   *
   * @param outcome the outcome
   */
  void attachFinished(AttachOutcome outcome);

  /**
   * Records an Event Streams event skipped as unreadable or unknown (the rest of its delivery was
   * handled).
   *
   * @param skipped which event and field; never a value
   */
  default void eventSkipped(SkippedEvent skipped) {}

  /**
   * Reports the queue's store counts (pending, claimed, expired leases, failed) and the claims it
   * took over, from now on.
   *
   * @param queue the queue
   * @param statsMaxAge how long one answer of the store's {@code stats()} serves the gauges: zero
   *     for the in-memory store, a few seconds for a database
   */
  void watch(AttachQueue queue, Duration statsMaxAge);

  /**
   * Reports the token cache's hits and misses from now on, when {@code validator} is the one
   * {@link FlexTokenValidator#cached} made; any other validator has no cache to report.
   *
   * @param validator the validator
   */
  void watch(FlexTokenValidator validator);
}
