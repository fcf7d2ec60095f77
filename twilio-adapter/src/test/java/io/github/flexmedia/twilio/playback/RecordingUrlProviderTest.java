package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.twilio.internal.playback.CachingFlexTokenValidator;
import io.github.flexmedia.twilio.playback.PlaybackEvent.Decision;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The endpoint's decisions, with real token validation (the JDK-client validator) against the emulator:
 * every hostile request is refused with a fixed answer that echoes nothing, and audited.
 */
@Timeout(60)
class RecordingUrlProviderTest {
  static final String FLEX = "https://flex.twilio.com";
  static final String RE = "RE0123456789abcdef0123456789abcdef";
  static final String SECRET = "SECRET-7f3a";
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(NOW);
  private final List<PlaybackEvent> audit = new CopyOnWriteArrayList<>();
  private final Map<String, String> storage = new LinkedHashMap<>();
  private FlexTokenEmulator twilio;
  private CachingFlexTokenValidator validator;
  private RecordingUrlProvider provider;

  @BeforeEach
  void start() {
    twilio = FlexTokenEmulator.start(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, FlexTokenEmulator.DEFAULT_AUTH_TOKEN, clock);
    validator = (CachingFlexTokenValidator) FlexTokenValidator.cached(
        twilio.validatorBuilder().clock(clock).build(), 100, Duration.ofMinutes(5), clock);
    storage.put(RE, "https://storage.example.com/" + RE + ".wav?sig=" + SECRET);
    provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.ofNullable(storage.get(id)))
        .audit(audit::add).clock(clock).build();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  static String basic(String userColonToken) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonToken.getBytes(StandardCharsets.UTF_8));
  }

  private PlaybackResponse get(String query, String... headerPairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.computeIfAbsent(headerPairs[i], k -> new ArrayList<>()).add(headerPairs[i + 1]);
    }
    return provider.handle(PlaybackRequest.of("GET", query, headers));
  }

  private PlaybackResponse play(String token) {
    return get("recording=" + RE, "Origin", FLEX, "Authorization", basic("token:" + token));
  }

  /** A refusal: the status, a fixed body, the shared headers, no secret anywhere. */
  private static void assertRefused(PlaybackResponse r, int status, String... secrets) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.body()).matches("\\{\"error\":\"[a-z_]+\"\\}");
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    assertThat(r.header("Vary")).isEqualTo("Origin");
    for (String s : secrets) {
      assertThat(r.body()).doesNotContain(s);
      assertThat(r.headers().toString()).doesNotContain(s);
      assertThat(r.toString()).doesNotContain(s);
    }
  }

  @Test
  void aSupervisorGetsTheSignedUrlWithCorsHeadersAndTheGrantIsAudited() throws Exception {
    String token = twilio.issue("ana@example.com", "supervisor");

    PlaybackResponse r = play(token);

    assertThat(r.status()).isEqualTo(200);
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"media_url\":\"" + storage.get(RE) + "\"}"));
    assertThat(r.headers()).containsEntry("Access-Control-Allow-Origin", FLEX)
        .containsEntry("Vary", "Origin").containsEntry("Cache-Control", "no-store");
    assertThat(r.toString()).isEqualTo("PlaybackResponse[status=200]");
    assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(audit).containsExactly(new PlaybackEvent(NOW, Decision.GRANTED, "ana@example.com",
        FlexTokenEmulator.workerSid("ana@example.com"), RE, FLEX, null, null, List.of("supervisor")));
    assertThat(audit.get(0).status()).isEqualTo(200);
    assertThat(audit.get(0).toString()).doesNotContain("ana").doesNotContain(RE);
  }

  @Test
  void aPlayerSeekingAgainValidatesOnceThanksToTheCache() {
    String token = twilio.issue("ana", "admin");
    for (int i = 0; i < 3; i++) {
      assertThat(play(token).status()).isEqualTo(200);
    }
    assertThat(twilio.requestCount()).isEqualTo(1);
    assertThat(validator.hits()).isEqualTo(2);
    assertThat(validator.misses()).isEqualTo(1);
  }

  @Test
  void aRequestWithoutOriginIsServedWithoutCorsHeaders() {
    PlaybackResponse r = get("recording=" + RE, "Authorization", basic("token:" + twilio.issue("ana", "admin")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void preflightFromAnAllowedOriginPasses() {
    PlaybackResponse r = provider.handle(PlaybackRequest.of("OPTIONS", "recording=" + RE, Map.of(
        "origin", List.of(FLEX), "Access-Control-Request-Method", List.of("GET"),
        "Access-Control-Request-Headers", List.of("authorization"))));

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers()).containsEntry("Access-Control-Allow-Origin", FLEX)
        .containsEntry("Access-Control-Allow-Methods", "GET")
        .containsEntry("Access-Control-Allow-Headers",
            "Authorization, Accept, Accept-Language, Content-Language, Content-Type, Range, Cache-Control, Pragma")
        .containsEntry("Vary", "Origin").containsEntry("Cache-Control", "no-store");
    assertThat(audit).extracting(PlaybackEvent::decision).containsExactly(Decision.PREFLIGHT_ALLOWED);
    assertThat(twilio.requestCount()).isZero();
  }

  @Test
  void preflightFromAnotherOriginOrForMoreThanGetIsRefusedWithoutCorsHeaders() {
    List<Map<String, List<String>>> refused = List.of(
        Map.of("Origin", List.of("https://evil.example"), "Access-Control-Request-Method", List.of("GET")),
        Map.of("Origin", List.of("https://flex.twilio.com.evil.example"), "Access-Control-Request-Method", List.of("GET")),
        Map.of("Origin", List.of("null"), "Access-Control-Request-Method", List.of("GET")),
        Map.of("Origin", List.of(FLEX), "Access-Control-Request-Method", List.of("DELETE")),
        Map.of("Origin", List.of(FLEX), "Access-Control-Request-Method", List.of("GET"),
            "Access-Control-Request-Headers", List.of("authorization, x-evil")),
        Map.of("Access-Control-Request-Method", List.of("GET")));
    for (Map<String, List<String>> headers : refused) {
      PlaybackResponse r = provider.handle(PlaybackRequest.of("OPTIONS", null, headers));
      assertRefused(r, 403);
      assertThat(r.header("Access-Control-Allow-Origin")).as("%s", headers).isNull();
    }
    assertThat(audit).extracting(PlaybackEvent::decision).containsOnly(Decision.PREFLIGHT_REFUSED);
  }

  @Test
  void aGetFromAnotherOriginIsRefusedBeforeTheTokenIsChecked() {
    PlaybackResponse r = get("recording=" + RE, "Origin", "https://evil.example",
        "Authorization", basic("token:" + twilio.issue("ana", "admin")));
    assertRefused(r, 403, SECRET);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    assertThat(twilio.requestCount()).isZero();
    assertThat(audit).extracting(PlaybackEvent::decision, PlaybackEvent::origin)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Decision.ORIGIN_REFUSED, "https://evil.example"));
  }

  @Test
  void noAuthorizationIs401WithAChallenge() {
    PlaybackResponse r = get("recording=" + RE, "Origin", FLEX);
    assertRefused(r, 401);
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"flex-media playback\", charset=\"UTF-8\"");
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(FLEX);
    assertThat(audit).extracting(PlaybackEvent::decision).containsExactly(Decision.NO_CREDENTIALS);
  }

  @Test
  void malformedAuthorizationHeadersAre401AndNeverReachTwilio() {
    String token = twilio.issue("ana", "admin");
    List<String> malformed = List.of(
        "Bearer " + token,
        "Basic",
        "Basic ",
        "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)),
        "Basic !!!not-base64!!!",
        "Basic " + token,
        "Basic " + Base64.getEncoder().encodeToString("token:".getBytes(StandardCharsets.UTF_8)),
        basic("token:" + token + "\r\nX-Injected: 1"),
        basic("token:" + token + " " + token),
        basic("token:" + "a".repeat(RecordingUrlProvider.MAX_AUTHORIZATION_LENGTH)),
        "Basic " + "A".repeat(1_000_000));
    for (String header : malformed) {
      PlaybackResponse r = get("recording=" + RE, "Origin", FLEX, "Authorization", header);
      assertRefused(r, 401, token, SECRET);
      assertThat(r.header("WWW-Authenticate")).startsWith("Basic ");
    }
    PlaybackResponse twice = get("recording=" + RE, "Authorization", basic("token:" + token),
        "Authorization", basic("token:" + token));
    assertRefused(twice, 401, token);

    assertThat(twilio.requestCount()).isZero();
    assertThat(audit).hasSize(malformed.size() + 1)
        .extracting(PlaybackEvent::decision).containsOnly(Decision.MALFORMED_CREDENTIALS);
  }

  @Test
  void anyUserNameBeforeTheColonIsAccepted() {
    assertThat(get("recording=" + RE, "Authorization", basic("x:" + twilio.issue("ana", "admin"))).status())
        .isEqualTo(200);
    assertThat(get("recording=" + RE, "authorization", "basic " + Base64.getEncoder().encodeToString(
        (":" + twilio.issue("bob", "admin")).getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
  }

  @Test
  void aTokenForAnotherAccountOrAnUnknownOneIs401() {
    String foreign = twilio.issue("AC11111111111111111111111111111111", "eve", Duration.ofHours(1), "admin");
    assertRefused(play(foreign), 401, foreign, SECRET);
    assertRefused(play(Jwe.junk(1)), 401, SECRET);
    assertThat(audit).extracting(PlaybackEvent::decision).containsOnly(Decision.INVALID_TOKEN);
    assertThat(audit).extracting(PlaybackEvent::identity).containsOnlyNulls();
  }

  @Test
  void anExpiredTokenInTheCacheIs401() {
    String token = twilio.issue(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, "ana", Duration.ofMinutes(1), "admin");
    assertThat(play(token).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(1));

    assertRefused(play(token), 401, SECRET, token);
    assertThat(twilio.requestCount()).isEqualTo(2);
  }

  @Test
  void twilioUnavailableIs503NotA401() {
    String token = twilio.issue("ana", "admin");
    twilio.failNext(1, 503);
    PlaybackResponse r = play(token);
    assertRefused(r, 503, token, SECRET);
    assertThat(r.header("Retry-After")).isEqualTo("5");
    assertThat(r.header("WWW-Authenticate")).isNull();
    assertThat(twilio.requestCount()).isEqualTo(1);
    assertThat(play(token).status()).isEqualTo(200);
  }

  @Test
  void anAgentIsForbiddenBeforeTheRecordingIsLookedUp() {
    List<String> looked = new ArrayList<>();
    provider = RecordingUrlProvider.builder(validator, (id, user) -> {
      looked.add(id);
      return Optional.of("https://storage.example.com/x");
    }).audit(audit::add).clock(clock).build();

    assertRefused(play(twilio.issue("al", "agent")), 403, SECRET);
    assertRefused(get("recording=RE-unknown", "Authorization", basic("token:" + twilio.issue("al2", "agent"))), 403);

    assertThat(looked).isEmpty();
    assertThat(audit).extracting(PlaybackEvent::decision, PlaybackEvent::identity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Decision.FORBIDDEN, "al"),
        org.assertj.core.groups.Tuple.tuple(Decision.FORBIDDEN, "al2"));
  }

  @Test
  void aCustomAuthorizerDecidesPerRecording() {
    provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.ofNullable(storage.get(id)))
        .authorizer((user, id) -> user.identity().equals("owner")).build();
    assertThat(play(twilio.issue("owner", "agent")).status()).isEqualTo(200);
    assertThat(play(twilio.issue("admin-but-not-owner", "admin")).status()).isEqualTo(403);
    assertThat(PlaybackAuthorizer.anyRole("x").mayPlay(new FlexUser("u", null, null, List.of("x"), null, null), RE)).isTrue();
  }

  @Test
  void anUnknownRecordingIs404() {
    PlaybackResponse r = get("recording=RE99", "Origin", FLEX, "Authorization", basic("token:" + twilio.issue("ana", "admin")));
    assertRefused(r, 404, "RE99");
    assertThat(audit).extracting(PlaybackEvent::decision, PlaybackEvent::recordingId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Decision.NOT_FOUND, "RE99"));
  }

  @Test
  void recordingIdsThatCouldRedirectOrTraverseAre400AndNeverResolved() {
    List<String> looked = new ArrayList<>();
    provider = RecordingUrlProvider.builder(validator, (id, user) -> {
      looked.add(id);
      return Optional.of("https://storage.example.com/x");
    }).audit(audit::add).build();
    String token = twilio.issue("ana", "admin");
    List<String> queries = List.of(
        "", "other=1", "recording=", "recording", "recording=//evil.example", "recording=https://evil.example/x",
        "recording=..", "recording=../../etc/passwd", "recording=%2F%2Fevil.example", "recording=RE1%2F..%2Fx",
        "recording=%2e%2e", "recording=%252F", "recording=a%0d%0aLocation:%20https://evil.example",
        "recording=%zz", "recording=RE1&recording=RE2", "recording=" + "a".repeat(129), "recording=RE1%00");
    for (String q : queries) {
      PlaybackResponse r = get(q, "Origin", FLEX, "Authorization", basic("token:" + token));
      assertRefused(r, 400, "evil", token);
      assertThat(r.header("Location")).isNull();
    }
    PlaybackResponse noQuery = get(null, "Authorization", basic("token:" + token));
    assertRefused(noQuery, 400);

    assertThat(looked).isEmpty();
    assertThat(twilio.requestCount()).as("refused before validation").isZero();
    assertThat(audit).extracting(PlaybackEvent::decision).containsOnly(Decision.BAD_RECORDING_ID);
    assertThat(audit).extracting(PlaybackEvent::recordingId).containsOnlyNulls();
  }

  @Test
  void aMediaUrlThatCouldInjectHeadersOrIsNotHttpsIsNeverSent() {
    String token = twilio.issue("ana", "admin");
    List<String> bad = List.of(
        "https://storage.example.com/a\r\nSet-Cookie: x=" + SECRET,
        "https://storage.example.com/a\nX: " + SECRET,
        "https://storage.example.com/a\u2028" + SECRET,
        "https://storage.example.com/a b" + SECRET,
        "http://storage.example.com/a?" + SECRET,
        "javascript:alert('" + SECRET + "')",
        "//storage.example.com/a?" + SECRET,
        "/relative?" + SECRET,
        "https://user:" + SECRET + "@storage.example.com/a",
        "https://storage.example.com/" + SECRET + "x".repeat(RecordingUrlProvider.MAX_MEDIA_URL_LENGTH),
        "");
    for (String url : bad) {
      provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.of(url)).audit(audit::add).build();
      assertRefused(play(token), 500, SECRET);
    }
    provider = RecordingUrlProvider.builder(validator, (id, user) -> {
      throw new IllegalStateException("storage down " + SECRET);
    }).audit(audit::add).build();
    assertRefused(play(token), 500, SECRET);
    provider = RecordingUrlProvider.builder(validator, (id, user) -> null).build();
    assertRefused(play(token), 404);

    assertThat(audit).extracting(PlaybackEvent::decision).containsOnly(Decision.ERROR);
  }

  @Test
  void httpMediaUrlsOnlyWhenAllowed() throws Exception {
    provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.of("http://127.0.0.1:9/a.wav?sig=1"))
        .allowHttpMediaUrls().build();
    PlaybackResponse r = play(twilio.issue("ana", "admin"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("media_url").asText()).isEqualTo("http://127.0.0.1:9/a.wav?sig=1");
  }

  @Test
  void aFailingAuditTurnsAGrantIntoA500() {
    provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.ofNullable(storage.get(id)))
        .audit(e -> {
          throw new IllegalStateException("log disk full");
        }).build();
    assertRefused(play(twilio.issue("ana", "admin")), 500, SECRET);
    assertRefused(get("recording=" + RE, "Origin", FLEX), 500);
  }

  @Test
  void otherMethodsAre405() {
    for (String m : List.of("POST", "PUT", "DELETE", "HEAD", "TRACE")) {
      PlaybackResponse r = provider.handle(PlaybackRequest.of(m, "recording=" + RE, Map.of("Origin", List.of(FLEX))));
      assertRefused(r, 405);
      assertThat(r.header("Allow")).isEqualTo("GET, OPTIONS");
    }
  }

  @Test
  void originsAreConfigurable() {
    provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.ofNullable(storage.get(id)))
        .allowedOrigins("https://flex.example.com", "http://127.0.0.1:8080").build();
    PlaybackResponse r = get("recording=" + RE, "Origin", "https://flex.example.com",
        "Authorization", basic("token:" + twilio.issue("ana", "admin")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(play(twilio.issue("bob", "admin")).status()).isEqualTo(403);
    for (String o : new String[] {"https://flex.example.com/", "https://FLEX.example.com", "*", "null", "flex.example.com"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordingUrlProvider.builder(validator, (id, u) -> Optional.empty())
          .allowedOrigins(o)).as(o).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("allowedOrigins: ");
    }
    assertThat(provider.toString()).isEqualTo(
        "RecordingUrlProvider[origins=[http://127.0.0.1:8080, https://flex.example.com]]");
  }

  @Test
  void requestAndEventValuesShowNothingSensitive() {
    PlaybackRequest req = PlaybackRequest.of("GET", "recording=" + SECRET,
        Map.of("Authorization", List.of(basic("token:" + SECRET))));
    assertThat(req.toString()).isEqualTo("PlaybackRequest[method=GET]");
    assertThat(req.header("authorization")).isEqualTo(basic("token:" + SECRET));
    assertThat(req.header("missing")).isNull();
    FlexUser user = new FlexUser(SECRET + "@example.com", SECRET, "WK0123456789abcdef0123456789abcdef",
        List.of("admin"), NOW, null);
    assertThat(user.toString()).isEqualTo(
        "FlexUser[identity=<redacted>, worker=WK0123…, roles=[admin], expiration=2026-11-28T12:00:00Z]");
    assertThat(new PlaybackEvent(NOW, Decision.GRANTED, SECRET, null, SECRET, FLEX, "203.0.113.7", SECRET,
        List.of("admin")).toString())
        .isEqualTo("PlaybackEvent[at=2026-11-28T12:00:00Z, decision=GRANTED, status=200, worker=null, roles=[admin]]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FlexUser(" ", null, null, null, null, null))
        .hasMessage("identity must not be blank");
  }
}
