package io.github.flexmedia;

import static io.github.flexmedia.Fixtures.WR_1;
import static io.github.flexmedia.Fixtures.WR_2;
import static io.github.flexmedia.TestJson.goldenTree;
import static io.github.flexmedia.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaAttributesTest {

  static MediaAttributes threeLinks() {
    return MediaAttributes.builder()
        .media(Fixtures.embedded(), Fixtures.chat(), Fixtures.recording())
        .build();
  }

  static MediaAttributes taskAndReservations() {
    return MediaAttributes.builder()
        .media(Fixtures.referenced())
        .reservationMedia(WR_1, MediaLink.embedded("https://crm.example.com/agent/1", "First agent's notes"))
        .reservationMedia(WR_2, MediaLink.referenced("https://crm.example.com/agent/2", "Second agent's notes"))
        .reservationMedia(WR_2, Fixtures.chat())
        .build();
  }

  @Test
  void threeLinkListWritesTheGoldenDocument() {
    assertThat(tree(threeLinks().toJson())).isEqualTo(goldenTree("three-link-task.json"));
  }

  @Test
  void taskAndReservationLevelsWriteTheGoldenDocument() {
    assertThat(tree(taskAndReservations().toJson()))
        .isEqualTo(goldenTree("task-and-reservations.json"));
  }

  @Test
  void toJsonIsMinified() {
    String json = taskAndReservations().toJson();
    assertThat(json).doesNotContain("\n").doesNotContain("\": ").doesNotContain(", ");
  }

  @Test
  void emptyWritesAnEmptyObject() {
    assertThat(MediaAttributes.empty().toJson()).isEqualTo("{}");
    assertThat(MediaAttributes.builder().build()).isEqualTo(MediaAttributes.empty());
    assertThat(MediaAttributes.empty().isEmpty()).isTrue();
  }

  @Test
  void namedEmptyTaskListIsWrittenAndDiffersFromEmpty() {
    MediaAttributes cleared = MediaAttributes.builder().media().build();
    assertThat(tree(cleared.toJson())).isEqualTo(tree("{\"conversations\":{\"media\":[]}}"));
    assertThat(cleared).isNotEqualTo(MediaAttributes.empty());
    assertThat(cleared.hasTaskMedia()).isTrue();
  }

  @Test
  void readsBothLevelsBackFromTheGoldenDocuments() {
    assertThat(MediaAttributes.fromTaskAttributes(TestJson.golden("three-link-task.json")))
        .isEqualTo(threeLinks());
    assertThat(MediaAttributes.fromTaskAttributes(TestJson.golden("task-and-reservations.json")))
        .isEqualTo(taskAndReservations());
  }

  @Test
  void roundTripsThroughToJson() {
    for (MediaAttributes m : List.of(threeLinks(), taskAndReservations(), MediaAttributes.empty())) {
      assertThat(MediaAttributes.fromTaskAttributes(m.toJson())).isEqualTo(m);
    }
  }

  @Test
  void readsMediaOutOfAFullForeignDocument() {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(TestJson.golden("foreign-attributes.json"));
    assertThat(read.taskMedia())
        .containsExactly(MediaLink.referenced("https://ivr.example.com/menu/9", "IVR path"));
    assertThat(read.reservationMedia()).isEmpty();
  }

  @Test
  void nullBlankAndEmptyObjectAreEmptyDocuments() {
    assertThat(MediaAttributes.fromTaskAttributes(null)).isEqualTo(MediaAttributes.empty());
    assertThat(MediaAttributes.fromTaskAttributes(" ")).isEqualTo(MediaAttributes.empty());
    assertThat(MediaAttributes.fromTaskAttributes("{}")).isEqualTo(MediaAttributes.empty());
  }

  @Test
  void unknownLinkTypesAreReadAsUnknownAndRoundTrip() {
    String doc =
        "{\"conversations\":{\"media\":[{\"type\":\"VideoRecording\",\"url\":\"https://v.example.com/1\"},"
            + "{\"type\":\"ChatTranscript\",\"sid\":\"" + Fixtures.CHAT_SID + "\"}]}}";

    MediaAttributes read = MediaAttributes.fromTaskAttributes(doc);

    assertThat(read.taskMedia()).hasSize(2);
    assertThat(read.taskMedia().get(0)).isInstanceOf(MediaLink.Unknown.class);
    assertThat(read.taskMedia().get(0).typeName()).isEqualTo("VideoRecording");
    assertThat(tree(read.toJson())).isEqualTo(tree(doc));
    assertThat(read.toBuilder().build()).isEqualTo(read);
  }

  @Test
  void reservationEntriesWithoutMediaAreSomeoneElsesAndIgnored() {
    String doc =
        "{\"reservation_attributes\":{\"" + WR_1 + "\":{\"wrapup\":\"done\"},\"note\":\"x\"}}";
    assertThat(MediaAttributes.fromTaskAttributes(doc)).isEqualTo(MediaAttributes.empty());
  }

  @Test
  void keepsInsertionOrderOfReservationsAndLinks() {
    MediaAttributes m =
        MediaAttributes.builder()
            .reservationMedia(WR_2, Fixtures.chat())
            .reservationMedia(WR_1, Fixtures.referenced(), Fixtures.embedded())
            .build();
    assertThat(m.reservationMedia().keySet()).containsExactly(WR_2, WR_1);
    assertThat(m.reservationMedia().get(WR_1)).containsExactly(Fixtures.referenced(), Fixtures.embedded());

    MediaAttributes swapped =
        MediaAttributes.builder()
            .reservationMedia(WR_1, Fixtures.referenced(), Fixtures.embedded())
            .reservationMedia(WR_2, Fixtures.chat())
            .build();
    assertThat(m).isNotEqualTo(swapped);
  }

  @Test
  void isImmutable() {
    MediaAttributes m = threeLinks();
    assertThatThrownBy(() -> m.taskMedia().add(Fixtures.chat()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> taskAndReservations().reservationMedia().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> taskAndReservations().reservationMedia().get(WR_2).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalsAndHashCodeByValue() {
    assertThat(threeLinks()).isEqualTo(threeLinks()).hasSameHashCodeAs(threeLinks());
    assertThat(threeLinks()).isNotEqualTo(taskAndReservations());
    assertThat(threeLinks()).isNotEqualTo("not media");
  }

  @Test
  void toBuilderEditsWithoutTouchingTheOriginal() {
    MediaAttributes original = threeLinks();
    MediaAttributes edited = original.toBuilder().media(Fixtures.raw()).reservationMedia(WR_1, Fixtures.chat()).build();

    assertThat(original.taskMedia()).hasSize(3);
    assertThat(edited.taskMedia()).hasSize(4).endsWith(Fixtures.raw());
    assertThat(edited.reservationMedia()).containsOnlyKeys(WR_1);
    assertThat(original.toBuilder().build()).isEqualTo(original);
  }

  @Test
  void builderAcceptsCollections() {
    MediaAttributes m =
        MediaAttributes.builder()
            .media(List.of(Fixtures.embedded(), Fixtures.chat()))
            .reservationMedia(WR_1, List.of(Fixtures.referenced()))
            .build();
    assertThat(m.taskMedia()).containsExactly(Fixtures.embedded(), Fixtures.chat());
  }

  @Test
  void toStringShowsTypesAndHostsButNoPathsOrTitles() {
    MediaAttributes m =
        MediaAttributes.builder()
            .media(
                MediaLink.embedded("https://crm.example.com/patients/PHI-123?token=s3cr3t", "Jane Doe chart"),
                MediaLink.voiceRecordingViaProvider("https://p.example.com:8443/r?id=PHI-123")
                    .url("https://r.example.com/PHI-123.wav")
                    .title("Jane Doe call")
                    .startTimeMillis(1574350320000L)
                    .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
                    .build(),
                Fixtures.chat())
            .reservationMedia(WR_1, MediaLink.raw("https://crm.example.com", "Jane"))
            .build();

    String s = m.toString();

    assertThat(s)
        .containsPattern("Embedded\\[url=https://crm\\.example\\.com/…‹[0-9a-f]{6}›, title=‹[0-9a-f]{6}›]")
        .containsPattern("url_provider=https://p\\.example\\.com:8443/…‹[0-9a-f]{6}›")
        .contains("channels=[customer, others]")
        .containsPattern("Raw\\[url=https://crm\\.example\\.com, title=‹[0-9a-f]{6}›]")
        .contains(Fixtures.CHAT_SID)
        .contains(WR_1)
        .doesNotContain("PHI-123")
        .doesNotContain("s3cr3t")
        .doesNotContain("Jane");
  }

  @Test
  void toStringTellsApartLinksThatDifferOnlyInWhatItHides() {
    MediaLink a = MediaLink.embedded("https://crm.example.com/patients/1", "Chart");
    MediaLink b = MediaLink.embedded("https://crm.example.com/patients/2", "Chart");
    MediaLink c = MediaLink.embedded("https://crm.example.com/patients/1", "Chart 2");

    assertThat(a.toString()).isNotEqualTo(b.toString()).isNotEqualTo(c.toString());
    assertThat(a.toString()).isEqualTo(MediaLink.embedded("https://crm.example.com/patients/1", "Chart").toString());
  }

  @Test
  void malformedDocumentsNameThePath() {
    assertMalformed("[]", "$");
    assertMalformed("\"text\"", "$");
    assertMalformed("{not json", "$");
    assertMalformed("{\"a\":1} {\"b\":2}", "$");
    assertMalformed("{\"a\":1,\"a\":2}", "$");
    assertMalformed("{\"conversations\":[]}", "conversations");
    assertMalformed("{\"conversations\":null}", "conversations");
    assertMalformed("{\"conversations\":{\"media\":{}}}", "conversations.media");
    assertMalformed("{\"conversations\":{\"media\":[\"https://x\"]}}", "conversations.media[0]");
    assertMalformed("{\"conversations\":{\"media\":[[]]}}", "conversations.media[0]");
    assertMalformed("{\"reservation_attributes\":[]}", "reservation_attributes");
    assertMalformed("{\"reservation_attributes\":{\"" + WR_1 + "\":{\"media\":7}}}",
        "reservation_attributes." + WR_1 + ".media");
  }

  @Test
  void entriesOthersWroteAgainstTheRulesAreKeptAsUnknownAndLintedWithPathAndRule() {
    String[][] cases = {
      {"{\"url\":\"https://x.example.com\"}", "type-required"},
      {"{\"type\":7}", "type-string"},
      {"{\"type\":\"Raw\",\"url\":\"https://x.example.com/PHI-1\"}", "required"},
      {"{\"type\":\"ChatTranscript\",\"sid\":\"CH1\"}", "sid-format"},
      {"{\"type\":\"VoiceRecording\",\"url\":\"https://x.example.com\",\"channels\":[\"left\"]}", "channel-name"},
      {"{\"type\":\"VoiceRecording\",\"url\":\"https://x.example.com\",\"start_time\":1574350320}", "epoch-millis"},
      {"{\"type\":\"Embedded\",\"url\":\"javascript:PHI-CANARY\",\"title\":\"PHI-CANARY\"}", "web-scheme"},
      {"{\"type\":\"Referenced\",\"url\":\"https://x.example.com/PHI CANARY\",\"title\":\"t\"}", "no-whitespace"},
      {"{\"type\":\"Image\",\"url\":\"https://x.example.com/i.png\"}", "known-type"},
    };
    for (String[] c : cases) {
      String doc = "{\"conversations\":{\"media\":[" + c[0] + "]}}";
      MediaAttributes read = MediaAttributes.fromTaskAttributes(doc);

      assertThat(read.taskMedia()).as(c[0]).singleElement().isInstanceOf(MediaLink.Unknown.class);
      assertThat(TestJson.tree(((MediaLink.Unknown) read.taskMedia().get(0)).json())).isEqualTo(TestJson.tree(c[0]));
      MediaWarning w = read.lint().stream().filter(x -> x.code() == MediaWarning.Code.INVALID_LINK)
          .findFirst().orElseThrow();
      assertThat(w.path()).isEqualTo("conversations.media[0]");
      assertThat(w.message()).as(c[0]).contains("[rule: " + c[1] + "]").doesNotContain("PHI");
      assertThat(read.toString()).doesNotContain("PHI");
    }
  }

  @Test
  void aMediaListUnderAKeyThatIsNotAReservationSidIsNotFlexsAndIsSkipped() {
    assertThat(MediaAttributes.fromTaskAttributes("{\"reservation_attributes\":{\"agent-1\":{\"media\":[7]}}}"))
        .isEqualTo(MediaAttributes.empty());
  }

  @Test
  void malformedMessagesNeverRepeatDocumentValues() {
    MalformedAttributesException syntax = assertMalformed("{\"PHI-CANARY\": PHI-CANARY}", "$");
    assertThat(syntax.getMessage()).doesNotContain("PHI-CANARY").contains("line 1");
    MalformedAttributesException dup = assertMalformed("{\"PHI-CANARY\":1,\"PHI-CANARY\":2}", "$");
    assertThat(dup.getMessage()).doesNotContain("PHI-CANARY").contains("duplicate key");
  }

  @Test
  void readingAdmitsHttpLinksOthersWroteSoNothingIsLost() {
    MediaAttributes read =
        MediaAttributes.fromTaskAttributes(
            "{\"conversations\":{\"media\":[{\"type\":\"Referenced\",\"url\":\"http://lab.example.com/x\",\"title\":\"Lab\"}]}}");
    assertThat(read.taskMedia()).hasSize(1);
  }

  static MalformedAttributesException assertMalformed(String doc, String path) {
    MalformedAttributesException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            MalformedAttributesException.class, () -> MediaAttributes.fromTaskAttributes(doc));
    assertThat(e).as("malformed: %s", doc).isNotNull();
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.getMessage()).contains(path);
    return e;
  }
}
