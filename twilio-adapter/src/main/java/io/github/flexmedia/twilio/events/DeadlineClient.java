package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.time.Clock;
import java.time.Instant;

/**
 * A {@link TaskRouterClient} that refuses to start a call once the current thread's deadline has
 * passed, so that the attacher's retries never write after it.
 */
final class DeadlineClient implements TaskRouterClient {
  private final TaskRouterClient delegate;
  private final Clock clock;
  private final ThreadLocal<Instant> deadline = new ThreadLocal<>();

  DeadlineClient(TaskRouterClient delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  /** Sets the current thread's deadline; {@code null} clears it. */
  void deadline(Instant until) {
    if (until == null) {
      deadline.remove();
    } else {
      deadline.set(until);
    }
  }

  boolean passed(Instant until) {
    return !clock.instant().isBefore(until);
  }

  private void check(String taskSid) {
    Instant until = deadline.get();
    if (until != null && passed(until)) {
      throw new DeadlinePassedException(taskSid);
    }
  }

  @Override
  public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
    check(taskSid);
    return delegate.fetchTask(workspaceSid, taskSid);
  }

  @Override
  public TaskSnapshot updateTaskAttributes(
      String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
    check(taskSid);
    return delegate.updateTaskAttributes(workspaceSid, taskSid, attributesJson, ifMatch);
  }

  @Override
  public TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson) {
    return delegate.createTask(workspaceSid, workflowSid, attributesJson);
  }
}
