package io.github.flexmedia.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.twilio.events.JdkWebhookEndpoint;
import io.github.flexmedia.twilio.playback.PlaybackRequest;
import io.github.flexmedia.twilio.playback.PlaybackResponse;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * A {@link RecordingUrlProvider} served by the JDK's {@code HttpServer} on loopback: the whole
 * glue a framework needs — request method, raw query and headers in; status, headers and body out.
 * Bounded like {@link JdkWebhookEndpoint}: each request has {@link #READ_TIMEOUT} to send its
 * headers and body, and a body (a playback GET has none) over {@link #MAX_BODY_BYTES} is answered
 * 413 unread, so a slow or oversized request cannot hold a thread or fill the heap.
 */
public final class PlaybackHttp implements AutoCloseable {
  /** The time a request has to send its request line, headers and body. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  /** The largest body read: a playback request is a GET without one. */
  public static final int MAX_BODY_BYTES = 8 * 1024;

  private final HttpServer server;
  private final ExecutorService executor = JdkWebhookEndpoint.readDeadlineExecutor(4, READ_TIMEOUT);

  private PlaybackHttp(RecordingUrlProvider provider, String path) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext(path, exchange -> serve(provider, exchange));
    server.start();
  }

  /**
   * Serves {@code provider} at {@code path} on 127.0.0.1, an ephemeral port.
   *
   * @param provider the endpoint's logic
   * @param path e.g. {@code /recordings}
   * @return the running server
   */
  public static PlaybackHttp start(RecordingUrlProvider provider, String path) {
    try {
      return new PlaybackHttp(provider, path);
    } catch (IOException e) {
      throw new IllegalStateException("could not bind a loopback port", e);
    }
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(RecordingUrlProvider provider, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (declaredLength(exchange) > MAX_BODY_BYTES || exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1).length > MAX_BODY_BYTES) {
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      // Read: the provider's own calls (token validation) are not cut off by the read timeout.
      JdkWebhookEndpoint.readComplete();
      PlaybackResponse response = provider.handle(PlaybackRequest.of(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders()));
      for (Map.Entry<String, String> h : response.headers().entrySet()) {
        exchange.getResponseHeaders().set(h.getKey(), h.getValue());
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return length == null ? 0 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
