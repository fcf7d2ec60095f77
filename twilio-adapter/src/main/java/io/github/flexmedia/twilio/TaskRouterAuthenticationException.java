package io.github.flexmedia.twilio;

/**
 * The credentials were refused (HTTP 401) or lack permission for the task (HTTP 403). Not retried.
 * The message never contains the credentials.
 */
public class TaskRouterAuthenticationException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link TaskRouterException}.
   *
   * @param cause the underlying failure, or {@code null}
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param message an explanation for people, without URLs or titles
   * @param statusCode the HTTP status, or 0 when no response arrived
   */
  public TaskRouterAuthenticationException(
      String message, int statusCode, int errorCode, Throwable cause) {
    super(Kind.AUTHENTICATION, message, statusCode, errorCode, null, cause);
  }
}
