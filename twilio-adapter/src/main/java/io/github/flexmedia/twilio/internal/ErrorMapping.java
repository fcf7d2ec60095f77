package io.github.flexmedia.twilio.internal;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterAuthenticationException;
import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Duration;

/** HTTP status to exception: the one table shared by the real client and the test doubles. */
public final class ErrorMapping {
  private ErrorMapping() {}

  /**
   * The exception for a failed call.
   *
   * @param operation {@code fetch}, {@code update} or {@code create}
   * @param taskSid the task, or {@code null} for a create
   * @param status the HTTP status, 0 when no response arrived
   * @param code Twilio's error code, or 0
   * @param retryAfter the parsed {@code Retry-After} of a 429, or {@code null}
   */
  public static TaskRouterException forStatus(
      String operation, String workspaceSid, String taskSid, int status, int code,
      Duration retryAfter, Throwable cause) {
    String what = "task " + operation + (taskSid != null ? " of " + taskSid : "") + " failed";
    if (status == 0) {
      return new TaskRouterException(
          what + ": no response from TaskRouter (I/O error or timeout)", 0, 0, cause);
    }
    String suffix = " (HTTP " + status + (code != 0 ? ", Twilio error " + code : "") + ")";
    switch (status) {
      case 404:
        return new TaskNotFoundException(
            taskSid != null
                ? TaskNotFoundException.messageFor(workspaceSid, taskSid) + suffix
                : what + ": workspace or workflow not found" + suffix,
            code, cause);
      case 412:
        return new TaskConflictException(
            what + ": the task changed since it was read (If-Match did not match)" + suffix,
            code, cause);
      case 429:
        return new RateLimitedException(
            what + ": rate limited"
                + (retryAfter != null ? ", Retry-After " + retryAfter.toSeconds() + " s" : "")
                + suffix,
            code, retryAfter, cause);
      case 401:
      case 403:
        return new TaskRouterAuthenticationException(
            what + ": " + (status == 401 ? "credentials were refused" : "not permitted") + suffix,
            status, code, cause);
      default:
        String hint = status >= 500 ? ": TaskRouter failed; retrying later may succeed"
            : status == 400 ? ": TaskRouter refused the request as invalid" : "";
        return new TaskRouterException(what + hint + suffix, status, code, cause);
    }
  }
}
