package io.github.flexmedia;

import static io.github.flexmedia.TestJson.goldenTree;
import static io.github.flexmedia.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaLinkJsonTest {
  private final ObjectMapper plain = new ObjectMapper();

  static Stream<Arguments> goldenLinks() {
    return Stream.of(
        Arguments.of("raw.json", Fixtures.raw()),
        Arguments.of("embedded.json", Fixtures.embedded()),
        Arguments.of("referenced.json", Fixtures.referenced()),
        Arguments.of(
            "voice-recording.json",
            Fixtures.recording().toBuilder().title("Inbound call").build()),
        Arguments.of(
            "voice-recording-provider.json",
            MediaLink.voiceRecordingViaProvider(
                    "https://media.example.com/provide?recording=RE0123456789abcdef0123456789abcdef")
                .build()),
        Arguments.of("chat-transcript.json", Fixtures.chat()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenLinks")
  void eachLinkTypeAloneWritesItsGoldenJson(String golden, MediaLink link) throws Exception {
    String written = MediaAttributes.builder().media(link).build().toJson();

    assertThat(tree(written).at("/conversations/media/0")).isEqualTo(goldenTree(golden));
    assertThat(tree(plain.writeValueAsString(link))).isEqualTo(goldenTree(golden));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenLinks")
  void plainObjectMapperReadsEachGoldenBackToTheSameRecord(String golden, MediaLink link)
      throws Exception {
    assertThat(plain.readValue(TestJson.golden(golden), MediaLink.class)).isEqualTo(link);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenLinks")
  void typeComesFirstAndOutputIsMinifiedWithoutNulls(String golden, MediaLink link)
      throws Exception {
    String json = plain.writeValueAsString(link);

    assertThat(json).startsWith("{\"type\":\"" + link.typeName() + "\"");
    assertThat(json).doesNotContain("null").doesNotContain(": ").doesNotContain("\n");
  }

  @Test
  void startTimeIsWrittenAsEpochMillisecondsNumber() {
    String json = MediaAttributes.builder().media(Fixtures.recording()).build().toJson();

    assertThat(tree(json).at("/conversations/media/0/start_time").isIntegralNumber()).isTrue();
    assertThat(tree(json).at("/conversations/media/0/start_time").longValue())
        .isEqualTo(1574350320000L);
  }

  @Test
  void startTimeIsReadFromIso8601Strings() throws Exception {
    MediaLink link =
        plain.readValue(
            "{\"type\":\"VoiceRecording\",\"url\":\"https://r.example.com/a.wav\","
                + "\"start_time\":\"2019-11-21T15:32:00Z\"}",
            MediaLink.class);

    assertThat(((MediaLink.VoiceRecording) link).startTime())
        .isEqualTo(Instant.parse("2019-11-21T15:32:00Z"));
  }

  @Test
  void startTimeWithOffsetAndDigitStringsAreRead() throws Exception {
    MediaLink.VoiceRecording offset =
        (MediaLink.VoiceRecording)
            plain.readValue(
                "{\"type\":\"VoiceRecording\",\"url\":\"https://r.example.com/a.wav\","
                    + "\"start_time\":\"2019-11-21T16:32:00+01:00\"}",
                MediaLink.class);
    MediaLink.VoiceRecording digits =
        (MediaLink.VoiceRecording)
            plain.readValue(
                "{\"type\":\"VoiceRecording\",\"url\":\"https://r.example.com/a.wav\","
                    + "\"start_time\":\"1574350320000\"}",
                MediaLink.class);

    assertThat(offset.startTime()).isEqualTo(Instant.ofEpochMilli(1574350320000L));
    assertThat(digits.startTime()).isEqualTo(Instant.ofEpochMilli(1574350320000L));
  }

  @Test
  void thePlainObjectMapperReadsWhatTheLibraryCannotModelAsUnknownLikeADocument() throws Exception {
    String json = "{\"type\":\"VideoRecording\",\"url\":\"https://v.example.com/1\",\"fps\":30}";

    MediaLink read = plain.readValue(json, MediaLink.class);

    assertThat(read).isEqualTo(new MediaLink.Unknown("VideoRecording", json));
    assertThat(read).isEqualTo(MediaAttributes.fromTaskAttributes(
        "{\"conversations\":{\"media\":[" + json + "]}}").taskMedia().get(0));
  }

  @Test
  void aPlainObjectMapperReadsOneKindWhenAskedForItAndRefusesAnother() throws Exception {
    assertThat(plain.readValue(TestJson.golden("raw.json"), MediaLink.Raw.class)).isEqualTo(Fixtures.raw());
    assertThatThrownBy(() -> plain.readValue(TestJson.golden("chat-transcript.json"), MediaLink.Raw.class))
        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
        .hasMessageContaining("the link is a ChatTranscript, not a Raw");
  }

  @Test
  void everyKindOfLinkHasItsOwnVisitorMethod() {
    MediaLink.Visitor<String> name = new MediaLink.Visitor<>() {
      public String visitRaw(MediaLink.Raw l) { return "Raw"; }
      public String visitEmbedded(MediaLink.Embedded l) { return "Embedded"; }
      public String visitReferenced(MediaLink.Referenced l) { return "Referenced"; }
      public String visitVoiceRecording(MediaLink.VoiceRecording l) { return "VoiceRecording"; }
      public String visitChatTranscript(MediaLink.ChatTranscript l) { return "ChatTranscript"; }
      public String visitFlexConversation(MediaLink.FlexConversation l) { return "FlexConversation"; }
      public String visitUnknown(MediaLink.Unknown l) { return "Unknown"; }
    };

    assertThat(Stream.of(Fixtures.raw(), Fixtures.embedded(), Fixtures.referenced(), Fixtures.recording(),
            Fixtures.chat(), MediaLink.flexConversation("CH0123456789abcdef0123456789abcdef"))
        .map(l -> l.accept(name) + "=" + l.typeName()))
        .containsExactly("Raw=Raw", "Embedded=Embedded", "Referenced=Referenced",
            "VoiceRecording=VoiceRecording", "ChatTranscript=ChatTranscript",
            "FlexConversation=FlexConversation");
    assertThat(new MediaLink.Unknown("V", "{\"type\":\"V\"}").accept(name)).isEqualTo("Unknown");
    assertThat(Fixtures.embedded()).isInstanceOf(MediaLink.Page.class);
  }

  @Test
  void unknownLinkSerializesBackExactlyAsItWasRead() throws Exception {
    String json = "{\"type\":\"VideoRecording\",\"url\":\"https://v.example.com/1\",\"fps\":30}";
    MediaLink.Unknown unknown = new MediaLink.Unknown("VideoRecording", json);

    assertThat(tree(plain.writeValueAsString(unknown))).isEqualTo(tree(json));
    assertThat(unknown.typeName()).isEqualTo("VideoRecording");
  }

  @Test
  void unknownLinkMustBeAnObjectOfItsOwnType() {
    assertThatThrownBy(() -> new MediaLink.Unknown("Video", "{\"type\":\"Other\"}"))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("json");
    assertThatThrownBy(() -> new MediaLink.Unknown("Video", "[1]"))
        .isInstanceOf(InvalidMediaException.class);
    assertThatThrownBy(() -> new MediaLink.Unknown("Video", "not json"))
        .isInstanceOf(InvalidMediaException.class);
  }

  @Test
  void channelsAreLowerCaseStringsInOrder() throws Exception {
    MediaLink link =
        MediaLink.voiceRecording("https://r.example.com/a.wav")
            .channels(RecordingChannel.OTHERS, RecordingChannel.CUSTOMER)
            .build();

    assertThat(tree(plain.writeValueAsString(link)).get("channels"))
        .isEqualTo(tree("[\"others\",\"customer\"]"));
    assertThat(RecordingChannel.CUSTOMER.wireName()).isEqualTo("customer");
  }
}
