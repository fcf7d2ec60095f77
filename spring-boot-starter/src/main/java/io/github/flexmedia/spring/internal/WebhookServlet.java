package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.events.WebhookHandler;
import io.github.flexmedia.twilio.events.WebhookRequest;
import io.github.flexmedia.twilio.events.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A webhook endpoint: the servlet request goes to the framework-neutral {@link WebhookHandler}
 * as it arrived (method, URL, headers, raw body) and the handler's answer goes back as it is.
 * Signatures, parsing and status codes are the handler's.
 */
public final class WebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Largest body read; Twilio's callbacks are a few kilobytes. */
  static final int MAX_BODY = io.github.flexmedia.twilio.events.JdkWebhookEndpoint.MAX_BODY_BYTES;

  private final transient WebhookHandler handler;

  /**
   * Serves {@code handler}.
   *
   * @param handler the handler
   */
  public WebhookServlet(WebhookHandler handler) {
    this.handler = handler;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      ServletExchange.write(response, 413, java.util.Map.of("Content-Type", "text/plain"),
          "request body too large\n");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      ServletExchange.write(response, 413, java.util.Map.of("Content-Type", "text/plain"),
          "request body too large\n");
      return;
    }
    WebhookResponse answer = handler.handle(new WebhookRequest(request.getMethod(),
        ServletExchange.url(request), ServletExchange.headers(request), body));
    ServletExchange.write(response, answer.status(), answer.headers(), answer.body());
  }
}
