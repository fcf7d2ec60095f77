package io.github.flexmedia.twilio.testing;


/**
 * One call a test double received, in arrival order, with what it answered.
 *
 * @param operation what was asked
 * @param workspaceSid the workspace
 * @param taskSid the task; for {@link Operation#CREATE} the new task, or {@code null} when none
 *     was created
 * @param ifMatch the {@code If-Match} sent with an update, or {@code null}
 * @param attributesJson the attributes sent with an update or create, or {@code null}
 * @param status the HTTP status answered (200, 201, 412, ...), or 0 when no answer was given
 * @param fault the injected fault it was answered with, or {@code null} for TaskRouter's own answer
 * @param applied whether the call took effect: a read done, a write stored (also when an {@link
 *     Fault#afterWrite()} fault was answered)
 */
public record RecordedCall(
    Operation operation,
    String workspaceSid,
    String taskSid,
    String ifMatch,
    String attributesJson,
    int status,
    Fault fault,
    boolean applied) {

  /**
   * Whether the call succeeded (2xx, no fault).
   *
   * @return whether the call succeeded
   */
  public boolean succeeded() {
    return fault == null && status >= 200 && status < 300;
  }

  /** Leaves the attributes out: tests may use realistic data. */
  @Override
  public String toString() {
    return operation + " " + workspaceSid + (taskSid != null ? "/" + taskSid : "")
        + (ifMatch != null ? " If-Match " + ifMatch : "") + " -> "
        + (fault != null ? fault.toString() : "HTTP " + status) + (applied ? " (applied)" : "");
  }
}
