package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.internal.playback.CachingFlexTokenValidator;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Copies of the README's playback snippets: if one stops compiling or working, fix the README. */
@Timeout(60)
class ReadmePlaybackSnippetsTest {
  /** Stands in for the reader's object store. */
  static final class Storage {
    Optional<String> presign(String recordingId, Duration ttl) {
      return recordingId.startsWith("RE")
          ? Optional.of("https://storage.example.com/" + recordingId + "?ttl=" + ttl.toSeconds()) : Optional.empty();
    }
  }

  /** Stands in for the reader's access log. */
  static final class AccessLog {
    final List<String> lines = new ArrayList<>();

    void info(String line) {
      lines.add(line);
    }
  }

  @Test
  void validatorSnippet() {
    String accountSid = "AC0123456789abcdef0123456789abcdef";
    String apiKeySid = "SK0123456789abcdef0123456789abcdef";
    String apiKeySecret = "key-secret";

    // --- README: validator ---
    FlexTokenValidator validator = FlexTokenValidator.cached(
        TwilioFlexTokenValidator.withApiKey(accountSid, apiKeySid, apiKeySecret)  // or withAuthToken(accountSid, authToken)
            .region("ie1").edge("dublin")                  // optional: iam.dublin.ie1.twilio.com
            .build(),                                      // connect 2 s, answer 5 s, at most 10 calls a second
        10_000, Duration.ofMinutes(1), Clock.systemUTC()); // valid users 1 min, refusals 30 s
    // --- end ---

    assertThat(validator).isInstanceOf(CachingFlexTokenValidator.class);
    assertThat(validator.toString()).contains("TwilioFlexTokenValidator[account=AC0123…, maxCallsPerSecond=10]")
        .doesNotContain(apiKeySecret);
  }

  @Test
  void providerSnippet() {
    try (FlexTokenEmulator twilio = FlexTokenEmulator.start()) {
      FlexTokenValidator validator = FlexTokenValidator.cached(twilio.validatorBuilder().build(),
          10_000, Duration.ofMinutes(1), Clock.systemUTC());
      Storage storage = new Storage();
      AccessLog accessLog = new AccessLog();
      String method = "GET";
      String rawQuery = "recording=RE0123456789abcdef0123456789abcdef";
      Map<String, List<String>> headers = Map.of("Origin", List.of("https://flex.twilio.com"),
          "Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(
              ("token:" + twilio.issue("sam@example.com", "supervisor")).getBytes(StandardCharsets.UTF_8))));
      String remoteAddress = "203.0.113.7";
      String userAgent = "Mozilla/5.0";

      // --- README: authenticated playback ---
      RecordingUrlProvider provider = RecordingUrlProvider.builder(validator,
              (recordingId, user) -> storage.presign(recordingId, Duration.ofMinutes(5)))
          .allowedOrigins("https://flex.twilio.com")                          // see "Origins" below
          // defaults: PlaybackAuthorizer.insights() (who Insights lets play), PlaybackAudit.log()
          .audit(event -> accessLog.info(event.at() + " " + event.decision() + " " + event.identity()
              + " " + event.roles() + " " + event.recordingId() + " " + event.remoteAddress()))
          .build();

      // In any HTTP framework: method, raw query, headers and the caller in; status, headers, body out.
      PlaybackResponse res = provider.handle(
          PlaybackRequest.of(method, rawQuery, headers).from(remoteAddress, userAgent));
      // --- end ---

      assertThat(res.status()).isEqualTo(200);
      assertThat(res.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      assertThat(res.body()).isEqualTo(
          "{\"media_url\":\"https://storage.example.com/RE0123456789abcdef0123456789abcdef?ttl=300\"}");
      assertThat(accessLog.lines).singleElement().asString()
          .endsWith(" GRANTED sam@example.com [supervisor] RE0123456789abcdef0123456789abcdef 203.0.113.7");
      assertThat(twilio.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void linkSnippet() {
    // --- README: url_provider link ---
    MediaLink.VoiceRecording link = RecordingUrlProvider.voiceRecording(
            "https://playback.example.com/recordings", "RE0123456789abcdef0123456789abcdef")
        .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
        .build();
    // --- end ---

    assertThat(MediaAttributes.builder().media(link).build().toJson()).isEqualTo(
        "{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\",\"url_provider\":"
            + "\"https://playback.example.com/recordings?recording=RE0123456789abcdef0123456789abcdef\","
            + "\"channels\":[\"customer\",\"others\"]}]}}");
  }
}
