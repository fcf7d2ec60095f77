package io.github.flexmedia.twilio.events;

import io.github.flexmedia.FlexMediaException;

/**
 * A webhook request did not carry a valid {@code X-Twilio-Signature}: the header was missing or
 * blank, or it did not match the URL, the parameters (or body) and any configured auth token.
 * Bad input, so a {@link FlexMediaException} (and an {@link IllegalArgumentException}); {@link
 * WebhookHandler} answers it 403.
 *
 * <p>The message says which of these it was and nothing else: it never holds a parameter value,
 * the URL's path or query, the body, the signature or a token.
 */
public class WebhookSignatureException extends FlexMediaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, without any request data
   */
  public WebhookSignatureException(String message) {
    super(message);
  }

  /**
   * Where the problem is: the signature header.
   *
   * @return {@value WebhookVerifier#SIGNATURE_HEADER}
   */
  @Override
  public String where() {
    return WebhookVerifier.SIGNATURE_HEADER;
  }
}
