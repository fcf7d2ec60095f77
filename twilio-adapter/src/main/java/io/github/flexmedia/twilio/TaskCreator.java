package io.github.flexmedia.twilio;

import java.time.Duration;

/**
 * The create loop behind {@link MediaAttacher#createTask}. Apart from the attach loop because its
 * rule is the opposite: only a 429 (never processed) is retried, since resending a create that
 * may have succeeded would make a second task.
 */
final class TaskCreator {
  private static final String NEW_TASK = "(new task)";

  private final TaskRouterClient client;
  private final RetryPolicy retry;
  private final Sleeper sleeper;

  TaskCreator(TaskRouterClient client, RetryPolicy retry, Sleeper sleeper) {
    this.client = client;
    this.retry = retry;
    this.sleeper = sleeper;
  }

  /** Creates the task with {@code attributes}, already merged and checked. */
  TaskSnapshot create(String workspaceSid, String workflowSid, String attributes) {
    AttachLoop.requireFits(NEW_TASK, attributes);
    for (int attempt = 1; ; attempt++) {
      if (Thread.currentThread().isInterrupted()) {
        throw AttachLoop.interrupted(NEW_TASK, attempt - 1, false, null);
      }
      try {
        return client.createTask(workspaceSid, workflowSid, attributes);
      } catch (RateLimitedException e) {
        Duration wait = attempt >= retry.maxAttempts() ? null : retry.waitBefore(attempt, e);
        if (wait == null) {
          throw e.afterAttempts(attempt);
        }
        AttachLoop.pause(sleeper, wait, NEW_TASK, attempt, false);
      }
    }
  }
}
