package io.github.flexmedia.twilio;

/**
 * Someone else updated the task since it was read: the {@code If-Match} ETag did not match (HTTP
 * 412) and nothing was written. {@link MediaAttacher} reads the task again and merges again; it
 * throws this only when every attempt met a conflict.
 */
public class TaskConflictException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link TaskRouterException}.
   *
   * @param cause the underlying failure, or {@code null}
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param message an explanation for people, without URLs or titles
   */
  public TaskConflictException(String message, int errorCode, Throwable cause) {
    super(Kind.CONFLICT, message, 412, errorCode, null, cause);
  }

  /** {@code last} after {@code attempts} attempts; see {@link #gaveUp}. */
  TaskConflictException(TaskConflictException last, int attempts) {
    super(last, attempts);
  }
}
