package io.github.flexmedia.twilio.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a {@link WebhookHandler} from the JDK's {@code com.sun.net.httpserver} server, which
 * needs no dependency: handy for small services and tests.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/twilio/", new JdkWebhookEndpoint(handler));
 * server.start();
 * }</pre>
 *
 * <p>The URL handed to the handler is rebuilt from the {@code Host} header and the request line,
 * with {@code https} under an {@code HttpsServer}; behind a proxy, set {@link
 * WebhookHandler.Builder#publicUrl(String)}. Request bodies over {@value #MAX_BODY_BYTES} bytes
 * are answered 413 unread.
 *
 * <p>Set the system property {@code sun.net.httpserver.nodelay=true} before the JDK server class
 * loads: without it, Nagle's algorithm adds about 45 ms to every exchange.
 */
public final class JdkWebhookEndpoint implements HttpHandler {
  /** The largest body read: Twilio's callbacks are a few kilobytes, Event Streams batches more. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final WebhookHandler handler;

  /**
   * Serves {@code handler}.
   *
   * @param handler the handler
   */
  public JdkWebhookEndpoint(WebhookHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = read(exchange.getRequestBody());
      WebhookResponse response;
      if (body == null) {
        response = new WebhookResponse(413, Map.of(), "");
      } else {
        String scheme = exchange.getHttpContext().getServer() instanceof HttpsServer ? "https" : "http";
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
          host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        String url = scheme + "://" + host + exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        response = handler.handle(new WebhookRequest(
            exchange.getRequestMethod(), url, exchange.getRequestHeaders(), body));
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }
}
