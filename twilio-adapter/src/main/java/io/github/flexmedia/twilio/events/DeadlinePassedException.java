package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.TaskRouterException;

/**
 * Thrown by {@link DeadlineClient} instead of a call that would start past the deadline, or a wait
 * that would end past it; never retried, so {@link io.github.flexmedia.twilio.MediaAttacher} gives
 * up at once.
 */
final class DeadlinePassedException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  DeadlinePassedException(String taskSid) {
    super(Kind.DEADLINE_PASSED,
        "task " + taskSid + ": the attach deadline passed before the next call could start",
        0, 0, null, null);
  }

  /** The wait before the next retry would end past the deadline. */
  DeadlinePassedException() {
    super(Kind.DEADLINE_PASSED,
        "the attach deadline would pass during the wait before the next retry", 0, 0, null, null);
  }
}
