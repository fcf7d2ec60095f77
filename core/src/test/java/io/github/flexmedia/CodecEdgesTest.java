package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the codec reads at the edges of its rules: types, untyped entries, start times. */
class CodecEdgesTest {
  static final String CH = "CH0123456789abcdef0123456789abcdef";
  static final String CH2 = "CHfedcba9876543210fedcba9876543210";

  static MediaLink first(String entry) {
    return MediaAttributes.fromTaskAttributes("{\"conversations\":{\"media\":[" + entry + "]}}")
        .taskMedia().get(0);
  }

  @Test
  void onlyDocumentedTypesAreTyped() {
    assertThat(first("{\"type\":\"FlexConversation\",\"conversation_sid\":\"" + CH + "\"}"))
        .isInstanceOf(MediaLink.Unknown.class);
    assertThat(first("{\"type\":\"\",\"url\":\"https://x.example.com\"}")).isInstanceOf(MediaLink.Unknown.class);
    assertThat(first("{\"conversation_sid\":\"" + CH + "\"}")).isInstanceOf(MediaLink.FlexConversation.class);
    assertThat(first("{\"type\":\"ChatTranscript\",\"sid\":\"" + CH + "\"}")).isInstanceOf(MediaLink.ChatTranscript.class);
  }

  @Test
  void anUnknownTypeIsReportedListingTheDocumentedOnes() {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(
        "{\"conversations\":{\"media\":[{\"type\":\"Hologram\"}]}}");
    assertThat(read.lint()).filteredOn(w -> w.code() == MediaWarning.Code.INVALID_LINK).singleElement()
        .extracting(MediaWarning::message).asString().contains("is not a type Flex documents (Raw, Embedded, Referenced, VoiceRecording, ChatTranscript)");
  }

  @Test
  void appendingFlexsOwnEntryAgainIsANoOpTypedNullOrAbsent() {
    String doc = "{\"conversations\":{\"media\":[{\"conversation_sid\":\"" + CH + "\"},"
        + "{\"type\":null,\"conversation_sid\":\"" + CH2 + "\"}]}}";

    String merged = MediaAttributes.builder()
        .media(MediaLink.flexConversation(CH), MediaLink.flexConversation(CH2)).build()
        .mergeInto(doc, MergeMode.APPEND);

    assertThat(merged).isEqualTo(doc);
  }

  @Test
  void anEntryWithAStringTypeIsNotFlexsOwnEvenWithAConversationSid() {
    String doc = "{\"conversations\":{\"media\":[{\"type\":\"Custom\",\"conversation_sid\":\"" + CH + "\"}]}}";

    String merged = MediaAttributes.builder().media(MediaLink.flexConversation(CH)).build()
        .mergeInto(doc, MergeMode.APPEND);

    assertThat(MediaAttributes.fromTaskAttributes(merged).taskMedia()).hasSize(2);
  }

  @Test
  void aStartTimeOfDigitsIsMillisecondsUpTo18Digits() {
    assertThat(((MediaLink.VoiceRecording) first(
        "{\"type\":\"VoiceRecording\",\"url\":\"https://r.example.com\",\"start_time\":\"1699999999990\"}")).startTime())
        .isEqualTo(Instant.ofEpochMilli(1_699_999_999_990L));
    // 18 digits: milliseconds, but after year 9999; 19 digits: not a time Flex could mean at all.
    assertThat(invalidReason("\"100000000000000000\"")).contains("is after year 9999");
    assertThat(invalidReason("\"1000000000000000000\"")).contains("must be epoch milliseconds or an ISO 8601");
  }

  private static String invalidReason(String startTime) {
    MediaAttributes read = MediaAttributes.fromTaskAttributes("{\"conversations\":{\"media\":[{\"type\":"
        + "\"VoiceRecording\",\"url\":\"https://r.example.com\",\"start_time\":" + startTime + "}]}}");
    return read.lint().stream().filter(w -> w.code() == MediaWarning.Code.INVALID_LINK)
        .findFirst().orElseThrow().message();
  }

  @Test
  void aDocumentNestedPastTheParsersLimitIsMalformedAndSaysSo() {
    String deep = "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}";

    assertThatThrownBy(() -> MediaAttributes.empty().mergeInto(deep, MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("exceeds the parser's limits");
  }

  @Test
  void aSyntaxErrorOnTheFirstLineGivesItsPosition() {
    assertThatThrownBy(() -> MediaAttributes.fromTaskAttributes("{\"a\": tru}"))
        .hasMessageStartingWith("task attributes $: is not valid JSON (line 1, column ");
    assertThatThrownBy(() -> MediaAttributes.fromTaskAttributes("{\"a\":1,\"a\":2}"))
        .hasMessageStartingWith("task attributes $: has a duplicate key (line 1, column ");
    assertThatThrownBy(() -> MediaAttributes.fromTaskAttributes("{} {}"))
        .hasMessageStartingWith("task attributes $: has content after the JSON value");
  }
}
