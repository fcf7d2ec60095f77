package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.FlexMediaException;

/**
 * The Flex token is not valid for this account: Twilio answered that it is expired, revoked,
 * garbled or issued for another account, or it is not a compact JWE at all (then Twilio is not
 * asked, and {@link #code()} is 0). Bad input, so a {@link FlexMediaException}; the player should
 * get a 401. A token that could not be checked is not this exception but a {@link
 * io.github.flexmedia.twilio.TaskRouterException} (a failed call, a 503 for the player).
 */
public final class InvalidFlexTokenException extends FlexMediaException {
  private static final long serialVersionUID = 1L;

  /** Twilio's error code, 0 for none. */
  private final int code;

  /**
   * Creates the refusal.
   *
   * @param code Twilio's error code from the validation answer (0 when it gave none)
   */
  public InvalidFlexTokenException(int code) {
    super("the Flex token is not valid for this account (Twilio code " + code + ")");
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

  /**
   * Where the problem is: the token.
   *
   * @return {@code token}
   */
  @Override
  public String where() {
    return "token";
  }
}
