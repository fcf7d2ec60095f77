package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskRouterClient;
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
    public void attachSucceeded(String source, AttachResult result, Duration elapsed) {}

    @Override
    public void attachFailed(String source, RuntimeException failure, Duration elapsed) {}
  };

  /**
   * Wraps {@code client} so that every request is timed and counted by outcome.
   *
   * @param client the client to wrap
   * @return the wrapped client (or {@code client} itself)
   */
  TaskRouterClient instrument(TaskRouterClient client);

  /**
   * Records a finished attach.
   *
   * @param source what asked for it, e.g. {@code recording-callback}
   * @param result the attach's result
   * @param elapsed how long it took, retries included
   */
  void attachSucceeded(String source, AttachResult result, Duration elapsed);

  /**
   * Records a failed attach.
   *
   * @param source what asked for it
   * @param failure why it failed
   * @param elapsed how long it took, retries included
   */
  void attachFailed(String source, RuntimeException failure, Duration elapsed);
}
