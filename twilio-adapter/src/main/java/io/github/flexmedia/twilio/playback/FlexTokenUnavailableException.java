package io.github.flexmedia.twilio.playback;

/**
 * The token could not be checked: Twilio unreachable, a 5xx or 429, an answer that is not the
 * documented JSON, or Twilio refusing this service's own credentials. Nothing is known about the
 * user, so the player should get a 503, not a 401.
 */
public final class FlexTokenUnavailableException extends FlexTokenException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status Twilio answered, 0 for none. */
  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without the token or credentials
   * @param statusCode the HTTP status Twilio answered, or 0 when there was no answer
   * @param cause the underlying failure, or {@code null}
   */
  public FlexTokenUnavailableException(String message, int statusCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /**
   * The HTTP status Twilio answered.
   *
   * @return the status, or 0 when there was no answer
   */
  public int statusCode() {
    return statusCode;
  }
}
