package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.LogCapture;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskRouterException.Kind;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.playback.FlexTokens;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The credential-built validator (JDK client) and the {@code TwilioRestClient} one against the
 * loopback emulator, every exchange counted.
 */
@Timeout(60)
class TwilioFlexTokenValidatorTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final String AC = FlexTokenEmulator.DEFAULT_ACCOUNT_SID;
  static final String SK = "SK0123456789abcdef0123456789abcdef";
  private final MutableClock clock = new MutableClock(NOW);
  private FlexTokenEmulator twilio;
  private FlexTokenValidator validator;

  @BeforeEach
  void start() {
    twilio = FlexTokenEmulator.start(AC, FlexTokenEmulator.DEFAULT_AUTH_TOKEN, clock);
    validator = twilio.validatorBuilder().clock(clock).build();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void aValidTokenGivesTheUserInOneExchange() {
    String token = twilio.issue("ana@example.com", "supervisor", "wfo.full_access");

    FlexUser user = validator.validate(token);

    assertThat(user.identity()).isEqualTo("ana@example.com");
    assertThat(user.realmUserId()).isEqualTo("ana@example.com");
    assertThat(user.workerSid()).isEqualTo(FlexTokenEmulator.workerSid("ana@example.com")).startsWith("WK");
    assertThat(user.roles()).containsExactly("supervisor", "wfo.full_access");
    assertThat(user.expiration()).isEqualTo(NOW.plus(FlexTokenEmulator.DEFAULT_TTL));
    assertThat(user.flexInstanceSid()).isEqualTo(FlexTokenEmulator.FLEX_INSTANCE_SID);
    assertThat(twilio.requestCount()).isEqualTo(1);
  }

  @Test
  void theEmulatorIssuesCompactJwes() {
    assertThat(FlexTokens.isCompactJwe(twilio.issue("ana", "admin"))).isTrue();
    assertThat(FlexTokens.isCompactJwe(Jwe.junk(7))).isTrue();
  }

  @Test
  void anUnknownExpiredRevokedOrForeignTokenIsATypedRefusal() {
    String expired = twilio.issue(AC, "ana", Duration.ofMinutes(-1), "admin");
    String foreign = twilio.issue("AC11111111111111111111111111111111", "eve", Duration.ofHours(1), "admin");
    String revoked = twilio.issue("bob", "admin");
    twilio.revoke(revoked);

    assertThatThrownBy(() -> validator.validate(Jwe.junk(1)))
        .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20101));
    assertThatThrownBy(() -> validator.validate(expired))
        .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20104))
        .hasMessage("the Flex token is not valid for this account (Twilio code 20104)");
    assertThatThrownBy(() -> validator.validate(foreign))
        .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20101));
    assertThatThrownBy(() -> validator.validate(revoked)).isInstanceOf(InvalidFlexTokenException.class);
    assertThat(twilio.requestCount()).isEqualTo(4);
  }

  @Test
  void aTokenThatIsNotACompactJweIsRefusedWithoutACall() {
    String header = Jwe.HEADER;
    String noEnc = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"dir\"}".getBytes(StandardCharsets.UTF_8));
    List<String> junk = List.of(" ", "", "eyJ.a.b.c.d", "a.b.c.d.e", header + "..a.b", header + "..a.b.c.d",
        header + "..a+b.c.d", noEnc + "..a.b.c", header + ".k..b.c", "W10..a.b.c",
        header + "..a.b.c".repeat(3000));
    for (String token : junk) {
      assertThatThrownBy(() -> validator.validate(token)).as(token.length() > 40 ? "long" : token)
          .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isZero());
    }
    assertThatThrownBy(() -> validator.validate(null)).isInstanceOf(InvalidFlexTokenException.class);
    assertThat(twilio.requestCount()).isZero();
  }

  @Test
  void twilioAnsweringARefusalWith401Or403IsTheUsers401NotOurs() {
    for (int status : new int[] {401, 403, 400}) {
      twilio.answerRefusalsWith(status);
      String expired = twilio.issue(AC, "ana", Duration.ofMinutes(-1), "admin");
      assertThatThrownBy(() -> validator.validate(expired)).as("status %s", status)
          .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20104));
    }
    assertThat(twilio.requestCount()).isEqualTo(3);
  }

  @Test
  void aTokenExpiresOnTheEmulatorsClock() {
    String token = twilio.issue(AC, "ana", Duration.ofMinutes(5), "admin");
    assertThat(validator.validate(token).identity()).isEqualTo("ana");
    clock.advance(Duration.ofMinutes(5));
    assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidFlexTokenException.class);
  }

  @Test
  void aServerErrorIsUnavailableAfterExactlyOneExchange() {
    String token = twilio.issue("ana", "admin");
    for (int status : new int[] {500, 503, 429}) {
      int before = twilio.requestCount();
      twilio.failNext(1, status);
      assertThatThrownBy(() -> validator.validate(token))
          .isInstanceOfSatisfying(TaskRouterException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.kind()).isEqualTo(status == 429 ? Kind.RATE_LIMITED : Kind.SERVER_ERROR);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e instanceof RateLimitedException).isEqualTo(status == 429);
          })
          .hasMessage("Twilio token validation answered " + status + " without a validation result");
      assertThat(twilio.requestCount()).as("exchanges for %s", status).isEqualTo(before + 1);
    }
    assertThat(validator.validate(token).identity()).isEqualTo("ana");
  }

  @Test
  void credentialsTwilioRefusesAreAConfigurationProblemLoggedOnce() {
    List<LogRecord> logged;
    try (LogCapture log = LogCapture.of("io.github.flexmedia.twilio.playback")) {
      FlexTokenValidator wrong = TwilioFlexTokenValidator.withAuthToken(AC, "wrong-secret")
          .endpoint(URI.create("http://127.0.0.1:" + twilio.port())).build();
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> wrong.validate(twilio.issue("ana", "admin")))
            .isInstanceOfSatisfying(TaskRouterException.class, e -> {
              assertThat(e.statusCode()).isEqualTo(401);
              assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            })
            .hasMessage("Twilio refused this service's credentials for token validation (401)");
      }
      logged = log.records();
    }
    assertThat(twilio.requestCount()).isEqualTo(3);
    assertThat(logged).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
      assertThat(r.getMessage()).contains("this service's credentials", "HTTP 401", "AC0000…", "configuration problem")
          .doesNotContain("wrong-secret");
    });
  }

  @Test
  void anApiKeyOfTheAccountAuthenticatesToo() {
    twilio.addApiKey(SK, "key-secret");
    FlexTokenValidator byKey = TwilioFlexTokenValidator.withApiKey(AC, SK, "key-secret")
        .endpoint(URI.create("http://127.0.0.1:" + twilio.port())).build();
    FlexTokenValidator wrongKey = TwilioFlexTokenValidator.withApiKey(AC, SK, "other")
        .endpoint(URI.create("http://127.0.0.1:" + twilio.port())).build();

    assertThat(byKey.validate(twilio.issue("ana", "admin")).identity()).isEqualTo("ana");
    assertThatThrownBy(() -> wrongKey.validate(twilio.issue("ana", "admin")))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    assertThat(twilio.requestCount()).isEqualTo(2);
  }

  @Test
  void theCapAnswersTheExcessWithoutCallingTwilio() {
    FlexTokenValidator capped = twilio.validatorBuilder().maxCallsPerSecond(5).clock(clock).build();
    int unavailable = 0;
    for (int i = 0; i < 200; i++) {
      try {
        capped.validate(Jwe.junk(i));
      } catch (InvalidFlexTokenException e) {
        assertThat(e.code()).isEqualTo(20101);
      } catch (TaskRouterException e) {
        assertThat(e).hasMessage("token validation calls are over this service's cap of 5 per second");
        unavailable++;
      }
    }
    assertThat(twilio.requestCount()).isEqualTo(5);
    assertThat(unavailable).isEqualTo(195);
    clock.advance(Duration.ofMillis(400));
    assertThatThrownBy(() -> capped.validate(Jwe.junk(1000))).isInstanceOf(InvalidFlexTokenException.class);
    assertThatThrownBy(() -> capped.validate(Jwe.junk(1001))).isInstanceOf(InvalidFlexTokenException.class);
    assertThatThrownBy(() -> capped.validate(Jwe.junk(1002))).isInstanceOfSatisfying(
        TaskRouterException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
          assertThat(e.statusCode()).as("no HTTP answer: this service's own cap").isZero();
        });
    assertThat(twilio.requestCount()).as("0.4 s refills two calls").isEqualTo(7);
    assertThat(TwilioFlexTokenValidator.DEFAULT_MAX_CALLS_PER_SECOND).isEqualTo(10);
  }

  @Test
  void aSlowTwilioIsUnavailableAfterTheResponseTimeoutInOneExchange() {
    FlexTokenValidator impatient = twilio.validatorBuilder().responseTimeout(Duration.ofMillis(300)).build();
    twilio.hold();
    try {
      assertThatThrownBy(() -> impatient.validate(twilio.issue("ana", "admin")))
          .isInstanceOfSatisfying(TaskRouterException.class, e -> {
            assertThat(e.statusCode()).isZero();
            assertThat(e.kind()).isEqualTo(Kind.NO_RESPONSE);
          })
          .hasMessage("Twilio token validation did not answer: HttpTimeoutException");
    } finally {
      twilio.resume();
    }
    assertThat(twilio.requestCount()).isEqualTo(1);
  }

  @Test
  void twilioUnreachableIsUnavailableWithNoStatus() {
    FlexTokenValidator v = twilio.validatorBuilder().build();
    twilio.close();
    assertThatThrownBy(() -> v.validate(Jwe.junk(1)))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isZero())
        .hasMessageStartingWith("Twilio token validation did not answer: ");
  }

  @Test
  void theHostFollowsRegionAndEdgeAsTwilioJavaBuildsIt() {
    String path = "/v1/Accounts/" + AC + "/Tokens/validate";
    assertThat(((TwilioFlexTokenValidator) TwilioFlexTokenValidator.withAuthToken(AC, "t").build()).uri())
        .hasToString("https://iam.twilio.com" + path);
    assertThat(TwilioFlexTokenValidator.withAuthToken(AC, "t").region("ie1").build().uri())
        .hasToString("https://iam.ie1.twilio.com" + path);
    assertThat(TwilioFlexTokenValidator.withAuthToken(AC, "t").region("ie1").edge("dublin").build().uri())
        .hasToString("https://iam.dublin.ie1.twilio.com" + path);
    assertThat(TwilioFlexTokenValidator.withAuthToken(AC, "t").edge("sydney").build().uri())
        .hasToString("https://iam.sydney.us1.twilio.com" + path);
  }

  @Test
  void badSettingsAreTypedErrorsNamingTheSetting() {
    assertThatThrownBy(() -> TwilioFlexTokenValidator.withAuthToken("nope", "t"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("accountSid");
    assertThatThrownBy(() -> TwilioFlexTokenValidator.withAuthToken(AC, " "))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("authToken");
    assertThatThrownBy(() -> TwilioFlexTokenValidator.withApiKey(AC, "AC0123456789abcdef0123456789abcdef", "s"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKeySid");
    assertThatThrownBy(() -> TwilioFlexTokenValidator.withApiKey(AC, SK, ""))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKeySecret");
    TwilioFlexTokenValidator.Builder b = TwilioFlexTokenValidator.withAuthToken(AC, "secret-x");
    for (String endpoint : new String[] {"http://example.com", "https://u:p@example.com", "https://example.com/x",
        "https://example.com?q=1", "ftp://127.0.0.1"}) {
      assertThatThrownBy(() -> b.endpoint(URI.create(endpoint))).as(endpoint)
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("endpoint");
    }
    assertThatThrownBy(() -> b.region("IE1")).isInstanceOf(ConfigurationException.class).hasMessageContaining("region");
    assertThatThrownBy(() -> b.edge("a.b")).isInstanceOf(ConfigurationException.class).hasMessageContaining("edge");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> b.responseTimeout(Duration.ofSeconds(31))).hasMessageContaining("responseTimeout");
    assertThatThrownBy(() -> b.maxCallsPerSecond(0)).hasMessageContaining("maxCallsPerSecond");
    assertThat(b.toString()).doesNotContain("secret-x");
    assertThat(TwilioFlexTokenValidator.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
    assertThat(TwilioFlexTokenValidator.DEFAULT_RESPONSE_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void oneExchangeCarriesTheDocumentedRequestAndAnythingElseIsUnavailable() throws IOException {
    List<String> requests = new CopyOnWriteArrayList<>();
    String[] bodies = {
        "not json", "", "[]", "{\"valid\":\"yes\"}", "{\"valid\":true,\"identity\":\"\"}", "{\"valid\":true}"};
    AtomicInteger next = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
          + exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + exchange.getRequestHeaders().getFirst("Authorization") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] b = bodies[next.getAndIncrement()].getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(b);
      }
    });
    server.start();
    try {
      FlexTokenValidator v = TwilioFlexTokenValidator.withAuthToken(AC, "t")
          .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build();
      for (int i = 0; i < bodies.length; i++) {
        assertThatThrownBy(() -> v.validate(Jwe.junk(1))).isInstanceOfSatisfying(
            TaskRouterException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
      }
    } finally {
      server.stop(0);
    }
    String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((AC + ":t").getBytes(StandardCharsets.UTF_8));
    assertThat(requests).hasSize(bodies.length).allSatisfy(r -> assertThat(r).isEqualTo(
        "POST /v1/Accounts/" + AC + "/Tokens/validate application/json " + basic
            + " {\"token\":\"" + Jwe.junk(1) + "\"}"));
  }

  @Test
  void toStringShowsTheAccountPrefixAndTheCapOnly() {
    assertThat(validator).hasToString("TwilioFlexTokenValidator[account=AC0000…, maxCallsPerSecond=10]");
  }

  // --- FlexTokenValidator.twilio(TwilioRestClient): twilio-java's public request path ---

  @Test
  void aRestClientLendsItsCredentialsThroughItsPublicRequestPath() {
    FlexTokenValidator viaRest = FlexTokenValidator.twilio(twilio.restClient());
    assertThat(viaRest.validate(twilio.issue("ana", "supervisor")).roles()).containsExactly("supervisor");
    assertThatThrownBy(() -> viaRest.validate("eyJ.a.b.c.d")).isInstanceOf(InvalidFlexTokenException.class);
    assertThat(twilio.requestCount()).isEqualTo(1);
  }

  @Test
  void aRestClientWithAnApiKeyOrAnAuthStrategyWorksToo() {
    twilio.addApiKey(SK, "key-secret");
    TwilioRestClient base = twilio.restClient();
    TwilioRestClient byKey = new TwilioRestClient.Builder(SK, "key-secret").accountSid(AC)
        .httpClient(base.getHttpClient()).build();
    TwilioRestClient strategy = new TwilioRestClient.Builder(new com.twilio.auth_strategy.BasicAuthStrategy(
            AC, FlexTokenEmulator.DEFAULT_AUTH_TOKEN)).accountSid(AC).httpClient(base.getHttpClient()).build();

    assertThat(FlexTokenValidator.twilio(byKey).validate(twilio.issue("ana", "admin")).identity()).isEqualTo("ana");
    assertThat(FlexTokenValidator.twilio(strategy).validate(twilio.issue("bob", "admin")).identity()).isEqualTo("bob");
    assertThat(twilio.requestCount()).isEqualTo(2);
  }

  @Test
  void aRestClientRepeatsA5xxAsTwilioJavaDoesAndRefusedCredentialsAreNotTheUsers() {
    twilio.failNext(10, 503);
    FlexTokenValidator viaRest = FlexTokenValidator.twilio(twilio.restClient());
    assertThatThrownBy(() -> viaRest.validate(Jwe.junk(1)))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(twilio.requestCount()).as("twilio-java's reliableRequest: three exchanges").isEqualTo(3);
    twilio.failNext(0, 503);

    FlexTokenValidator wrong = FlexTokenValidator.twilio(twilio.restClient(AC, "wrong-secret"));
    assertThatThrownBy(() -> wrong.validate(twilio.issue("ana", "admin")))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    assertThat(twilio.requestCount()).isEqualTo(4);
  }

  @Test
  void theRestClientsAccountSidMustBeWellFormed() {
    assertThatThrownBy(() -> FlexTokenValidator.twilio(new TwilioRestClient.Builder("nope", "x").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("restClient's account SID must be 'AC' followed by 32 hex digits");
  }
}
