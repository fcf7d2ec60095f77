package io.github.flexmedia.twilio.internal.http;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
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
   * @param retryAfter the parsed {@code Retry-After} of a 429 or 5xx, or {@code null}
   */
  public static TaskRouterException forStatus(
      String operation, String workspaceSid, String taskSid, int status, int code,
      Duration retryAfter, Throwable cause) {
    String what = "task " + operation + (taskSid != null ? " of " + taskSid : "") + " failed";
    // A create that got no answer, or a 5xx, may still have created the task: say so, since the
    // caller must look before creating again (the attacher never re-sends a create).
    String unsure = operation.equals("create")
        ? "; the task may or may not have been created (a create is never re-sent)" : "";
    if (status == 0) {
      return new TaskRouterException(
          what + ": no response from TaskRouter (I/O error or timeout)" + unsure, 0, 0, cause);
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
                + (retryAfter != null ? ", Retry-After " + seconds(retryAfter) : "")
                + suffix,
            code, retryAfter, cause);
      case 401:
      case 403:
        return new TaskRouterException(
            what + ": " + (status == 401 ? "credentials were refused" : "not permitted") + suffix,
            status, code, cause);
      default:
        String hint = status >= 500 ? ": TaskRouter failed" + (unsure.isEmpty()
                ? "; retrying later may succeed" : unsure)
            : status == 400 ? ": TaskRouter refused the request as invalid" : "";
        return new TaskRouterException(what + hint
            + (status >= 500 && retryAfter != null ? ", Retry-After " + seconds(retryAfter) : "")
            + suffix, status, code, status >= 500 ? retryAfter : null, cause);
    }
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }
}
