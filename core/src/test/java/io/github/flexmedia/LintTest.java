package io.github.flexmedia;

import static io.github.flexmedia.Fixtures.WR_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaWarning.Code;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintTest {

  private static List<Code> codes(MediaAttributes m) {
    return m.lint().stream().map(MediaWarning::code).toList();
  }

  @Test
  void wellFormedListHasNoWarnings() {
    assertThat(MediaAttributesTest.threeLinks().lint()).isEmpty();
    assertThat(MediaAttributes.empty().lint()).isEmpty();
  }

  @Test
  void rawFirstWithOthersBehindIt() {
    MediaAttributes m = MediaAttributes.builder().media(Fixtures.raw(), Fixtures.chat()).build();
    assertThat(m.lint())
        .singleElement()
        .satisfies(w -> {
          assertThat(w.code()).isEqualTo(Code.RAW_FIRST_HIDES_OTHERS);
          assertThat(w.path()).isEqualTo("conversations.media[0]");
          assertThat(w.message()).contains("new tab");
        });
  }

  @Test
  void rawAloneOrLaterIsNotFlaggedAsHiding() {
    assertThat(codes(MediaAttributes.builder().media(Fixtures.chat(), Fixtures.raw()).build()))
        .doesNotContain(Code.RAW_FIRST_HIDES_OTHERS);
    assertThat(codes(MediaAttributes.builder().media(Fixtures.raw()).build()))
        .containsExactly(Code.DEFAULT_MEDIA_REPLACED);
  }

  @Test
  void secondRecordingIsFlagged() {
    MediaAttributes m =
        MediaAttributes.builder()
            .media(Fixtures.recording(), Fixtures.chat(), MediaLink.voiceRecording("https://r.example.com/b.wav").build())
            .build();
    assertThat(m.lint())
        .singleElement()
        .satisfies(w -> {
          assertThat(w.code()).isEqualTo(Code.ONLY_FIRST_RECORDING_PLAYS);
          assertThat(w.path()).isEqualTo("conversations.media[2]");
        });
  }

  @Test
  void embeddedOverHttpIsFlagged() {
    MediaAttributes m =
        MediaAttributes.builder()
            .policy(MediaPolicy.builder().allowInsecureHttp().build())
            .media(new MediaLink.Embedded(URI.create("http://lab.example.com/x"), "Lab"), Fixtures.chat())
            .build();
    assertThat(codes(m)).containsExactly(Code.EMBEDDED_OVER_HTTP);
  }

  @Test
  void customMediaWithoutRecordingOrTranscriptReplacesTheDefaults() {
    MediaAttributes m = MediaAttributes.builder().media(Fixtures.embedded(), Fixtures.referenced()).build();
    assertThat(m.lint())
        .singleElement()
        .satisfies(w -> {
          assertThat(w.code()).isEqualTo(Code.DEFAULT_MEDIA_REPLACED);
          assertThat(w.path()).isEqualTo("conversations.media");
          assertThat(w.message()).contains("VoiceRecording");
        });
  }

  @Test
  void reservationListHidesTaskLevelLinks() {
    MediaAttributes m =
        MediaAttributes.builder().media(Fixtures.chat()).reservationMedia(WR_1, Fixtures.recording()).build();
    assertThat(m.lint())
        .singleElement()
        .satisfies(w -> {
          assertThat(w.code()).isEqualTo(Code.RESERVATION_HIDES_TASK_MEDIA);
          assertThat(w.path()).isEqualTo("reservation_attributes." + WR_1 + ".media");
        });
  }

  @Test
  void reservationListWithoutTaskLinksIsFine() {
    assertThat(MediaAttributes.builder().reservationMedia(WR_1, Fixtures.recording()).build().lint()).isEmpty();
  }

  @Test
  void mediaOver4096CharactersIsFlagged() {
    MediaAttributes.Builder b = MediaAttributes.builder().media(Fixtures.chat());
    for (int i = 0; i < 40; i++) {
      b.media(MediaLink.referenced("https://crm.example.com/" + "x".repeat(100) + i, "Ticket " + i));
    }
    MediaAttributes m = b.build();

    assertThat(m.toJson().length()).isGreaterThan(MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH);
    assertThat(codes(m)).containsExactly(Code.ATTRIBUTES_TOO_LARGE);
  }

  @Test
  void mediaWithin4096CharactersButOver4096Utf8BytesAreWarnedAbout() {
    MediaAttributes.Builder b = MediaAttributes.builder().media(Fixtures.chat());
    MediaAttributes built = b.build();
    // three UTF-8 bytes per character: the characters stay under the limit, the bytes do not
    for (int i = 0; built.toJson().getBytes(StandardCharsets.UTF_8).length <= 4096; i++) {
      built = b.media(MediaLink.referenced("https://crm.example.com/t/" + i, "録音".repeat(40))).build();
    }
    MediaAttributes m = built;

    assertThat(m.toJson().length()).isLessThanOrEqualTo(MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH);
    assertThat(m.lint()).singleElement().satisfies(w -> {
      assertThat(w.code()).isEqualTo(Code.ATTRIBUTES_OVER_4096_UTF8_BYTES);
      assertThat(w.path()).isEqualTo("$");
      assertThat(w.message()).contains(m.toJson().length() + " characters").doesNotContain("録音");
    });
  }

  @Test
  void asciiMediaUnderTheLimitGetNoSizeWarning() {
    MediaAttributes m = MediaAttributes.builder().media(Fixtures.chat(),
        MediaLink.referenced("https://crm.example.com/t", "x".repeat(3000))).build();

    assertThat(m.toJson().getBytes(StandardCharsets.UTF_8).length)
        .isEqualTo(m.toJson().length()).isLessThanOrEqualTo(4096);
    assertThat(codes(m)).isEmpty();
  }

  @Test
  void warningMessagesNeverContainUrlsOrTitles() {
    MediaAttributes m =
        MediaAttributes.builder()
            .policy(MediaPolicy.builder().allowInsecureHttp().build())
            .media(
                MediaLink.raw("https://crm.example.com/PHI-CANARY", "PHI-CANARY"),
                new MediaLink.Embedded(URI.create("http://lab.example.com/PHI-CANARY"), "PHI-CANARY"),
                MediaLink.voiceRecording("https://r.example.com/PHI-CANARY").build(),
                MediaLink.voiceRecording("https://r.example.com/PHI-CANARY2").build())
            .build();

    assertThat(m.lint()).hasSize(3).allSatisfy(w -> assertThat(w.message() + w.path()).doesNotContain("PHI-CANARY"));
  }
}
