package io.github.flexmedia.twilio.events;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link WebhookHandler} answers: write it back with your framework. The body never holds
 * anything from the request.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body, empty for none
 */
public record WebhookResponse(int status, Map<String, String> headers, String body) {

  /**
   * Copies the headers.
   *
   * @param status the HTTP status
   * @param headers the headers
   * @param body the body
   */
  public WebhookResponse {
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    Objects.requireNonNull(body, "body");
  }
}
