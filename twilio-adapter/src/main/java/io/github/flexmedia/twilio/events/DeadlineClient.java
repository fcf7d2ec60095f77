package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.Sleeper;
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

  /** The current thread's deadline, {@code null} when none is set. */
  Instant deadline() {
    return deadline.get();
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

  /**
   * Wraps {@code sleeper} so that a wait between retries that would end at or past the current
   * thread's deadline fails at once instead of sleeping: a {@code Retry-After} of 30 s must not
   * hold a caller whose budget is 2 s, only for the next call to be refused.
   */
  Sleeper bounded(Sleeper sleeper) {
    return wait -> {
      Instant until = deadline.get();
      if (until != null && !clock.instant().plus(wait).isBefore(until)) {
        throw new DeadlinePassedException();
      }
      sleeper.sleep(wait);
    };
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
