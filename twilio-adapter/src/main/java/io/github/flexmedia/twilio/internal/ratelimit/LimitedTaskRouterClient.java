package io.github.flexmedia.twilio.internal.ratelimit;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TaskSnapshot;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link TaskRouterClient} whose calls each take a permit from an {@link AdaptiveLimiter} and
 * report their answer to it: one limiter shared by every thread of an attacher.
 */
public final class LimitedTaskRouterClient implements TaskRouterClient {
  private final TaskRouterClient delegate;
  private final AdaptiveLimiter limiter;

  /**
   * Wraps {@code delegate}.
   *
   * @param delegate the client that talks to TaskRouter
   * @param limiter the limiter every call goes through
   */
  public LimitedTaskRouterClient(TaskRouterClient delegate, AdaptiveLimiter limiter) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  /**
   * The limiter.
   *
   * @return the limiter
   */
  public AdaptiveLimiter limiter() {
    return limiter;
  }

  @Override
  public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
    return call(taskSid, () -> delegate.fetchTask(workspaceSid, taskSid));
  }

  @Override
  public TaskSnapshot updateTaskAttributes(
      String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
    return call(taskSid,
        () -> delegate.updateTaskAttributes(workspaceSid, taskSid, attributesJson, ifMatch));
  }

  @Override
  public TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson) {
    return call("(new task)", () -> delegate.createTask(workspaceSid, workflowSid, attributesJson));
  }

  private TaskSnapshot call(String taskSid, Supplier<TaskSnapshot> request) {
    AdaptiveLimiter.Permit permit;
    try {
      permit = limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TaskRouterException.interrupted("request for task " + taskSid
          + " was interrupted while waiting for the shared rate limit", false, e);
    }
    boolean reported = false;
    try {
      TaskSnapshot answer = request.get();
      reported = true;
      limiter.onSuccess(permit);
      return answer;
    } catch (RateLimitedException e) {
      reported = true;
      limiter.onRateLimited(permit, e.retryAfter().orElse(null));
      throw e;
    } catch (TaskRouterException e) {
      // A 4xx (412, 404, ...) was answered and not throttled; a 5xx or no answer says nothing.
      reported = true;
      if (e.statusCode() >= 400 && e.statusCode() < 500) {
        limiter.onSuccess(permit);
      } else {
        limiter.onIgnored(permit);
      }
      throw e;
    } finally {
      if (!reported) {
        limiter.onIgnored(permit);
      }
    }
  }
}
