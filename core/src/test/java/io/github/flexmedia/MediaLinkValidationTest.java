package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per bad-input rule: type, field, rule, and no canary in the message. */
class MediaLinkValidationTest {
  static final String CANARY = "PHI-CANARY-7f3a";

  private static InvalidMediaException refused(Executable call) {
    InvalidMediaException e =
        catchThrowableOfType(InvalidMediaException.class, () -> call.execute());
    assertThat(e).as("an InvalidMediaException").isNotNull();
    assertThat(e.getMessage()).doesNotContain(CANARY);
    assertThat(e.getMessage()).contains(e.field()).contains(e.rule());
    return e;
  }

  @Test
  void plainHttpIsRefusedByTheFactories() {
    InvalidMediaException e =
        refused(() -> MediaLink.embedded("http://crm.example.com/" + CANARY + "?t=" + CANARY, "T"));
    assertThat(e.field()).isEqualTo("url");
    assertThat(e.rule()).isEqualTo("https-only");
    assertThat(e.getMessage()).contains("https");
  }

  @Test
  void plainHttpIsRefusedByTheDefaultPolicyAtBuild() {
    MediaLink http = new MediaLink.Referenced(URI.create("http://lab.example.com/" + CANARY), "T");

    InvalidMediaException e = refused(() -> MediaAttributes.builder().media(http).build());
    assertThat(e.field()).isEqualTo("conversations.media[0].url");
    assertThat(e.rule()).isEqualTo("https-only");
  }

  @Test
  void plainHttpIsAcceptedThroughTheNamedOptIn() {
    MediaLink http = new MediaLink.Referenced(URI.create("http://lab.example.com/x"), "T");
    MediaPolicy lab = MediaPolicy.builder().allowInsecureHttp().build();

    MediaAttributes media = MediaAttributes.builder().policy(lab).media(http).build();

    assertThat(media.taskMedia()).containsExactly(http);
    assertThat(lab.allowsInsecureHttp()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert('PHI-CANARY-7f3a')",
        "JaVaScRiPt:alert(1)",
        "data:text/html;base64,PHI-CANARY-7f3a",
        "file:///etc/PHI-CANARY-7f3a",
        "ftp://files.example.com/PHI-CANARY-7f3a",
        "vbscript:msgbox(1)"
      })
  void nonWebSchemesAreRefused(String url) {
    InvalidMediaException e = refused(() -> MediaLink.raw(url, "T"));
    assertThat(e.rule()).isEqualTo("web-scheme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/tickets/PHI-CANARY-7f3a", "tickets/42", "//crm.example.com/PHI-CANARY-7f3a"})
  void relativeUrlsAreRefused(String url) {
    assertThat(refused(() -> MediaLink.referenced(url, "T")).rule()).isEqualTo("absolute");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankUrlsAreRefused(String url) {
    assertThat(refused(() -> MediaLink.embedded(url, "T")).rule()).isEqualTo("required");
  }

  @Test
  void missingUrlIsRefused() {
    assertThat(refused(() -> MediaLink.embedded(null, "T")).rule()).isEqualTo("required");
    assertThat(refused(() -> new MediaLink.Raw(null, "T")).field()).isEqualTo("url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https:///PHI-CANARY-7f3a", "https:PHI-CANARY-7f3a", "https://under_score.example.com/PHI-CANARY-7f3a"})
  void urlsWithoutAHostAreRefused(String url) {
    assertThat(refused(() -> MediaLink.raw(url, "T")).rule()).isEqualTo("host");
  }

  @Test
  void userInfoIsRefused() {
    InvalidMediaException e =
        refused(() -> MediaLink.raw("https://admin:" + CANARY + "@crm.example.com/x", "T"));
    assertThat(e.rule()).isEqualTo("no-user-info");
  }

  @Test
  void whitespaceAndControlCharactersInUrlsAreRefused() {
    assertThat(refused(() -> MediaLink.raw("https://crm.example.com/a b" + CANARY, "T")).rule())
        .isEqualTo("no-whitespace");
    assertThat(refused(() -> MediaLink.raw("https://crm.example.com/\u0000" + CANARY, "T")).rule())
        .isEqualTo("no-whitespace");
  }

  @Test
  void syntacticallyBrokenUrlsAreRefusedWithoutEchoingThem() {
    InvalidMediaException e = refused(() -> MediaLink.raw("https://crm.example.com/%zz" + CANARY, "T"));
    assertThat(e.rule()).isEqualTo("uri-syntax");
  }

  @Test
  void urlsOver2048CharactersAreRefused() {
    String url = "https://crm.example.com/" + CANARY + "x".repeat(2048);
    InvalidMediaException e = refused(() -> MediaLink.embedded(url, "T"));
    assertThat(e.rule()).isEqualTo("max-length");
    assertThat(e.getMessage()).contains("2048");
  }

  @Test
  void urlOfExactly2048CharactersIsAccepted() {
    String prefix = "https://crm.example.com/";
    String url = prefix + "x".repeat(2048 - prefix.length());
    assertThat(MediaLink.embedded(url, "T").url().toString()).hasSize(2048);
  }

  @Test
  void titlesAreRequiredForRawEmbeddedAndReferenced() {
    assertThat(refused(() -> MediaLink.raw("https://a.example.com", null)).field()).isEqualTo("title");
    assertThat(refused(() -> MediaLink.embedded("https://a.example.com", null)).rule())
        .isEqualTo("required");
    assertThat(refused(() -> MediaLink.referenced("https://a.example.com", null)).rule())
        .isEqualTo("required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \n"})
  void blankTitlesAreRefused(String title) {
    assertThat(refused(() -> MediaLink.referenced("https://a.example.com", title)).rule())
        .isEqualTo("not-blank");
  }

  @Test
  void titlesWithControlCharactersAreRefused() {
    InvalidMediaException e =
        refused(() -> MediaLink.embedded("https://a.example.com", CANARY + "\u0007bell"));
    assertThat(e.field()).isEqualTo("title");
    assertThat(e.rule()).isEqualTo("no-control-chars");
  }

  @Test
  void optionalRecordingTitleObeysTheSameRules() {
    assertThat(
            refused(() ->
                    MediaLink.voiceRecording("https://r.example.com/a.wav")
                        .title(CANARY + "\n")
                        .build())
                .rule())
        .isEqualTo("no-control-chars");
    assertThat(MediaLink.voiceRecording("https://r.example.com/a.wav").build().title()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CH0123456789abcdef0123456789abcde",
        "CH0123456789abcdef0123456789abcdef0",
        "ch0123456789abcdef0123456789abcdef",
        "WR0123456789abcdef0123456789abcdef",
        "CH0123456789abcdef0123456789abcdeg",
        ""
      })
  void chatTranscriptSidMustBeChAnd32Hex(String sid) {
    InvalidMediaException e = refused(() -> MediaLink.chatTranscript(sid));
    assertThat(e.field()).isEqualTo("sid");
    assertThat(e.rule()).isEqualTo("sid-format");
    assertThat(e.getMessage()).contains("'CH' followed by 32 hex digits");
  }

  @Test
  void chatTranscriptSidIsRequired() {
    assertThat(refused(() -> MediaLink.chatTranscript(null)).rule()).isEqualTo("required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"WA0123456789abcdef0123456789abcdef", "WR123", "PHI-CANARY-7f3a"})
  void reservationSidMustBeWrAnd32Hex(String sid) {
    InvalidMediaException e =
        refused(() -> MediaAttributes.builder().reservationMedia(sid, Fixtures.chat()));
    assertThat(e.field()).isEqualTo("reservationSid");
    assertThat(e.rule()).isEqualTo("sid-format");
  }

  @Test
  void startTimeInSecondsIsRefusedAsLookingLikeSeconds() {
    InvalidMediaException e =
        refused(() ->
            MediaLink.voiceRecording("https://r.example.com/" + CANARY)
                .startTimeMillis(1574350320L)
                .build());
    assertThat(e.field()).isEqualTo("start_time");
    assertThat(e.getMessage()).contains("looks like seconds");
  }

  @Test
  void negativeStartTimeIsRefused() {
    InvalidMediaException e =
        refused(() -> MediaLink.voiceRecording("https://r.example.com/a").startTimeMillis(-1).build());
    assertThat(e.rule()).isEqualTo("not-negative");
  }

  @Test
  void startTimeInMicrosecondsIsRefused() {
    InvalidMediaException e =
        refused(() ->
            MediaLink.voiceRecording("https://r.example.com/a")
                .startTimeMillis(1574350320000000L)
                .build());
    assertThat(e.getMessage()).contains("micro");
  }

  @Test
  void startTimeAtTheBoundaryIsAcceptedAndSubMillisecondsDropped() {
    MediaLink.VoiceRecording r =
        MediaLink.voiceRecording("https://r.example.com/a")
            .startTime(Instant.ofEpochMilli(100_000_000_000L).plusNanos(999))
            .build();
    assertThat(r.startTime()).isEqualTo(Instant.ofEpochMilli(100_000_000_000L));
  }

  @Test
  void recordingNeedsAUrlOrAProvider() {
    InvalidMediaException e = refused(() -> new MediaLink.VoiceRecording(null, null, null, null, null));
    assertThat(e.rule()).isEqualTo("url-or-provider");
  }

  @Test
  void recordingProviderIsCheckedLikeAUrl() {
    InvalidMediaException e =
        refused(() -> MediaLink.voiceRecordingViaProvider("http://p.example.com/" + CANARY));
    assertThat(e.field()).isEqualTo("url_provider");
    assertThat(e.rule()).isEqualTo("https-only");
  }

  @Test
  void recordingWithBothUrlAndProviderIsAllowed() {
    MediaLink.VoiceRecording r =
        MediaLink.voiceRecordingViaProvider("https://p.example.com/provide?r=1")
            .url("https://r.example.com/a.wav")
            .build();
    assertThat(r.url()).hasToString("https://r.example.com/a.wav");
    assertThat(r.urlProvider()).hasToString("https://p.example.com/provide?r=1");
  }

  @Test
  void nullAndRepeatedChannelsAreRefused() {
    assertThat(
            refused(() ->
                    MediaLink.voiceRecording("https://r.example.com/a")
                        .channels(RecordingChannel.CUSTOMER, null)
                        .build())
                .field())
        .isEqualTo("channels[1]");
    assertThat(
            refused(() ->
                    MediaLink.voiceRecording("https://r.example.com/a")
                        .channels(RecordingChannel.CUSTOMER, RecordingChannel.CUSTOMER)
                        .build())
                .rule())
        .isEqualTo("distinct");
  }

  @Test
  void nullLinksInListsAreRefused() {
    InvalidMediaException e =
        refused(() -> MediaAttributes.builder().media(Fixtures.chat(), null));
    assertThat(e.field()).isEqualTo("conversations.media[1]");
    assertThat(e.rule()).isEqualTo("not-null");
  }

  @Test
  void policyAllowListRefusesOtherHosts() {
    MediaPolicy policy = MediaPolicy.builder().allowHosts("support.example.com", ".rec.example.com").build();
    MediaAttributes.Builder ok =
        MediaAttributes.builder()
            .policy(policy)
            .media(Fixtures.embedded(), MediaLink.voiceRecording("https://eu.rec.example.com/a").build());
    assertThat(ok.build().taskMedia()).hasSize(2);

    InvalidMediaException e =
        refused(() ->
            MediaAttributes.builder()
                .policy(policy)
                .media(MediaLink.raw("https://evil.example.net/" + CANARY, "x"))
                .build());
    assertThat(e.rule()).isEqualTo("host-allow-list");
    assertThat(e.field()).isEqualTo("conversations.media[0].url");
    assertThatThrownBy(() -> MediaPolicy.builder().allowHosts(" "))
        .isInstanceOf(InvalidMediaException.class);
  }
}
