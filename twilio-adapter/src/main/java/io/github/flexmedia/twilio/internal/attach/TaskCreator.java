package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TaskSnapshot;

import java.time.Duration;

/**
 * The create loop behind {@link io.github.flexmedia.twilio.MediaAttacher#createTask}. Apart from the attach loop because its
 * rule is the opposite: only a 429 (never processed) is retried, since resending a create that
 * may have succeeded would make a second task.
 */
public final class TaskCreator {
  private static final String NEW_TASK = "(new task)";

  private final TaskRouterClient client;
  private final RetryPolicy retry;
  private final Sleeper sleeper;

  /**
   * The create loop.
   *
   * @param client the TaskRouter
   * @param retry how often and how long to retry a 429
   * @param sleeper how to wait between attempts
   */
  public TaskCreator(TaskRouterClient client, RetryPolicy retry, Sleeper sleeper) {
    this.client = client;
    this.retry = retry;
    this.sleeper = sleeper;
  }

  /**
   * Creates the task with {@code attributes}, already merged and checked.
   *
   * @param workspaceSid the workspace
   * @param workflowSid the workflow
   * @param attributes the whole attributes document
   * @return the new task
   */
  public TaskSnapshot create(String workspaceSid, String workflowSid, String attributes) {
    AttachLoop.requireFits(NEW_TASK, attributes);
    for (int attempt = 1; ; attempt++) {
      if (Thread.currentThread().isInterrupted()) {
        throw AttachLoop.interrupted(NEW_TASK, attempt - 1, false, null);
      }
      try {
        return client.createTask(workspaceSid, workflowSid, attributes);
      } catch (RateLimitedException e) {
        Duration wait = attempt >= retry.maxAttempts() ? null : Waits.waitBefore(retry, attempt, e);
        if (wait == null) {
          throw TaskRouterException.gaveUp(e, attempt);
        }
        AttachLoop.pause(sleeper, wait, NEW_TASK, attempt, false, Deadline.NONE);
      }
    }
  }
}
