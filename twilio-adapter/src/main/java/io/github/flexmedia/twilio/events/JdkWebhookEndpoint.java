package io.github.flexmedia.twilio.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsServer;
import io.github.flexmedia.twilio.internal.events.ReadDeadlineExecutor;
import io.github.flexmedia.twilio.internal.events.RefusalLog;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves a {@link WebhookHandler} from the JDK's {@code com.sun.net.httpserver} server, which
 * needs no dependency: handy for small services and tests. Give the server this endpoint's
 * {@link #executor()}: it is what bounds slow clients.
 *
 * <pre>{@code
 * JdkWebhookEndpoint endpoint = new JdkWebhookEndpoint(handler);
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/twilio/", endpoint);
 * server.setExecutor(endpoint.executor());   // bounds header and body time, by itself
 * server.start();
 * }</pre>
 *
 * <p>What a slow or hostile client can take, and for how long:
 * <ul>
 *   <li><b>Time.</b> The JDK server reads a request's headers on the executor's thread, before any
 *       handler runs, and its own timeouts are JVM-wide system properties. With {@link
 *       #executor()} each request has {@link #DEFAULT_READ_TIMEOUT} (or the timeout given) to
 *       deliver its request line, headers and body; past it the connection is closed and the
 *       thread is free. The executor has {@link #DEFAULT_THREADS} threads: a client must hold that
 *       many slow sockets at once to delay anyone, and then only by the read timeout. Twilio waits
 *       15 s for a callback, Event Streams 5 s: keep the read timeout well under both. With the
 *       server's default executor (none set) a single slow client blocks every request.</li>
 *   <li><b>Size.</b> A body over the limit ({@value #MAX_BODY_BYTES} bytes by default) is
 *       answered 413 from its {@code Content-Length} without being read, or after reading one
 *       byte past the limit when no length is given; the JDK server caps the request headers
 *       itself.</li>
 *   <li><b>Work.</b> A request that can be refused from its request line and headers (not a
 *       POST; no {@code X-Twilio-Signature}; a JSON delivery whose signed URL does not match) is
 *       answered before its body is read. Refusals are logged at most once a minute, with a
 *       count.</li>
 * </ul>
 *
 * <p>The URL handed to the handler is rebuilt from the {@code Host} header and the request line,
 * with {@code https} under an {@code HttpsServer}; behind a proxy, set {@link
 * WebhookHandler.Builder#publicUrl(String)}. Set the system property {@code
 * sun.net.httpserver.nodelay=true} before the JDK server class loads: without it, Nagle's
 * algorithm adds about 45 ms to every exchange.
 */
public final class JdkWebhookEndpoint implements HttpHandler {
  /** The default largest body: Twilio's callbacks are a few kilobytes, Event Streams batches more. */
  public static final int MAX_BODY_BYTES = 1 << 20;
  /** The default time a request has to deliver its request line, headers and body. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  /** The default number of threads of {@link #executor()}. */
  public static final int DEFAULT_THREADS = 16;

  private static final System.Logger LOG = System.getLogger(JdkWebhookEndpoint.class.getName());
  private static final Map<String, String> CLOSE =
      Map.of("Connection", "close", "Content-Type", "text/plain; charset=utf-8");

  private final WebhookHandler handler;
  private final Duration readTimeout;
  private final int maxBodyBytes;
  private final RefusalLog refusals = new RefusalLog(LOG, Clock.systemUTC());
  private final AtomicBoolean unguardedWarned = new AtomicBoolean();

  /**
   * Serves {@code handler} with the default read timeout and body limit.
   *
   * @param handler the handler
   */
  public JdkWebhookEndpoint(WebhookHandler handler) {
    this(handler, DEFAULT_READ_TIMEOUT, MAX_BODY_BYTES);
  }

  /**
   * Serves {@code handler}.
   *
   * @param handler the handler
   * @param readTimeout the time a request has to deliver its request line, headers and body,
   *     enforced by {@link #executor()}
   * @param maxBodyBytes the largest body read
   * @throws IllegalArgumentException if the timeout is not positive or the limit below 1
   */
  public JdkWebhookEndpoint(WebhookHandler handler, Duration readTimeout, int maxBodyBytes) {
    this.handler = Objects.requireNonNull(handler, "handler");
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1");
    }
    this.readTimeout = readTimeout;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * A new executor for the server ({@code server.setExecutor(endpoint.executor())}) with {@link
   * #DEFAULT_THREADS} threads, which enforces this endpoint's read timeout on every request,
   * headers included. Shut it down after {@code server.stop(..)}.
   *
   * @return a new executor
   */
  public ExecutorService executor() {
    return executor(DEFAULT_THREADS);
  }

  /**
   * A new executor like {@link #executor()} with {@code threads} threads. Requests beyond them
   * wait in its queue; each holds a thread at most the read timeout while it is being read.
   *
   * @param threads the number of threads, at least 1
   * @return a new executor
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public ExecutorService executor(int threads) {
    return readDeadlineExecutor(threads, readTimeout);
  }

  /**
   * An executor like {@link #executor()} for other handlers on a JDK server (a playback endpoint,
   * say): each request has {@code readTimeout} to deliver its request line, headers and body, until
   * its handler calls {@link #readComplete()}.
   *
   * @param threads the number of threads, at least 1
   * @param readTimeout the read timeout, positive
   * @return a new executor
   * @throws IllegalArgumentException if {@code threads} is below 1 or the timeout not positive
   */
  public static ExecutorService readDeadlineExecutor(int threads, Duration readTimeout) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive");
    }
    return new ReadDeadlineExecutor(threads, readTimeout);
  }

  /**
   * For other handlers served by an {@link #executor()}: marks the current request as read, so
   * that its read timeout no longer applies (a handler that calls out, for example to validate a
   * token, must not be cut off by it). Does nothing on a thread of another executor.
   *
   * @throws IOException if the read timeout already passed; the connection is then closed
   */
  public static void readComplete() throws IOException {
    ReadDeadlineExecutor.readComplete();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!ReadDeadlineExecutor.guarded() && unguardedWarned.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "flex-media: JdkWebhookEndpoint runs without its executor():"
            + " a client that sends its headers or body slowly holds a thread for as long as it"
            + " likes; call server.setExecutor(endpoint.executor())");
      }
      String scheme = exchange.getHttpContext().getServer() instanceof HttpsServer ? "https" : "http";
      String host = exchange.getRequestHeaders().getFirst("Host");
      if (host == null) {
        host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
      }
      String url = scheme + "://" + host + exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      WebhookResponse response = handler.screen(exchange.getRequestMethod(), url,
          exchange.getRequestHeaders()::getFirst).orElse(null);
      if (response == null) {
        byte[] body = declaredLength(exchange) > maxBodyBytes ? null
            : exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
        if (body == null || body.length > maxBodyBytes) {
          refusals.refused(Level.WARNING, "request body over " + maxBodyBytes + " bytes");
          response = new WebhookResponse(413, CLOSE, "request body too large\n");
        } else {
          readComplete();
          response = handler.handle(new WebhookRequest(
              exchange.getRequestMethod(), url, exchange.getRequestHeaders(), body));
        }
      } else {
        // Refused unread: the body is left, so the connection cannot carry another request.
        response = withClose(response);
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out); // nothing, for a response without a body: the JDK's stream takes 0 bytes
      }
    }
  }

  private static WebhookResponse withClose(WebhookResponse r) {
    Map<String, String> headers = new java.util.HashMap<>(r.headers());
    headers.put("Connection", "close");
    return new WebhookResponse(r.status(), headers, r.body());
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
