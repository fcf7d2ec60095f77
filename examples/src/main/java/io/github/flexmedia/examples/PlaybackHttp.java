package io.github.flexmedia.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.twilio.playback.PlaybackRequest;
import io.github.flexmedia.twilio.playback.PlaybackResponse;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link RecordingUrlProvider} served by the JDK's {@code HttpServer} on loopback: the whole
 * glue a framework needs — request method, raw query and headers in; status, headers and body out.
 */
public final class PlaybackHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "playback-http");
    t.setDaemon(true);
    return t;
  });

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
      exchange.getRequestBody().readAllBytes();
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

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
