package io.github.flexmedia.twilio.testing;

/**
 * One call a test double received, in arrival order.
 *
 * @param operation what was asked
 * @param workspaceSid the workspace
 * @param taskSid the task, or {@code null} for {@link Operation#CREATE}
 * @param ifMatch the {@code If-Match} sent with an update, or {@code null}
 * @param attributesJson the attributes sent with an update or create, or {@code null}
 * @param outcome {@code "ok"} or the {@link Fault}/error it was answered with
 */
public record RecordedCall(
    Operation operation,
    String workspaceSid,
    String taskSid,
    String ifMatch,
    String attributesJson,
    String outcome) {

  /** Leaves the attributes out: tests may use realistic data. */
  @Override
  public String toString() {
    return operation + " " + workspaceSid + (taskSid != null ? "/" + taskSid : "")
        + (ifMatch != null ? " If-Match " + ifMatch : "") + " -> " + outcome;
  }
}
