package io.github.flexmedia.twilio;

/**
 * The task does not exist (HTTP 404): it was never created, or it ended and TaskRouter deleted it.
 * Media can still be updated for about two minutes after a task is completed or canceled; after
 * that, a 404 is the normal end of the task's life.
 */
public class TaskNotFoundException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link TaskRouterException}.
   *
   * @param cause the underlying failure, or {@code null}
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param message an explanation for people, without URLs or titles
   */
  public TaskNotFoundException(String message, int errorCode, Throwable cause) {
    super(Kind.NOT_FOUND, message, 404, errorCode, null, cause);
  }

  /**
   * The standard message for {@code taskSid}.
   *
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the standard message for {@code taskSid}
   */
  public static String messageFor(String workspaceSid, String taskSid) {
    return "task " + taskSid + " was not found in workspace " + workspaceSid
        + ": it never existed, or it was completed or canceled more than about two minutes ago"
        + " and TaskRouter deleted it (the normal end of a task's life)";
  }

  /** {@code last} after {@code attempts} attempts; see {@link #gaveUp}. */
  TaskNotFoundException(TaskNotFoundException last, int attempts) {
    super(last, attempts);
  }
}
