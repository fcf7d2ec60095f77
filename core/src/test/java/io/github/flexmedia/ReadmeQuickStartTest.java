package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Holds a copy of the README's core quick start: if this stops compiling, fix the README too. */
class ReadmeQuickStartTest {

  @Test
  void quickStartCompilesAndDoesWhatTheReadmeSays() {
    String existingAttributes = "{\"type\":\"inbound\",\"conversations\":{\"abandoned\":\"No\"}}";

    // --- README quick start (core) ---
    MediaAttributes media = MediaAttributes.builder()
        .media(
            MediaLink.embedded("https://support.example.com/tickets/42", "Ticket #42"),
            MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef"),
            MediaLink.voiceRecording("https://recordings.example.com/RE42.wav")
                .startTimeMillis(1_700_000_000_000L)
                .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
                .build())
        .build();

    String newAttributes = media.mergeInto(existingAttributes, MergeMode.APPEND);
    for (MediaWarning w : media.lint()) {
      System.out.println(w.code() + " at " + w.path() + ": " + w.message());
    }
    MediaAttributes readBack = MediaAttributes.fromTaskAttributes(newAttributes);
    // --- end of README quick start ---

    JsonNode doc = TestJson.tree(newAttributes);
    assertThat(doc.get("type").asText()).isEqualTo("inbound");
    assertThat(doc.at("/conversations/abandoned").asText()).isEqualTo("No");
    assertThat(readBack).isEqualTo(media);
    assertThat(media.lint()).isEmpty();
  }
}
