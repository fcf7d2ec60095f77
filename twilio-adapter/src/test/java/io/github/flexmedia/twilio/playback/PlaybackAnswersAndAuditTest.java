package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.twilio.LogCapture;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.playback.LoggingPlaybackAudit;
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
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real storage URLs, the preflight a player sends, Content-Type everywhere, an audit that holds. */
@Timeout(60)
class PlaybackAnswersAndAuditTest {
  static final String FLEX = "https://flex.twilio.com";
  static final String RE = "RE0123456789abcdef0123456789abcdef";
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MutableClock clock = new MutableClock(NOW);
  private FlexTokenEmulator twilio;
  private FlexTokenValidator validator;

  @BeforeEach
  void start() {
    twilio = FlexTokenEmulator.start(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, FlexTokenEmulator.DEFAULT_AUTH_TOKEN, clock);
    validator = FlexTokenValidator.cached(twilio.validatorBuilder().clock(clock).build(), 100, Duration.ofMinutes(1), clock);
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  static Map<String, List<String>> headers(String... pairs) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      h.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return h;
  }

  static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString(("token:" + token).getBytes(StandardCharsets.UTF_8));
  }

  /** An S3 URL pre-signed with session credentials, {@code length} characters long. */
  static String presignedS3(int length) {
    String head = "https://recordings-bucket.s3.eu-west-1.amazonaws.com/" + RE + ".wav"
        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20261128%2Feu-west-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20261128T120000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=" + "ab12".repeat(16) + "&X-Amz-Security-Token=";
    StringBuilder token = new StringBuilder();
    while (head.length() + token.length() < length) {
      token.append("IQoJb3JpZ2luX2VjEH8aCWV1LXdlc3QtMSJHMEUCIQD%2B");
    }
    return head + token.substring(0, length - head.length());
  }

  @Test
  void aFourThousandCharacterPresignedS3UrlIsHandedOut() throws Exception {
    String url = presignedS3(4000);
    assertThat(url).hasSize(4000).contains("X-Amz-Security-Token=");
    RecordingUrlProvider provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.of(url))
        .audit(PlaybackAudit.NONE).build();

    PlaybackResponse r = provider.handle(PlaybackRequest.of("GET", "recording=" + RE,
        headers("Origin", FLEX, "Authorization", basic(twilio.issue("sam", "supervisor")))));

    assertThat(r.status()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("media_url").textValue()).isEqualTo(url);
    assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");

    String tooLong = presignedS3(RecordingUrlProvider.MAX_MEDIA_URL_LENGTH + 1);
    RecordingUrlProvider strict = RecordingUrlProvider.builder(validator, (id, user) -> Optional.of(tooLong))
        .audit(PlaybackAudit.NONE).build();
    assertThat(strict.handle(PlaybackRequest.of("GET", "recording=" + RE,
        headers("Origin", FLEX, "Authorization", basic(twilio.issue("sam", "supervisor"))))).status()).isEqualTo(500);
    RecordingUrlProvider atLimit = RecordingUrlProvider.builder(validator,
        (id, user) -> Optional.of(presignedS3(RecordingUrlProvider.MAX_MEDIA_URL_LENGTH))).audit(PlaybackAudit.NONE).build();
    assertThat(atLimit.handle(PlaybackRequest.of("GET", "recording=" + RE,
        headers("Origin", FLEX, "Authorization", basic(twilio.issue("sam", "supervisor"))))).status()).isEqualTo(200);
  }

  @Test
  void aValidatorOfYourOwnSignalsBadInputAndAFailedCallByTheRoots() {
    String token = Jwe.junk(7);
    List<PlaybackEvent> audited = new ArrayList<>();
    RecordingUrlProvider refusing = RecordingUrlProvider.builder(t -> {
      throw new InvalidFlexTokenException(20101);
    }, (id, user) -> Optional.of("https://storage.example.com/a.wav")).audit(audited::add).build();
    RecordingUrlProvider down = RecordingUrlProvider.builder(t -> {
      throw new TaskRouterException("identity provider unreachable", 0, 0, null);
    }, (id, user) -> Optional.of("https://storage.example.com/a.wav")).audit(audited::add).build();
    PlaybackRequest request = PlaybackRequest.of("GET", "recording=" + RE,
        headers("Origin", FLEX, "Authorization", basic(token)));

    PlaybackResponse refused = refusing.handle(request);
    PlaybackResponse unavailable = down.handle(request);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.header("Retry-After")).isEqualTo("5");
    assertThat(audited).extracting(PlaybackEvent::decision)
        .containsExactly(Decision.INVALID_TOKEN, Decision.VALIDATION_UNAVAILABLE);
  }

  @Test
  void aPreflightAskingForCacheHeadersNextToAuthorizationPasses() {
    RecordingUrlProvider provider = RecordingUrlProvider.builder(validator, (id, user) -> Optional.empty())
        .audit(PlaybackAudit.NONE).build();
    for (String asked : List.of("authorization,cache-control,pragma", "Authorization, Cache-Control, Pragma, Range",
        "accept, accept-language, content-language, content-type, authorization", "")) {
      PlaybackResponse r = provider.handle(PlaybackRequest.of("OPTIONS", null, headers("Origin", FLEX,
          "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", asked)));
      assertThat(r.status()).as(asked).isEqualTo(204);
      assertThat(r.header("Access-Control-Allow-Headers")).contains("Authorization", "Cache-Control", "Pragma");
    }
    for (String asked : List.of("authorization, x-evil", "cookie", "authorization,x-forwarded-for")) {
      PlaybackResponse r = provider.handle(PlaybackRequest.of("OPTIONS", null, headers("Origin", FLEX,
          "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", asked)));
      assertThat(r.status()).as(asked).isEqualTo(403);
    }
    assertThat(twilio.requestCount()).isZero();
  }

  /** One request for every decision the provider can make. */
  private List<PlaybackRequest> everyPath() {
    String sup = basic(twilio.issue("sam", "supervisor"));
    return List.of(
        PlaybackRequest.of("OPTIONS", null, headers("Origin", FLEX, "Access-Control-Request-Method", "GET")),
        PlaybackRequest.of("OPTIONS", null, headers("Origin", "https://evil.example", "Access-Control-Request-Method", "GET")),
        PlaybackRequest.of("POST", "recording=" + RE, headers("Origin", FLEX)),
        PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", "https://evil.example", "Authorization", sup)),
        PlaybackRequest.of("GET", "recording=..", headers("Origin", FLEX, "Authorization", sup)),
        PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX)),
        PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX, "Authorization", "Basic !!")),
        PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX, "Authorization", basic(Jwe.junk(9)))),
        PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX, "Authorization", basic(twilio.issue("al", "agent")))),
        PlaybackRequest.of("GET", "recording=RE404", headers("Origin", FLEX, "Authorization", sup)),
        PlaybackRequest.of("GET", "recording=REbad", headers("Origin", FLEX, "Authorization", sup)),
        PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX, "Authorization", sup)));
  }

  private RecordingUrlProvider provider(PlaybackAudit audit) {
    return RecordingUrlProvider.builder(validator, (id, user) -> id.equals("RE404") ? Optional.empty()
            : Optional.of(id.equals("REbad") ? "http://insecure.example/x" : "https://storage.example.com/" + id))
        .audit(audit).clock(clock).build();
  }

  @Test
  void everyAnswerHasAContentType() {
    List<PlaybackEvent> events = new CopyOnWriteArrayList<>();
    RecordingUrlProvider provider = provider(events::add);
    for (PlaybackRequest request : everyPath()) {
      PlaybackResponse r = provider.handle(request);
      assertThat(r.header("Content-Type")).as("%s", r).isEqualTo("application/json; charset=utf-8");
    }
    assertThat(events).extracting(PlaybackEvent::decision).containsExactly(
        Decision.PREFLIGHT_ALLOWED, Decision.PREFLIGHT_REFUSED, Decision.METHOD_NOT_ALLOWED, Decision.ORIGIN_REFUSED,
        Decision.BAD_RECORDING_ID, Decision.NO_CREDENTIALS, Decision.MALFORMED_CREDENTIALS, Decision.INVALID_TOKEN,
        Decision.FORBIDDEN, Decision.NOT_FOUND, Decision.ERROR, Decision.GRANTED);
  }

  @Test
  void aThrowingAuditNeverEscapesAndNothingIsHandedOutUnlogged() {
    RecordingUrlProvider provider = provider(event -> {
      throw new IllegalStateException("log disk full");
    });
    for (PlaybackRequest request : everyPath()) {
      PlaybackResponse r = provider.handle(request);
      assertThat(r.status()).as("%s", request).isEqualTo(500);
      assertThat(r.body()).isEqualTo("{\"error\":\"error\"}");
    }
  }

  @Test
  void aThrowingAuthorizerOrValidatorIsA500NotAnException() {
    RecordingUrlProvider badAuthorizer = RecordingUrlProvider.builder(validator, (id, u) -> Optional.of("https://s.example/x"))
        .authorizer((user, id) -> {
          throw new IllegalStateException("directory down");
        }).audit(PlaybackAudit.NONE).build();
    RecordingUrlProvider badValidator = RecordingUrlProvider.builder(token -> {
      throw new IllegalStateException("bug");
    }, (id, u) -> Optional.of("https://s.example/x")).audit(PlaybackAudit.NONE).build();
    PlaybackRequest request = PlaybackRequest.of("GET", "recording=" + RE,
        headers("Origin", FLEX, "Authorization", basic(twilio.issue("sam", "supervisor"))));
    assertThat(badAuthorizer.handle(request).status()).isEqualTo(500);
    assertThat(badValidator.handle(request).status()).isEqualTo(500);
  }

  @Test
  void theEventCarriesTheCallerAndTheRolesThatDecided() {
    List<PlaybackEvent> events = new CopyOnWriteArrayList<>();
    RecordingUrlProvider provider = provider(events::add);
    provider.handle(PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX,
            "Authorization", basic(twilio.issue("sam@example.com", "supervisor", "wfo.team_leader")),
            "User-Agent", "Mozilla/5.0 (X11; Linux x86_64)"))
        .from("203.0.113.7", null));
    provider.handle(PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX,
            "Authorization", basic(twilio.issue("al@example.com", "agent")))).from("198.51.100.2", "evil\r\nFAKE LINE" + "x".repeat(400)));

    assertThat(events.get(0)).isEqualTo(new PlaybackEvent(NOW, Decision.GRANTED, "sam@example.com",
        FlexTokenEmulator.workerSid("sam@example.com"), RE, FLEX, "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)",
        List.of("supervisor", "wfo.team_leader")));
    assertThat(events.get(1).decision()).isEqualTo(Decision.FORBIDDEN);
    assertThat(events.get(1).roles()).containsExactly("agent");
    assertThat(events.get(1).remoteAddress()).isEqualTo("198.51.100.2");
    assertThat(events.get(1).userAgent()).startsWith("evil??FAKE LINE").hasSize(PlaybackEvent.MAX_USER_AGENT);
  }

  @Test
  void theDefaultAuditIsALogLineWithTheIdentityFingerprintedAndNoToken() {
    String token = twilio.issue("sam@example.com", "supervisor");
    List<LogRecord> logged;
    try (LogCapture log = LogCapture.of(PlaybackAudit.LOGGER)) {
      RecordingUrlProvider provider = RecordingUrlProvider.builder(validator,
          (id, user) -> Optional.of("https://storage.example.com/" + id + "?sig=SIGNED")).build();
      provider.handle(PlaybackRequest.of("GET", "recording=" + RE, headers("Origin", FLEX,
          "Authorization", basic(token), "User-Agent", "Chrome\"quoted\"")).from("203.0.113.7", null));
      logged = log.records();
    }
    String fingerprint = LoggingPlaybackAudit.PROCESS.fingerprint("sam@example.com");
    assertThat(logged).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.INFO);
      assertThat(r.getMessage()).isEqualTo("playback GRANTED 200 user=" + fingerprint + " worker="
          + FlexTokenEmulator.workerSid("sam@example.com").substring(0, 6).toUpperCase() + "…"
          + " roles=[supervisor] recording=" + RE + " origin=" + FLEX + " remote=203.0.113.7 agent=\"Chrome'quoted'\"");
      assertThat(r.getMessage()).doesNotContain(token).doesNotContain("sam@").doesNotContain("SIGNED");
    });
  }

  @Test
  void theDefaultLogFingerprintsIdentitiesAndIdsThatAreNotRecordingSidsWithAKeyNotAPlainHash()
      throws Exception {
    String plain = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest("sam@example.com".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 6);
    String line = LoggingPlaybackAudit.PROCESS.line(new PlaybackEvent(java.time.Instant.EPOCH,
        PlaybackEvent.Decision.FORBIDDEN, "sam@example.com", null, "mrn-00123456", FLEX, null, null,
        java.util.List.of("agent")));

    assertThat(line).contains("user=" + LoggingPlaybackAudit.PROCESS.fingerprint("sam@example.com"),
            "recording=" + LoggingPlaybackAudit.PROCESS.fingerprint("mrn-00123456"))
        .doesNotContain("sam@", "mrn-00123456", plain);
    assertThat(LoggingPlaybackAudit.PROCESS.fingerprint("sam@example.com")).matches("fp:[0-9a-f]{12}")
        .isEqualTo(LoggingPlaybackAudit.PROCESS.fingerprint("sam@example.com"))
        .isNotEqualTo(LoggingPlaybackAudit.PROCESS.fingerprint("ada@example.com"));
  }

  @Test
  void aLogKeyedFromTheFleetsSecretGivesOneUserOneFingerprintOnEveryInstanceButNeverTheSecretsOwnHmac()
      throws Exception {
    String secret = "f".repeat(32);
    PlaybackEvent event = new PlaybackEvent(java.time.Instant.EPOCH,
        PlaybackEvent.Decision.GRANTED, "sam@example.com", null, RE, FLEX, null, null,
        java.util.List.of("supervisor"));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(
        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String underTheSecret = java.util.HexFormat.of().formatHex(
        mac.doFinal("sam@example.com".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 6);

    List<String> lines = new java.util.ArrayList<>();
    for (String s : List.of(secret, secret, "0".repeat(32))) {
      try (LogCapture log = LogCapture.of(PlaybackAudit.LOGGER)) {
        PlaybackAudit.log(s).record(event);
        lines.addAll(log.lines());
      }
    }

    assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("INFO playback GRANTED 200 user=fp:"));
    assertThat(lines.get(0)).isEqualTo(lines.get(1)).isNotEqualTo(lines.get(2))
        .doesNotContain("sam@", underTheSecret)
        .doesNotContain(LoggingPlaybackAudit.PROCESS.fingerprint("sam@example.com"));
    assertThat(PlaybackAudit.log(secret)).hasToString("PlaybackAudit.log(secret)");
    assertThat(PlaybackAudit.log()).hasToString("PlaybackAudit.log()");
    for (String blank : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> PlaybackAudit.log(blank))
          .isInstanceOf(io.github.flexmedia.twilio.ConfigurationException.class)
          .hasMessageContaining("fingerprintSecret");
    }
  }
}
