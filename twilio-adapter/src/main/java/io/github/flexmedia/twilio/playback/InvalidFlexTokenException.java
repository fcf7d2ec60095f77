package io.github.flexmedia.twilio.playback;

/**
 * Twilio answered that the token is not valid for this account: expired, revoked, garbled or
 * issued for another account. The player should get a 401.
 */
public final class InvalidFlexTokenException extends FlexTokenException {
  private static final long serialVersionUID = 1L;

  /** Twilio's error code, 0 for none. */
  private final int code;

  /**
   * Creates the refusal.
   *
   * @param code Twilio's error code from the validation answer (0 when it gave none)
   */
  public InvalidFlexTokenException(int code) {
    super("the Flex token is not valid for this account (Twilio code " + code + ")", null);
    this.code = code;
  }

  /**
   * Twilio's error code from the validation answer, e.g. 20104 for an expired token.
   *
   * @return the code, or 0 when Twilio gave none
   */
  public int code() {
    return code;
  }
}
