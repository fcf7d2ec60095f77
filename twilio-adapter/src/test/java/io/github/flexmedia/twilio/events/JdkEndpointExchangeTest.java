package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.TOKEN;
import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static io.github.flexmedia.twilio.events.Callbacks.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.LogCapture;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDK endpoint's exchange as a client sees it, over loopback: the URL it verifies, the body
 * limit at its edge, the warning when it runs without its executor, and a handler that calls out
 * after the body was read is not cut off by the read timeout.
 */
@Timeout(60)
class JdkEndpointExchangeTest {
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final HttpClient client = HttpClient.newHttpClient();
  private AttachQueue queue;
  private HttpServer server;
  private ExecutorService executor;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    if (queue != null) {
      queue.shutdown(Duration.ofMillis(200));
    }
  }

  private WebhookHandler handler(Function<TaskRouterEvent, Optional<MediaAttributes>> onEvent) {
    router.putTask(WS, WT, "{}");
    queue = AttachQueue.builder(router).build();
    return WebhookHandler.builder(queue).verifier(WebhookVerifier.of(TOKEN))
        .onTaskRouterEvent(onEvent).synchronous(Duration.ofSeconds(10)).build();
  }

  private WebhookHandler handler() {
    return handler(e -> Optional.of(CRM));
  }

  /** Serves on loopback; with {@code guarded}, on the endpoint's own executor of 2 threads. */
  private int serve(JdkWebhookEndpoint endpoint, boolean guarded) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/twilio/", endpoint);
    if (guarded) {
      executor = endpoint.executor(2);
      server.setExecutor(executor);
    }
    server.start();
    return server.getAddress().getPort();
  }

  private static Map<String, String> wrapupNow() {
    Map<String, String> form = Callbacks.wrapup(WT);
    form.put("Timestamp", String.valueOf(Instant.now().getEpochSecond()));
    return form;
  }

  private HttpResponse<String> post(String url, Map<String, String> form,
      HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, url, form))
        .POST(body).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBodyOfExactlyTheLimitIsAttachedAndOneByteMoreWithoutALengthIsRefused413() throws Exception {
    Map<String, String> form = wrapupNow();
    byte[] body = TwilioSigner.form(form).getBytes(StandardCharsets.UTF_8);
    int port = serve(new JdkWebhookEndpoint(handler(), Duration.ofSeconds(10), body.length), true);
    String url = "http://127.0.0.1:" + port + "/twilio/taskrouter";
    byte[] oneMore = (TwilioSigner.form(form) + "&").getBytes(StandardCharsets.UTF_8);

    try (LogCapture log = LogCapture.of(JdkWebhookEndpoint.class)) {
      HttpResponse<String> exact = post(url, form, HttpRequest.BodyPublishers.ofByteArray(body));
      // an input stream of unknown length: sent chunked, so only reading tells its size
      HttpResponse<String> over = post(url, form,
          HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oneMore)));

      assertThat(exact.statusCode()).isEqualTo(200);
      assertThat(router.attributes(WS, WT)).contains("crm.example.com");
      assertThat(over.statusCode()).isEqualTo(413);
      assertThat(over.body()).isEqualTo("request body too large\n");
      assertThat(log.lines()).containsExactly(
          "WARNING webhook refused: request body over " + body.length + " bytes");
    }
  }

  @Test
  void theUrlVerifiedIsTheOneTheHostHeaderNames() throws Exception {
    int port = serve(new JdkWebhookEndpoint(handler()), true);
    Map<String, String> form = wrapupNow();
    String signedFor = "http://hooks.example.com/twilio/taskrouter";
    String body = TwilioSigner.form(form);

    assertThat(rawPost(port, "HTTP/1.1\r\nHost: hooks.example.com\r\nConnection: close",
        TwilioSigner.sign(TOKEN, signedFor, form), body)).isEqualTo("HTTP/1.1 200 OK");
  }

  /** The status line answering a hand-written form POST; {@code head} ends its request line. */
  private static String rawPost(int port, String head, String signature, String body)
      throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(("POST /twilio/taskrouter " + head + "\r\n"
          + "X-Twilio-Signature: " + signature + "\r\n"
          + "Content-Type: application/x-www-form-urlencoded\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.US_ASCII));
      return JdkWebhookEndpointTest.firstLine(s);
    }
  }

  @Test
  void withoutAHostHeaderTheUrlIsTheLocalAddress() throws Exception {
    int port = serve(new JdkWebhookEndpoint(handler()), true);
    Map<String, String> form = wrapupNow();
    String signedFor = "http://127.0.0.1:" + port + "/twilio/taskrouter";
    String body = TwilioSigner.form(form);

    assertThat(rawPost(port, "HTTP/1.0", TwilioSigner.sign(TOKEN, signedFor, form), body))
        .endsWith(" 200 OK");
  }

  @Test
  void withoutItsExecutorTheEndpointWarnsOnceAndWithItNever() throws Exception {
    String url;
    try (LogCapture log = LogCapture.of(JdkWebhookEndpoint.class)) {
      int port = serve(new JdkWebhookEndpoint(handler()), false);
      url = "http://127.0.0.1:" + port + "/twilio/taskrouter";
      for (int i = 0; i < 3; i++) {
        assertThat(post(url, wrapupNow(), HttpRequest.BodyPublishers.ofString("x")).statusCode())
            .isEqualTo(403);
      }

      assertThat(log.lines()).filteredOn(l -> l.contains("runs without its executor()"))
          .containsExactly("WARNING flex-media: JdkWebhookEndpoint runs without its executor():"
              + " a client that sends its headers or body slowly holds a thread for as long as it"
              + " likes; call server.setExecutor(endpoint.executor())");
    }
    server.stop(0);
    queue.shutdown(Duration.ofMillis(200));
    try (LogCapture log = LogCapture.of(JdkWebhookEndpoint.class)) {
      int port = serve(new JdkWebhookEndpoint(handler()), true);
      url = "http://127.0.0.1:" + port + "/twilio/taskrouter";
      assertThat(post(url, wrapupNow(), HttpRequest.BodyPublishers.ofString("x")).statusCode())
          .isEqualTo(403);

      assertThat(log.lines()).noneMatch(l -> l.contains("runs without its executor()"));
    }
  }

  @Test
  void aHandlerStillWorkingAfterTheBodyWasReadIsNotCutOffByTheReadTimeout() throws Exception {
    Duration readTimeout = Duration.ofMillis(100);
    AtomicBoolean interrupted = new AtomicBoolean();
    // the media function outlasts the read timeout: the body is read by then, so the deadline
    // must not interrupt it
    WebhookHandler handler = handler(e -> {
      try {
        Thread.sleep(readTimeout.multipliedBy(5).toMillis());
      } catch (InterruptedException ie) {
        interrupted.set(true);
        Thread.currentThread().interrupt();
      }
      return Optional.of(CRM);
    });
    int port = serve(new JdkWebhookEndpoint(handler, readTimeout, JdkWebhookEndpoint.MAX_BODY_BYTES),
        true);
    String url = "http://127.0.0.1:" + port + "/twilio/taskrouter";
    Map<String, String> form = wrapupNow();

    HttpResponse<String> r = post(url, form, HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form)));

    assertThat(interrupted).isFalse();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(router.attributes(WS, WT)).contains("crm.example.com");
  }

  @Test
  void theSmallestLimitsAreOneByteAndOneThreadAndTheDefaultPoolHasSixteen() {
    WebhookHandler handler = handler();
    JdkWebhookEndpoint endpoint = new JdkWebhookEndpoint(handler, Duration.ofSeconds(1), 1);
    assertThatThrownBy(() -> new JdkWebhookEndpoint(handler, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxBodyBytes must be at least 1");
    assertThatThrownBy(() -> JdkWebhookEndpoint.readDeadlineExecutor(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be at least 1");

    ExecutorService one = JdkWebhookEndpoint.readDeadlineExecutor(1, Duration.ofSeconds(1));
    ExecutorService sixteen = endpoint.executor();
    try {
      assertThat(((ThreadPoolExecutor) one).getMaximumPoolSize()).isEqualTo(1);
      assertThat(((ThreadPoolExecutor) sixteen).getMaximumPoolSize())
          .isEqualTo(JdkWebhookEndpoint.DEFAULT_THREADS).isEqualTo(16);
      assertThatCode(() -> one.submit(() -> { }).get()).doesNotThrowAnyException();
    } finally {
      one.shutdownNow();
      sixteen.shutdownNow();
    }
  }
}
