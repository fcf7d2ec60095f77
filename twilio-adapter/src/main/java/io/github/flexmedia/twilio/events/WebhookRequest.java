package io.github.flexmedia.twilio.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as any web framework sees it, for {@link WebhookHandler}.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param url the full URL the server received, query included (scheme, host and port may be the
 *     ones behind a proxy: see {@link WebhookHandler.Builder#publicUrl(String)})
 * @param headers the request headers; names are matched without regard to case
 * @param body the request body
 */
public record WebhookRequest(
    String method, String url, Map<String, List<String>> headers, byte[] body) {

  /**
   * Copies the headers and the body.
   *
   * @param method the HTTP method
   * @param url the full URL
   * @param headers the headers
   * @param body the body, {@code null} for none
   */
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = body == null ? new byte[0] : body.clone();
  }

  /**
   * The request body.
   *
   * @return a copy of the body
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * The first value of a header, its name matched without regard to case.
   *
   * @param name the header name
   * @return the first value, or {@code null} when absent
   */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** The body without a copy, for the handler's own reading. */
  byte[] rawBody() {
    return body;
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Shows the method and the body's size only: the URL's query and the body may hold PHI. */
  @Override
  public String toString() {
    return "WebhookRequest[method=" + method + ", body=" + body.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookRequest r && method.equals(r.method) && url.equals(r.url)
        && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, url, headers, java.util.Arrays.hashCode(body));
  }
}
