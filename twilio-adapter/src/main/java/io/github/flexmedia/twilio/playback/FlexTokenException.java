package io.github.flexmedia.twilio.playback;

/**
 * A Flex token could not be accepted. Messages never contain the token, the identity or a URL.
 * The two subclasses call for different answers: {@link InvalidFlexTokenException} is the user's
 * problem (401), {@link FlexTokenUnavailableException} is ours (503).
 */
public abstract class FlexTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, without the token
   * @param cause the underlying failure, or {@code null}
   */
  protected FlexTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
