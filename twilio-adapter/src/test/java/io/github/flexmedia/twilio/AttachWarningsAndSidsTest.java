package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import org.junit.jupiter.api.Test;

/** AttachResult.warnings() lints what the task will hold; SID mistakes are typed and named. */
class AttachWarningsAndSidsTest {
  private static final String AC = "AC0123456789abcdef0123456789abcdef";
  private static final String RE = "RE0123456789abcdef0123456789abcdef";

  @Test
  void warningsAreTheLintOfTheMergedDocument() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\","
        + "\"url\":\"https://rec.example.com/first.wav\"}]}}");
    MediaAttributes mine = MediaAttributes.builder()
        .media(MediaLink.twilioRecording(AC, RE).build()).build();

    AttachResult result = MediaAttacher.builder(router).build().attach(WS, WT, mine);

    assertThat(mine.lint()).isEmpty(); // alone, the new recording looks fine
    assertThat(result.warnings()).extracting(MediaWarning::code)
        .containsExactly(MediaWarning.Code.ONLY_FIRST_RECORDING_PLAYS);
    assertThat(result.warnings().get(0).path()).isEqualTo("conversations.media[1]");
  }

  @Test
  void flexConversationsTranscriptKeepsDefaultMediaFromBeingReported() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{\"conversations\":{\"media\":[{\"conversation_sid\":\"CH0123456789abcdef0123456789abcdef\"}]}}");

    AttachResult result = MediaAttacher.builder(router).build().attach(WS, WT,
        MediaAttributes.builder().media(MediaLink.embedded("https://crm.example.com/t/1", "Ticket")).build());

    assertThat(result.changed()).isTrue();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aWorkerSidPassedAsTaskSidIsAnInvalidMediaExceptionNamingBothPrefixes() {
    String worker = "WK0123456789abcdef0123456789abcdef";
    MediaAttacher attacher = MediaAttacher.builder(new InMemoryTaskRouter()).build();

    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> attacher.attach(WS, worker, MediaAttributes.empty()));

    assertThat(e.field()).isEqualTo("taskSid");
    assertThat(e.rule()).isEqualTo("sid-format");
    assertThat(e.getMessage()).contains("expected 'WT…', got 'WK…'").doesNotContain(worker);
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> attacher.attach(WT, WT, MediaAttributes.empty())))
        .hasMessageContaining("expected 'WS…', got 'WT…'")
        .extracting(InvalidMediaException::field).isEqualTo("workspaceSid");
  }
}
