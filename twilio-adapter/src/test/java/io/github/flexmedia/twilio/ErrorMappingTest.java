package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production error mapping, on its own: a loopback server answers with Twilio-shaped error
 * bodies ({@code code}, {@code message}, {@code more_info}, {@code status}), the real twilio-java
 * stack {@link TwilioTaskRouterClient#fromEnvironment()} builds reads them, and each status must
 * come out as its documented exception after exactly one request. The test doubles raise their
 * errors with their own code, so a wrong row here fails only here.
 */
class ErrorMappingTest {
  private static final String WS = "WS0123456789abcdef0123456789abcdef";
  private static final String WT = "WT0123456789abcdef0123456789abcdef";
  private static final String SECRET_INFO = "https://www.twilio.com/docs/errors/secret-path?q=1";

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status;
  private volatile int code;
  private volatile Body shape = Body.TWILIO;
  private volatile boolean sendRetryAfter = true;

  /** What the error response carries. */
  enum Body {
    /** Twilio's error body with its {@code status} field. */
    TWILIO,
    /** Twilio's error body without {@code status}: twilio-java then reports status 0. */
    TWILIO_WITHOUT_STATUS,
    /** A proxy's HTML page: twilio-java cannot parse it and reports no status at all. */
    HTML,
    /** No body. */
    EMPTY
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      String json = "{\"code\":" + code + ",\"message\":\"The requested resource /v1/Workspaces/"
          + WS + "/Tasks/" + WT + " was refused\",\"more_info\":\"" + SECRET_INFO + "\"";
      String text = switch (shape) {
        case TWILIO -> json + ",\"status\":" + status + "}";
        case TWILIO_WITHOUT_STATUS -> json + "}";
        case HTML -> "<html><head><title>" + status + "</title></head><body>was refused " + WT
            + "</body></html>";
        case EMPTY -> "";
      };
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          shape == Body.HTML ? "text/html" : "application/json");
      if ((status == 429 || status == 503) && sendRetryAfter) {
        exchange.getResponseHeaders().set("Retry-After", status == 429 ? "7" : "3600");
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @CsvSource({
      "400, 20001, io.github.flexmedia.twilio.TaskRouterException,                false, -1,   refused the request as invalid",
      "401, 20003, io.github.flexmedia.twilio.TaskRouterException,               false, -1,   credentials were refused",
      "403, 20403, io.github.flexmedia.twilio.TaskRouterException,               false, -1,   not permitted",
      "404, 20404, io.github.flexmedia.twilio.TaskNotFoundException,             false, -1,   about two minutes ago",
      "412, 20412, io.github.flexmedia.twilio.TaskConflictException,             true,  -1,   If-Match did not match",
      "429, 20429, io.github.flexmedia.twilio.RateLimitedException,              true,  7,    'rate limited, Retry-After 7 s'",
      "500, 20500, io.github.flexmedia.twilio.TaskRouterException,               true,  -1,   retrying later may succeed",
      "503, 20503, io.github.flexmedia.twilio.TaskRouterException,               true,  3600, 'Retry-After 3600 s'",
  })
  void eachTwilioErrorBodyBecomesItsDocumentedExceptionAfterOneRequest(int status, int code,
      Class<? extends TaskRouterException> type, boolean retryable, long retryAfterSeconds,
      String says) {
    this.status = status;
    this.code = code;

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> client().fetchTask(WS, WT));

    assertThat(requests).hasValue(1);
    assertThat(e.getClass()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.errorCode()).isEqualTo(code);
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.forStatus(status));
    assertThat(e.retryAfter().map(Duration::toSeconds).orElse(-1L)).isEqualTo(retryAfterSeconds);
    assertThat(e.getMessage())
        .contains(says)
        .contains("HTTP " + status + ", Twilio error " + code)
        .doesNotContain("more_info", "secret-path", "docs/errors", "was refused");
  }

  /** Every status, every body shape: the HTTP status decides, the body's code only enriches. */
  static Stream<Arguments> statusesAndBodies() {
    Object[][] rows = {
        {400, TaskRouterException.class, false, -1L, "refused the request as invalid"},
        {401, TaskRouterException.class, false, -1L, "credentials were refused"},
        {403, TaskRouterException.class, false, -1L, "not permitted"},
        {404, TaskNotFoundException.class, false, -1L, "about two minutes ago"},
        {409, TaskRouterException.class, false, -1L, "(HTTP 409"},
        {412, TaskConflictException.class, true, -1L, "If-Match did not match"},
        {429, RateLimitedException.class, true, 7L, "rate limited, Retry-After 7 s"},
        {500, TaskRouterException.class, true, -1L, "retrying later may succeed"},
        {503, TaskRouterException.class, true, 3600L, "Retry-After 3600 s"},
    };
    List<Arguments> all = new ArrayList<>();
    for (Body body : Body.values()) {
      for (Object[] row : rows) {
        all.add(Arguments.of(body, row[0], row[1], row[2], row[3], row[4]));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: HTTP {1} -> {2}")
  @MethodSource("statusesAndBodies")
  void theHttpStatusDecidesWhateverTheBody(Body body, int status,
      Class<? extends TaskRouterException> type, boolean retryable, long retryAfterSeconds,
      String says) {
    this.shape = body;
    this.status = status;
    this.code = 20000 + status;
    boolean twilioBody = body == Body.TWILIO || body == Body.TWILIO_WITHOUT_STATUS;

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> client().updateTaskAttributes(WS, WT, "{}", "\"1\""));

    assertThat(requests).hasValue(1);
    assertThat(e.getClass()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.errorCode()).isEqualTo(twilioBody ? code : 0);
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.retryAfter().map(Duration::toSeconds).orElse(-1L)).isEqualTo(retryAfterSeconds);
    assertThat(e.getMessage())
        .contains(says)
        .contains(twilioBody ? "HTTP " + status + ", Twilio error " + code : "HTTP " + status + ")")
        .doesNotContain("no response", "secret-path", "was refused", "<html");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Body.class)
  void a429WithoutRetryAfterIsRateLimitedWithNoWait(Body body) {
    this.shape = body;
    this.status = 429;
    this.code = 20429;
    this.sendRetryAfter = false;

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> client().fetchTask(WS, WT));

    assertThat(requests).hasValue(1);
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.isRetryable()).isTrue();
  }

  private TwilioTaskRouterClient client() {
    HttpHost local = new HttpHost("http", "127.0.0.1", server.getAddress().getPort());
    TwilioRestClient rest = new TwilioRestClient.Builder("AC00000000000000000000000000000000", "token")
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(
            TwilioTaskRouterClient.defaultHttpClientBuilder()
                .setRoutePlanner((target, context) -> new HttpRoute(local))))
        .build();
    return new TwilioTaskRouterClient(rest);
  }
}
