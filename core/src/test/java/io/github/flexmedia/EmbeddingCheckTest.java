package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.EmbeddingVerdict.Outcome;
import io.github.flexmedia.EmbeddingVerdict.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every branch of the verdict, against loopback servers. */
@Timeout(60)
class EmbeddingCheckTest {
  private static HttpServer server;
  private static final Map<String, List<String[]>> HEADERS = new ConcurrentHashMap<>();
  private static final Map<String, Integer> STATUS = new ConcurrentHashMap<>();
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();
  private static final MediaPolicy LAB = MediaPolicy.builder().allowInsecureHttp().build();
  /**
   * Generous on purpose: every answer here comes from loopback at once, and the timeout only bounds
   * a failure. 1.5 s was too short for a cold TLS handshake on a busy 2-core machine (TLS_ERROR
   * came back as TIMEOUT in 2 of 8 builds). Only slowServerTimesOut tests the timeout itself.
   */
  private static final EmbeddingCheck CHECK =
      EmbeddingCheck.builder().policy(LAB).timeout(Duration.ofSeconds(30)).build();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      SEEN.add(exchange.getRequestMethod() + " " + path + " cookie=" + exchange.getRequestHeaders().containsKey("Cookie")
          + " auth=" + exchange.getRequestHeaders().containsKey("Authorization"));
      if (path.equals("/slow")) {
        try {
          Thread.sleep(5000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (path.equals("/head-refused") && exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
        exchange.close();
        return;
      }
      for (String[] h : HEADERS.getOrDefault(path, List.of())) {
        exchange.getResponseHeaders().add(h[0], h[1].replace("PORT", String.valueOf(port())));
      }
      exchange.sendResponseHeaders(STATUS.getOrDefault(path, 200), -1);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static int port() {
    return server.getAddress().getPort();
  }

  private static void page(String path, int status, String... headerPairs) {
    STATUS.put(path, status);
    List<String[]> list = new CopyOnWriteArrayList<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      list.add(new String[] {headerPairs[i], headerPairs[i + 1]});
    }
    HEADERS.put(path, list);
  }

  private static MediaLink.Embedded link(String path) {
    return new MediaLink.Embedded(URI.create("http://127.0.0.1:" + port() + path), "t");
  }

  static Stream<Arguments> headerCases() {
    String csp = "Content-Security-Policy";
    String xfo = "X-Frame-Options";
    return Stream.of(
        Arguments.of("/plain", new String[] {}, Outcome.EMBEDDABLE, Reason.NO_FRAMING_RESTRICTIONS),
        Arguments.of("/xfo-deny", new String[] {xfo, "DENY"}, Outcome.NOT_EMBEDDABLE, Reason.X_FRAME_OPTIONS_DENY),
        Arguments.of("/xfo-deny-lower", new String[] {xfo, "deny"}, Outcome.NOT_EMBEDDABLE, Reason.X_FRAME_OPTIONS_DENY),
        Arguments.of("/xfo-same", new String[] {xfo, "SAMEORIGIN"}, Outcome.NOT_EMBEDDABLE, Reason.X_FRAME_OPTIONS_SAMEORIGIN),
        Arguments.of("/xfo-allow-from", new String[] {xfo, "ALLOW-FROM https://flex.twilio.com"}, Outcome.EMBEDDABLE, Reason.NO_FRAMING_RESTRICTIONS),
        Arguments.of("/fa-none", new String[] {csp, "default-src 'self'; frame-ancestors 'none'"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_NONE),
        Arguments.of("/fa-empty", new String[] {csp, "frame-ancestors"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_NONE),
        Arguments.of("/fa-self", new String[] {csp, "frame-ancestors 'self'"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_SELF_ONLY),
        Arguments.of("/fa-flex", new String[] {csp, "frame-ancestors 'self' https://flex.twilio.com"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-wildcard-host", new String[] {csp, "frame-ancestors https://*.twilio.com"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-schemeless", new String[] {csp, "FRAME-ANCESTORS *.twilio.com"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-scheme", new String[] {csp, "frame-ancestors https:"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-star", new String[] {csp, "frame-ancestors *"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-port", new String[] {csp, "frame-ancestors https://flex.twilio.com:443"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-path", new String[] {csp, "frame-ancestors https://flex.twilio.com/agent-desktop/"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-other", new String[] {csp, "frame-ancestors https://crm.example.com https://twilio.com"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_EXCLUDES_FLEX),
        Arguments.of("/fa-wrong-port", new String[] {csp, "frame-ancestors https://flex.twilio.com:8443"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_EXCLUDES_FLEX),
        Arguments.of("/fa-wrong-scheme", new String[] {csp, "frame-ancestors wss://flex.twilio.com"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_EXCLUDES_FLEX),
        Arguments.of("/fa-beats-xfo", new String[] {csp, "frame-ancestors https://flex.twilio.com", xfo, "DENY"}, Outcome.EMBEDDABLE, Reason.FRAME_ANCESTORS_ADMITS_FLEX),
        Arguments.of("/fa-two-policies", new String[] {csp, "frame-ancestors *", csp, "frame-ancestors 'none'"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_NONE),
        Arguments.of("/fa-comma-policies", new String[] {csp, "frame-ancestors *, frame-ancestors https://crm.example.com"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_EXCLUDES_FLEX),
        Arguments.of("/fa-first-wins", new String[] {csp, "frame-ancestors 'none'; frame-ancestors *"}, Outcome.NOT_EMBEDDABLE, Reason.FRAME_ANCESTORS_NONE),
        Arguments.of("/csp-no-fa", new String[] {csp, "default-src 'none'", xfo, "DENY"}, Outcome.NOT_EMBEDDABLE, Reason.X_FRAME_OPTIONS_DENY),
        Arguments.of("/report-only", new String[] {"Content-Security-Policy-Report-Only", "frame-ancestors 'none'"}, Outcome.EMBEDDABLE, Reason.NO_FRAMING_RESTRICTIONS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerCases")
  void judgesFramingHeaders(String path, String[] headers, Outcome outcome, Reason reason) {
    page(path, 200, headers);

    EmbeddingVerdict v = CHECK.check(link(path));

    assertThat(v.outcome()).isEqualTo(outcome);
    assertThat(v.reason()).isEqualTo(reason);
    assertThat(v.embeddable()).isEqualTo(outcome == Outcome.EMBEDDABLE);
    if (outcome == Outcome.EMBEDDABLE) {
      assertThat(v.advice()).isEmpty();
    } else {
      assertThat(v.advice()).contains("MediaLink.referenced");
    }
  }

  @Test
  void selfAdmitsFlexWhenThePageIsOnTheFlexOrigin() {
    page("/self-on-flex", 200, "Content-Security-Policy", "frame-ancestors 'self'");
    EmbeddingCheck onFlex = EmbeddingCheck.builder().policy(LAB)
        .flexOrigin(URI.create("http://127.0.0.1:" + port())).build();
    assertThat(onFlex.check(link("/self-on-flex")).reason()).isEqualTo(Reason.FRAME_ANCESTORS_ADMITS_FLEX);
    page("/same-on-flex", 200, "X-Frame-Options", "SAMEORIGIN");
    assertThat(onFlex.check(link("/same-on-flex")).outcome()).isEqualTo(Outcome.EMBEDDABLE);
  }

  @Test
  void errorStatusWithoutHeadersIsUnknownButWithHeadersIsJudged() {
    page("/missing", 404);
    page("/login", 401, "X-Frame-Options", "DENY");

    EmbeddingVerdict missing = CHECK.check(link("/missing"));
    EmbeddingVerdict login = CHECK.check(link("/login"));

    assertThat(missing.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(missing.reason()).isEqualTo(Reason.HTTP_ERROR_STATUS);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(login.reason()).isEqualTo(Reason.X_FRAME_OPTIONS_DENY);
  }

  @Test
  void refusedHeadFallsBackToGet() {
    page("/head-refused", 200, "X-Frame-Options", "DENY");
    SEEN.clear();

    EmbeddingVerdict v = CHECK.check(link("/head-refused"));

    assertThat(v.reason()).isEqualTo(Reason.X_FRAME_OPTIONS_DENY);
    assertThat(SEEN).extracting(s -> s.split(" ")[0]).containsExactly("HEAD", "GET");
  }

  @Test
  void followsRedirectsAndJudgesTheTarget() {
    page("/r1", 302, "Location", "/r2");
    page("/r2", 301, "Location", "http://127.0.0.1:PORT/final");
    page("/final", 200, "Content-Security-Policy", "frame-ancestors 'none'");

    EmbeddingVerdict v = CHECK.check(link("/r1"));

    assertThat(v.reason()).isEqualTo(Reason.FRAME_ANCESTORS_NONE);
    assertThat(v.redirects()).isEqualTo(2);
  }

  @Test
  void redirectLoopsEnd() {
    page("/loop", 302, "Location", "/loop");
    EmbeddingVerdict v = EmbeddingCheck.builder().policy(LAB).maxRedirects(3).build().check(link("/loop"));
    assertThat(v.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
    assertThat(v.redirects()).isEqualTo(3);
  }

  @Test
  void redirectsAreCheckedAgainstThePolicy() {
    page("/to-js", 302, "Location", "javascript:alert(1)");
    page("/to-other-host", 302, "Location", "https://evil.example.net/PHI-9");
    page("/to-http", 302, "Location", "http://127.0.0.1:PORT/plain");
    MediaPolicy onlyLoopback = MediaPolicy.builder().allowInsecureHttp().allowHosts("127.0.0.1").build();
    EmbeddingCheck check = EmbeddingCheck.builder().policy(onlyLoopback).build();

    assertThat(check.check(link("/to-js")).reason()).isEqualTo(Reason.REDIRECT_REFUSED);
    EmbeddingVerdict other = check.check(link("/to-other-host"));
    assertThat(other.reason()).isEqualTo(Reason.REDIRECT_REFUSED);
    assertThat(other.detail()).doesNotContain("evil").doesNotContain("PHI-9");
    // The strict default refuses the plain-http link itself before any request.
    assertThat(EmbeddingCheck.create().check(link("/to-http")).reason()).isEqualTo(Reason.POLICY_REFUSED);
  }

  @Test
  void slowServerTimesOut() {
    page("/slow", 200);
    EmbeddingVerdict v = EmbeddingCheck.builder().policy(LAB).timeout(Duration.ofMillis(300)).build().check(link("/slow"));
    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(v.reason()).isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void closedPortIsUnreachable() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    EmbeddingVerdict v = CHECK.check(new MediaLink.Embedded(URI.create("http://127.0.0.1:" + closed + "/x"), "t"));
    assertThat(v.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(v.status()).isZero();
  }

  @Test
  void tlsFailureIsReported() throws Exception {
    // https to a server that reads the client's whole ClientHello record, then answers with a
    // fatal TLS alert (handshake_failure) and keeps the connection open until the client leaves.
    // Answering before the ClientHello was read (as an earlier version did, in plain text) races
    // the client's own write, and on a loaded 2-core machine the JDK client then sometimes never
    // reported the failure: the test saw TIMEOUT. Reading first makes the order fixed.
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (java.net.Socket s = plain.accept()) {
          s.setSoTimeout(20_000);
          java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
          byte[] header = new byte[5];
          in.readFully(header);                       // record type, version, length
          in.readFully(new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)]);
          s.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
          s.getOutputStream().flush();
          while (in.read() != -1) {
            // drain until the client closes the connection
          }
        } catch (IOException ignored) {
          // the client hung up
        }
      });
      t.setDaemon(true);
      t.start();
      EmbeddingVerdict v = CHECK.check(new MediaLink.Embedded(
          URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/x"), "t"));
      t.join(5000);
      assertThat(v.reason()).isEqualTo(Reason.TLS_ERROR);
      assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
    }
  }

  @Test
  void sendsNoCookiesNoCredentialsAndNeverEchoesPaths() {
    page("/private/PHI-123", 200, "X-Frame-Options", "DENY");
    SEEN.clear();

    EmbeddingVerdict v = CHECK.check(new MediaLink.Embedded(
        URI.create("http://127.0.0.1:" + port() + "/private/PHI-123?token=SECRET"), "t"));

    assertThat(SEEN).allSatisfy(s -> assertThat(s).endsWith("cookie=false auth=false"));
    assertThat(v.detail() + v.advice()).doesNotContain("PHI-123").doesNotContain("SECRET");
  }

  @Test
  void readmeSnippetRuns() {
    page("/readme", 200, "X-Frame-Options", "SAMEORIGIN");
    MediaLink.Embedded link = link("/readme");
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);

    // --- README: EmbeddingCheck (the README uses EmbeddingCheck.create() and an https link) ---
    EmbeddingVerdict v = EmbeddingCheck.builder().policy(LAB).build().check(link);
    if (!v.embeddable()) {
      out.println(v.reason() + ": " + v.detail() + " — " + v.advice());
    }
    // --- end ---

    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("X_FRAME_OPTIONS_SAMEORIGIN: X-Frame-Options: SAMEORIGIN");
  }

  @Test
  void linkRefusedByThePolicyIsNotFetched() {
    SEEN.clear();
    EmbeddingVerdict v = EmbeddingCheck.create().check(link("/plain"));
    assertThat(v.reason()).isEqualTo(Reason.POLICY_REFUSED);
    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(SEEN).isEmpty();
  }

  @Test
  void anInterruptIsReportedAsAnInterruptAndTheFlagIsKept() {
    page("/interrupted", 200);
    Thread.currentThread().interrupt();
    EmbeddingVerdict v = CHECK.check(link("/interrupted"));
    boolean flagKept = Thread.interrupted(); // also clears it for the next test

    assertThat(v.reason()).isEqualTo(Reason.INTERRUPTED);
    assertThat(v.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(flagKept).isTrue();
  }
}
