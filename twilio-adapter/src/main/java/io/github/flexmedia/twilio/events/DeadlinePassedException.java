package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.TaskRouterException;

/**
 * Thrown by {@link DeadlineClient} instead of a call that would start past the deadline; never
 * retried, so {@link io.github.flexmedia.twilio.MediaAttacher} gives up at once.
 */
final class DeadlinePassedException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  private final String taskSid;

  DeadlinePassedException(String taskSid, int attempts) {
    super("task " + taskSid + ": the attach deadline passed before the next call could start"
        + (attempts == 0 ? "" : " (gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")"),
        0, 0, attempts, null);
    this.taskSid = taskSid;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public TaskRouterException afterAttempts(int attempts) {
    return new DeadlinePassedException(taskSid, attempts);
  }
}
