package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The twilio-java validator against the loopback emulator, every exchange counted. */
@Timeout(60)
class TwilioFlexTokenValidatorTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private FlexTokenEmulator twilio;
  private FlexTokenValidator validator;

  @BeforeEach
  void start() {
    twilio = FlexTokenEmulator.start(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, FlexTokenEmulator.DEFAULT_AUTH_TOKEN, clock);
    validator = FlexTokenValidator.twilio(twilio.restClient());
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
    assertThat(user.hasRole("supervisor")).isTrue();
    assertThat(user.expiration()).isEqualTo(NOW.plus(FlexTokenEmulator.DEFAULT_TTL));
    assertThat(user.flexInstanceSid()).isEqualTo(FlexTokenEmulator.FLEX_INSTANCE_SID);
    assertThat(twilio.requestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownExpiredRevokedOrForeignTokenIsATypedRefusal() {
    String expired = twilio.issue(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, "ana", Duration.ofMinutes(-1), "admin");
    String foreign = twilio.issue("AC11111111111111111111111111111111", "eve", Duration.ofHours(1), "admin");
    String revoked = twilio.issue("bob", "admin");
    twilio.revoke(revoked);

    assertThatThrownBy(() -> validator.validate("eyJ.not.a.known.token"))
        .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20101));
    assertThatThrownBy(() -> validator.validate(expired))
        .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20104))
        .hasMessage("the Flex token is not valid for this account (Twilio code 20104)");
    assertThatThrownBy(() -> validator.validate(foreign))
        .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20101));
    assertThatThrownBy(() -> validator.validate(revoked)).isInstanceOf(InvalidFlexTokenException.class);
    assertThatThrownBy(() -> validator.validate(" ")).isInstanceOf(InvalidFlexTokenException.class);
    assertThat(twilio.requestCount()).isEqualTo(4);
  }

  @Test
  void aTokenExpiresOnTheEmulatorsClock() {
    String token = twilio.issue(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, "ana", Duration.ofMinutes(5), "admin");
    assertThat(validator.validate(token).identity()).isEqualTo("ana");
    clock.advance(Duration.ofMinutes(5));
    assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidFlexTokenException.class);
  }

  @Test
  void aServerErrorIsUnavailableAfterExactlyOneExchangeNotRetriedByTwilioJava() {
    String token = twilio.issue("ana", "admin");
    for (int status : new int[] {500, 503, 429}) {
      int before = twilio.requestCount();
      twilio.failNext(1, status);
      assertThatThrownBy(() -> validator.validate(token))
          .isInstanceOfSatisfying(FlexTokenUnavailableException.class, e -> assertThat(e.statusCode()).isEqualTo(status))
          .hasMessage("Twilio token validation answered " + status + " without a validation result");
      assertThat(twilio.requestCount()).as("exchanges for %s", status).isEqualTo(before + 1);
    }
    assertThat(validator.validate(token).identity()).isEqualTo("ana");
  }

  @Test
  void twilioJavasOwnRequestPathWouldHaveSentThreePostsForOne503() {
    // The reason for makeRequest: the same client's request() sends a 5xx three times.
    twilio.failNext(10, 503);
    TwilioRestClient rest = twilio.restClient();
    Request r = new Request(HttpMethod.POST, "https://iam.twilio.com/v1/Accounts/"
        + FlexTokenEmulator.DEFAULT_ACCOUNT_SID + "/Tokens/validate");
    rest.request(r);
    int viaRequest = twilio.requestCount();

    assertThatThrownBy(() -> validator.validate("eyJ.a.b.c.d")).isInstanceOf(FlexTokenUnavailableException.class);

    assertThat(viaRequest).isEqualTo(3);
    assertThat(twilio.requestCount()).isEqualTo(4);
  }

  @Test
  void twilioRefusingOurCredentialsIsUnavailableNotInvalid() {
    FlexTokenValidator wrong = FlexTokenValidator.twilio(
        twilio.restClient(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, "wrong-secret"));
    assertThatThrownBy(() -> wrong.validate(twilio.issue("ana", "admin")))
        .isInstanceOfSatisfying(FlexTokenUnavailableException.class, e -> assertThat(e.statusCode()).isEqualTo(401))
        .hasMessage("Twilio refused this service's credentials for token validation (401)");
    assertThat(twilio.requestCount()).isEqualTo(1);
  }

  @Test
  void twilioUnreachableIsUnavailableWithNoStatus() {
    TwilioRestClient rest = twilio.restClient();
    twilio.close();
    assertThatThrownBy(() -> FlexTokenValidator.twilio(rest).validate("eyJ.a.b.c.d"))
        .isInstanceOfSatisfying(FlexTokenUnavailableException.class, e -> assertThat(e.statusCode()).isZero())
        .hasMessageStartingWith("Twilio token validation did not answer: ");
  }

  @Test
  void aClientWithAnAuthStrategyLendsItToo() {
    TwilioRestClient base = twilio.restClient();
    TwilioRestClient strategy = new TwilioRestClient.Builder(new com.twilio.auth_strategy.BasicAuthStrategy(
            FlexTokenEmulator.DEFAULT_ACCOUNT_SID, FlexTokenEmulator.DEFAULT_AUTH_TOKEN))
        .accountSid(FlexTokenEmulator.DEFAULT_ACCOUNT_SID).httpClient(base.getHttpClient()).build();

    assertThat(FlexTokenValidator.twilio(strategy).validate(twilio.issue("ana", "admin")).identity()).isEqualTo("ana");
    assertThat(twilio.requestCount()).isEqualTo(1);
  }

  @Test
  void aClientWithoutCredentialsIsUnavailableAfterOneUnauthenticatedProbe() {
    TwilioRestClient none = new TwilioRestClient.Builder(null, null)
        .accountSid(FlexTokenEmulator.DEFAULT_ACCOUNT_SID).httpClient(twilio.restClient().getHttpClient()).build();

    assertThatThrownBy(() -> FlexTokenValidator.twilio(none).validate(twilio.issue("ana", "admin")))
        .isInstanceOf(FlexTokenUnavailableException.class)
        .hasMessage("the TwilioRestClient has no credentials for token validation");
    assertThat(twilio.requestCount()).as("one probe, sent before the body is set").isEqualTo(1);
  }

  @Test
  void theAccountSidMustBeWellFormed() {
    assertThatThrownBy(() -> FlexTokenValidator.twilio(new TwilioRestClient.Builder("nope", "x").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("restClient's account SID must be 'AC' followed by 32 hex digits");
  }

  @Test
  void answersThatAreNotAValidationResultAreUnavailable() throws IOException {
    List<String> requests = new CopyOnWriteArrayList<>();
    String[] bodies = {
        "not json", "", "[]", "{\"valid\":\"yes\"}", "{\"valid\":true,\"identity\":\"\"}",
        "{\"valid\":true}"};
    AtomicInteger next = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
          + exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] b = bodies[next.getAndIncrement()].getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(b);
      }
    });
    server.start();
    try {
      HttpHost local = new HttpHost("http", "127.0.0.1", server.getAddress().getPort());
      TwilioRestClient rest = new TwilioRestClient.Builder(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, "t")
          .httpClient(new NetworkHttpClient(HttpClientBuilder.create().disableAutomaticRetries()
              .setRoutePlanner((t, c) -> new HttpRoute(local))))
          .build();
      FlexTokenValidator v = FlexTokenValidator.twilio(rest);
      for (int i = 0; i < bodies.length; i++) {
        assertThatThrownBy(() -> v.validate("eyJ.a.b.c.d")).isInstanceOf(FlexTokenUnavailableException.class);
      }
    } finally {
      server.stop(0);
    }
    assertThat(requests).hasSize(bodies.length).allSatisfy(r -> assertThat(r).isEqualTo(
        "POST /v1/Accounts/" + FlexTokenEmulator.DEFAULT_ACCOUNT_SID
            + "/Tokens/validate application/json {\"token\":\"eyJ.a.b.c.d\"}"));
  }

  @Test
  void toStringShowsTheAccountPrefixOnly() {
    assertThat(validator).hasToString("TwilioFlexTokenValidator[account=AC0000…]");
  }
}
