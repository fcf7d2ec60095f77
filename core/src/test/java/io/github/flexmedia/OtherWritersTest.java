package io.github.flexmedia;

import static io.github.flexmedia.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Flex Conversations' entry, Twilio recordings, SIDs, and what users edit after reading. */
class OtherWritersTest {
  private static final String CH = "CH0123456789abcdef0123456789abcdef";
  private static final String AC = "AC0123456789abcdef0123456789abcdef";
  private static final String RE = "RE0123456789abcdef0123456789abcdef";

  @Test
  void flexConversationIsWrittenExactlyAsFlexWritesIt() throws Exception {
    MediaLink.FlexConversation link = MediaLink.flexConversation(CH);

    String json = MediaAttributes.builder().media(link).build().toJson();
    assertThat(json).isEqualTo("{\"conversations\":{\"media\":[{\"conversation_sid\":\"" + CH + "\"}]}}");
    assertThat(TestJson.EXACT.writeValueAsString(link)).isEqualTo("{\"conversation_sid\":\"" + CH + "\"}");
    assertThat(MediaAttributes.fromTaskAttributes(json).taskMedia()).containsExactly(link);
    assertThat(link.conversationSid()).isEqualTo(CH);
    assertThat(link).hasToString("FlexConversation[conversation_sid=" + CH + "]");
  }

  @Test
  void flexConversationCountsAsTheDefaultTranscript() {
    MediaAttributes media = MediaAttributes.fromTaskAttributes(
        "{\"conversations\":{\"media\":[{\"conversation_sid\":\"" + CH + "\"},"
            + "{\"type\":\"Embedded\",\"url\":\"https://crm.example.com/t/1\",\"title\":\"T\"}]}}");

    assertThat(media.lint()).isEmpty();
    assertThat(MediaAttributes.builder().media(MediaLink.embedded("https://crm.example.com/t/1", "T")).build().lint())
        .extracting(MediaWarning::code).containsExactly(MediaWarning.Code.DEFAULT_MEDIA_REPLACED);
  }

  @Test
  void replaceKeepsFlexsTranscriptEntry() {
    String flex = "{\"conversations\":{\"media\":[{\"conversation_sid\":\"" + CH + "\"},"
        + "{\"type\":\"Referenced\",\"url\":\"https://old.example.com/1\",\"title\":\"Old\"}]}}";

    String merged = MediaAttributes.builder().media(MediaLink.referenced("https://new.example.com/2", "New")).build()
        .mergeInto(flex, MergeMode.REPLACE);

    assertThat(tree(merged)).isEqualTo(tree("{\"conversations\":{\"media\":["
        + "{\"type\":\"Referenced\",\"url\":\"https://new.example.com/2\",\"title\":\"New\"},"
        + "{\"conversation_sid\":\"" + CH + "\"}]}}"));
  }

  @Test
  void twilioRecordingPointsAtTheRecordingResource() {
    MediaLink.VoiceRecording rec = MediaLink.twilioRecording(AC, RE)
        .startTimeMillis(1_700_000_000_000L)
        .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
        .build();

    assertThat(rec.url()).hasToString("https://api.twilio.com/2010-04-01/Accounts/" + AC + "/Recordings/" + RE);
    assertThat(rec.startTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
  }

  @Test
  void aSidOfAnotherKindIsRefusedNamingBothPrefixesButNotTheValue() {
    String worker = "WK0123456789abcdef0123456789abcdef";
    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> MediaAttributes.builder().reservationMedia(worker, MediaLink.chatTranscript(CH)));

    assertThat(e.field()).isEqualTo("reservationSid");
    assertThat(e.rule()).isEqualTo("sid-format");
    assertThat(e.getMessage()).contains("expected 'WR…', got 'WK…'").doesNotContain(worker);
  }

  @Test
  void sidMessagesDescribeWhatWasFoundWithoutRepeatingIt() {
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> MediaLink.twilioRecording("AC12", RE)))
        .hasMessageContaining("(it starts with 'AC' but has 4 characters, not 34)").hasMessageNotContaining("AC12");
    assertThat(catchThrowableOfType(InvalidMediaException.class,
            () -> MediaLink.twilioRecording(AC, "RE0123456789abcdef0123456789abcdeZ")))
        .hasMessageContaining("(it starts with 'RE' but has a character that is not a hex digit)")
        .extracting(InvalidMediaException::field).isEqualTo("recordingSid");
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> Sid.require("taskSid", "secret-token", "WT")))
        .hasMessageContaining("12 characters not starting with two upper-case letters")
        .hasMessageNotContaining("secret");
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> Sid.require("taskSid", "", "WT")))
        .hasMessageContaining("got an empty string");
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> Sid.require("taskSid", null, "WT")))
        .extracting(InvalidMediaException::rule).isEqualTo("required");
    assertThat(Sid.require("taskSid", "WT0123456789abcdef0123456789abcdef", "WT")).startsWith("WT");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Sid.require("x", CH, "ch")))
        .hasMessageContaining("prefix");
  }

  @Test
  void toBuilderKeepsThePolicy() {
    MediaPolicy lab = MediaPolicy.builder().allowInsecureHttp().build();
    MediaLink http = new MediaLink.Referenced(java.net.URI.create("http://lab.example.com/1"), "Lab");
    MediaAttributes media = MediaAttributes.builder().policy(lab).media(http).build();

    assertThat(media.toBuilder().media(http).build().taskMedia()).hasSize(2);
    assertThat(MediaAttributes.builder().policy(lab).build().toBuilder().media(http).build().taskMedia()).hasSize(1);
  }

  @Test
  void startTimeIsReadFromStudiosIsoStringAndWrittenAsMillis() {
    MediaAttributes read = MediaAttributes.fromTaskAttributes("{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\","
        + "\"url\":\"https://r.example.com/1\",\"start_time\":\"2019-11-21T15:32:00Z\"}]}}");

    assertThat(((MediaLink.VoiceRecording) read.taskMedia().get(0)).startTime())
        .isEqualTo(Instant.parse("2019-11-21T15:32:00Z"));
    assertThat(read.toJson()).contains("\"start_time\":1574350320000");
  }

  @Test
  void unknownWithoutATypeIsKeptAndItsTypeNameIsEmpty() {
    MediaLink.Unknown u = new MediaLink.Unknown(null, "{\"note\":1.10}");
    assertThat(u.typeName()).isEmpty();
    assertThat(u.json()).isEqualTo("{\"note\":1.10}");
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> new MediaLink.Unknown(null, "{\"type\":\"Raw\"}")))
        .extracting(InvalidMediaException::rule).isEqualTo("json-object");
    assertThat(MediaAttributes.builder().media(new MediaLink.Unknown("Raw",
            "{\"type\":\"Raw\",\"url\":\"https://a.example.com\",\"title\":\"t\"}")).build().lint())
        .extracting(MediaWarning::message).anySatisfy(m -> assertThat(m).contains("[rule: typed]"));
  }

  @Test
  void aRecordingAnotherWriterGotWrongStillTakesTheFirstPlayableSlot() {
    MediaAttributes read = MediaAttributes.fromTaskAttributes("{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\","
        + "\"url\":\"https://r.example.com/1\",\"start_time\":1574350320}]}}");
    MediaAttributes merged = MediaAttributes.fromTaskAttributes(
        MediaAttributes.builder().media(MediaLink.twilioRecording(AC, RE).build()).build()
            .mergeInto("{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\","
                + "\"url\":\"https://r.example.com/1\",\"start_time\":1574350320}]}}", MergeMode.APPEND));

    assertThat(read.lint()).extracting(MediaWarning::code).containsExactly(MediaWarning.Code.INVALID_LINK);
    assertThat(merged.lint()).extracting(MediaWarning::code)
        .containsExactly(MediaWarning.Code.INVALID_LINK, MediaWarning.Code.ONLY_FIRST_RECORDING_PLAYS);
  }

  @Test
  void readmeSnippetRuns() {
    String taskAttributes = "{\"conversations\":{\"media\":[{\"conversation_sid\":\"" + CH + "\"},"
        + "{\"type\":\"Embedded\",\"url\":\"https://crm.example.com/t/1\"}]}}";
    String accountSid = AC;
    String recordingSid = RE;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    MediaLink call;
    try {
      // --- README "Reading what others wrote" ---
      MediaAttributes onTask = MediaAttributes.fromTaskAttributes(taskAttributes);
      for (MediaWarning w : onTask.lint()) {
        if (w.code() == MediaWarning.Code.INVALID_LINK) {
          System.out.println(w.path() + ": " + w.message());
        }
      }
      call = MediaLink.twilioRecording(accountSid, recordingSid)   // api.twilio.com/…/Recordings/RE…
          .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
          .build();
      // --- end ---
    } finally {
      System.setOut(stdout);
    }

    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("conversations.media[1]: ").contains("title").contains("[rule: required]");
    assertThat(call).isInstanceOf(MediaLink.VoiceRecording.class);
  }
}
