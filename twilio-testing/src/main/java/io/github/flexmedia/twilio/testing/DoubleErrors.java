package io.github.flexmedia.twilio.testing;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Duration;

/**
 * The in-memory double's own status-to-exception table. Written apart from the adapter's mapping
 * on purpose: when both shared one table, a wrong row passed every test that used the double. The
 * adapter's mapping is checked on its own against Twilio-shaped error bodies over loopback.
 */
final class DoubleErrors {
  private DoubleErrors() {}

  static TaskRouterException of(
      Operation op, String workspaceSid, String taskSid, int status, int code, Duration retryAfter) {
    String message = "task " + op.name().toLowerCase(java.util.Locale.ROOT)
        + (taskSid != null ? " of " + taskSid : "") + " failed in InMemoryTaskRouter ("
        + (status == 0 ? "no response" : "HTTP " + status) + (code != 0 ? ", Twilio error " + code : "")
        + ")";
    if (status == 404) {
      return new TaskNotFoundException(taskSid != null
          ? TaskNotFoundException.messageFor(workspaceSid, taskSid) : message, code, null);
    } else if (status == 412) {
      return new TaskConflictException(message, code, null);
    } else if (status == 429) {
      return new RateLimitedException(message, code, retryAfter, null);
    }
    return new TaskRouterException(message, status, code, status >= 500 ? retryAfter : null, null);
  }
}
