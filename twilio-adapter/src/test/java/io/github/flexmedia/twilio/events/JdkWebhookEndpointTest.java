package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.LogCapture;
import static io.github.flexmedia.twilio.events.Callbacks.TOKEN;
import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static io.github.flexmedia.twilio.events.Callbacks.WT;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile clients against the JDK endpoint, over real sockets on loopback: regression tests for
 * slow headers, slow bodies, oversize bodies and floods of forged requests.
 */
@Timeout(120)
class JdkWebhookEndpointTest {
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final List<Socket> sockets = new ArrayList<>();
  private AttachQueue queue;
  private HttpServer server;
  private ExecutorService executor;

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
    queue.shutdown(Duration.ofMillis(200));
  }

  private WebhookHandler handler() {
    router.putTask(WS, WT, "{}");
    queue = AttachQueue.builder(router).build();
    return WebhookHandler.builder(queue).verifier(WebhookVerifier.of(TOKEN))
        .onTaskRouterEvent(e -> Optional.of(CRM)).synchronous(Duration.ofSeconds(10)).build();
  }

  /** Serves on loopback with a pool of 4, as example 11 does, and returns the port. */
  private int serve(JdkWebhookEndpoint endpoint) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/twilio/", endpoint);
    executor = endpoint.executor(4);
    server.setExecutor(executor);
    server.start();
    return server.getAddress().getPort();
  }

  private Socket open(int port, String text) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(60_000);
    sockets.add(s);
    s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** Reads what the server sends until it closes the connection. */
  private static String readToClose(Socket s) throws IOException {
    try (InputStream in = s.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (java.net.SocketException reset) {
      return "";
    }
  }

  private static Map<String, String> wrapupNow() {
    Map<String, String> form = Callbacks.wrapup(WT);
    form.put("Timestamp", String.valueOf(Instant.now().getEpochSecond()));
    return form;
  }

  @Test
  @Tag("slow")
  void aGenuineCallbackIsAnsweredWithinFiveSecondsWhileSlowClientsHoldEveryThread()
      throws Exception {
    int port = serve(new JdkWebhookEndpoint(handler(), Duration.ofSeconds(1),
        JdkWebhookEndpoint.MAX_BODY_BYTES));
    // one socket that never finishes its headers, four that never finish their bodies: with the
    // pool of 4, every thread is held by one of them
    Socket slowHeaders = open(port, "POST /twilio/taskrouter HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slo");
    List<Socket> slowBodies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slowBodies.add(open(port, "POST /twilio/taskrouter HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "X-Twilio-Signature: abc\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          + "Content-Length: 1000\r\n\r\nEventType=res"));
    }
    String url = "http://127.0.0.1:" + port + "/twilio/taskrouter";
    Map<String, String> form = wrapupNow();
    HttpRequest genuine = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(5))   // the bound under test: Event Streams' answer limit
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, url, form))
        .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form))).build();

    HttpResponse<String> r = HttpClient.newHttpClient().send(genuine, HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(router.attributes(WS, WT)).contains("crm.example.com");
    // and the slow ones were cut off by the read timeout: the server closed them, unanswered
    assertThat(readToClose(slowHeaders)).isEmpty();
    for (Socket s : slowBodies) {
      assertThat(readToClose(s)).isEmpty();
    }
  }

  @Test
  void anOversizeBodyIsRefusedFromItsLengthWithoutBeingRead() throws Exception {
    int port = serve(new JdkWebhookEndpoint(handler(), Duration.ofSeconds(10), 1024));
    // headers only: the 2 MiB body is never sent, so the answer proves it was not waited for
    Socket s = open(port, "POST /twilio/taskrouter HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "X-Twilio-Signature: abc\r\nContent-Length: " + (2 << 20) + "\r\n\r\n");
    assertThat(firstLine(s)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");

  }

  @Test
  void aForgedRequestIsRefusedFromItsHeadersBeforeItsBodyArrives() throws Exception {
    int port = serve(new JdkWebhookEndpoint(handler(), Duration.ofSeconds(10),
        JdkWebhookEndpoint.MAX_BODY_BYTES));
    // no signature, 1 MiB announced, nothing sent
    Socket unsigned = open(port, "POST /twilio/taskrouter HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: " + (1 << 20) + "\r\n\r\n");
    assertThat(firstLine(unsigned)).isEqualTo("HTTP/1.1 403 Forbidden");
    // a JSON delivery whose signed URL does not match: its signature covers the URL alone
    Socket forgedJson = open(port, "POST /twilio/streams?bodySHA256=" + "0".repeat(64)
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Twilio-Signature: bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==\r\n"
        + "Content-Length: " + (1 << 20) + "\r\n\r\n");
    assertThat(firstLine(forgedJson)).isEqualTo("HTTP/1.1 403 Forbidden");
    assertThat(router.calls()).isEmpty();
  }

  static String firstLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }

  @Test
  @Tag("slow")
  void tenThousandForgedOneMebibyteRequestsLeaveTheHeapFlatAndFewerThanTwentyLogLines() {
    WebhookHandler handler = handler();
    // In-process, through the same refusal path the endpoint takes: 10,000 exchanges of 1 MiB
    // over loopback would take minutes on a loaded 2-core machine. One body is reused (the
    // request copies it, as it does for every request); half the requests have no signature, half
    // are JSON deliveries with a forged one.
    byte[] mebibyte = new byte[1 << 20];
    java.util.Arrays.fill(mebibyte, (byte) 'a');
    String forgedJsonUrl = "https://hooks.example.com/twilio/streams?bodySHA256=" + "0".repeat(64);
    Map<String, List<String>> unsigned = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"));
    Map<String, List<String>> forged = Map.of("X-Twilio-Signature", List.of("bm90IGEgc2lnbmF0dXJlIGF0IGFsbA=="));
    try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
      for (int i = 0; i < 100; i++) {   // warm-up, so that class loading is not counted as heap
        handler.handle(new WebhookRequest("POST", forgedJsonUrl, forged, mebibyte));
      }
      long before = usedHeapAfterGc();
      int refused = 0;
      for (int i = 0; i < 10_000; i++) {
        WebhookResponse r = i % 2 == 0
            ? handler.handle(new WebhookRequest("POST", "https://hooks.example.com/twilio/taskrouter",
                unsigned, mebibyte))
            : handler.handle(new WebhookRequest("POST", forgedJsonUrl, forged, mebibyte));
        refused += r.status() == 403 ? 1 : 0;
      }
      long after = usedHeapAfterGc();

      assertThat(refused).isEqualTo(10_000);
      assertThat(after - before).as("heap growth in bytes").isLessThan(16L << 20);
      assertThat(log.lines()).hasSizeLessThan(20).first().asString().startsWith("WARNING webhook refused");
    }
    assertThat(router.calls()).isEmpty();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {   // the smallest of three: a GC is a request, not a promise
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
