package io.github.flexmedia;

import static io.github.flexmedia.Fixtures.WR_1;
import static io.github.flexmedia.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTest {
  private static final String FOREIGN = TestJson.golden("foreign-attributes.json");
  private static final MediaLink IVR = MediaLink.referenced("https://ivr.example.com/menu/9", "IVR path");

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(keys::add);
    return keys;
  }

  /** The document without the media lists this library owns. */
  private static JsonNode withoutMedia(String json) {
    ObjectNode root = (ObjectNode) tree(json);
    if (root.get("conversations") instanceof ObjectNode c) {
      c.remove("media");
    }
    root.remove("reservation_attributes");
    return root;
  }

  @Test
  void appendAddsAfterExistingLinks() {
    String merged = MediaAttributesTest.threeLinks().mergeInto(FOREIGN, MergeMode.APPEND);

    assertThat(MediaAttributes.fromTaskAttributes(merged).taskMedia())
        .containsExactly(IVR, Fixtures.embedded(), Fixtures.chat(), Fixtures.recording());
  }

  @Test
  void appendTwiceChangesNothingTheSecondTime() {
    MediaAttributes media = MediaAttributesTest.taskAndReservations();
    String once = media.mergeInto(FOREIGN, MergeMode.APPEND);
    String twice = media.mergeInto(once, MergeMode.APPEND);

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void appendRecognisesAnEqualLinkWrittenInAnotherForm() {
    String existing =
        "{\"conversations\":{\"media\":[{\"title\":\"x\",\"type\":\"VoiceRecording\","
            + "\"url\":\"https://recordings.example.com/RE0123456789abcdef0123456789abcdef.wav\","
            + "\"start_time\":\"2019-11-21T15:32:00Z\",\"channels\":[\"customer\",\"others\"]}]}}";
    MediaLink sameButTitled = Fixtures.recording().toBuilder().title("x").build();

    String merged = MediaAttributes.builder().media(sameButTitled).build().mergeInto(existing, MergeMode.APPEND);

    assertThat(tree(merged)).isEqualTo(tree(existing));
  }

  @Test
  void appendSkipsDuplicatesWithinTheNewList() {
    String merged =
        MediaAttributes.builder().media(Fixtures.chat(), Fixtures.chat()).build().mergeInto("{}", MergeMode.APPEND);
    assertThat(tree(merged).at("/conversations/media").size()).isEqualTo(1);
  }

  @Test
  void replaceReplacesOnlyTheNamedLists() {
    String existing = MediaAttributesTest.taskAndReservations().mergeInto(FOREIGN, MergeMode.APPEND);
    MediaAttributes onlyTask = MediaAttributes.builder().media(Fixtures.chat()).build();

    MediaAttributes after = MediaAttributes.fromTaskAttributes(onlyTask.mergeInto(existing, MergeMode.REPLACE));

    assertThat(after.taskMedia()).containsExactly(Fixtures.chat());
    assertThat(after.reservationMedia())
        .isEqualTo(MediaAttributes.fromTaskAttributes(existing).reservationMedia());
  }

  @Test
  void replaceWithANamedEmptyListClearsIt() {
    String merged = MediaAttributes.builder().media().build().mergeInto(FOREIGN, MergeMode.REPLACE);
    assertThat(tree(merged).at("/conversations/media").size()).isZero();
    assertThat(withoutMedia(merged)).isEqualTo(withoutMedia(FOREIGN));
  }

  @Test
  void emptyMediaMergeRewritesTheDocumentByValue() {
    String merged = MediaAttributes.empty().mergeInto(FOREIGN, MergeMode.APPEND);
    assertThat(tree(merged)).isEqualTo(tree(FOREIGN));
  }

  @Test
  void foreignAttributesSurviveByValue() {
    String merged = MediaAttributesTest.taskAndReservations().mergeInto(FOREIGN, MergeMode.APPEND);

    assertThat(withoutMedia(merged)).isEqualTo(withoutMedia(FOREIGN));
    JsonNode root = tree(merged);
    assertThat(keys(root)).containsExactly(
        "type", "name", "from", "customers", "skills", "conversations", "escaped", "empty", "nothing", "flag",
        "reservation_attributes");
    assertThat(keys(root.get("conversations")))
        .containsExactly("conversation_id", "abandoned", "queue_time", "media");
    // Exactness, compared on the text: trees would hide a reformatted number.
    assertThat(merged)
        .contains("123456789012345678901234567890")
        .contains("\"balance\":1.10")
        .contains("\"score\":1E+400")
        .contains("Zoë Ångström 李")
        .contains("😀")
        .contains("\"nothing\":null")
        .doesNotContain("Infinity");
    assertThat(root.at("/customers/tiny").decimalValue())
        .isEqualByComparingTo("-0.000000000000000000000000000001");
  }

  @Test
  void mergeIsMinified() {
    String merged = MediaAttributesTest.threeLinks().mergeInto(FOREIGN, MergeMode.APPEND);
    assertThat(merged).doesNotContain("\n").doesNotContain("\": ");
  }

  @Test
  void mergeIntoNullBlankOrEmptyCreatesTheStructure() {
    MediaAttributes media = MediaAttributesTest.taskAndReservations();
    for (String empty : new String[] {null, "", "  ", "{}"}) {
      assertThat(tree(media.mergeInto(empty, MergeMode.APPEND))).isEqualTo(tree(media.toJson()));
    }
  }

  @Test
  void reservationMediaIsMergedIntoExistingReservationObjects() {
    String existing = "{\"reservation_attributes\":{\"" + WR_1 + "\":{\"wrapup\":\"done\"}}}";
    String merged =
        MediaAttributes.builder().reservationMedia(WR_1, Fixtures.chat()).build().mergeInto(existing, MergeMode.APPEND);

    assertThat(tree(merged))
        .isEqualTo(tree("{\"reservation_attributes\":{\"" + WR_1 + "\":{\"wrapup\":\"done\",\"media\":["
            + "{\"type\":\"ChatTranscript\",\"sid\":\"" + Fixtures.CHAT_SID + "\"}]}}}"));
  }

  @Test
  void unknownLinksAreNeverDroppedByAppendOrReplace() {
    String unknown = "{\"type\":\"VideoRecording\",\"url\":\"https://v.example.com/1\",\"fps\":30}";
    String existing = "{\"conversations\":{\"media\":[" + unknown + "," + "{\"type\":\"ChatTranscript\",\"sid\":\"" + Fixtures.CHAT_SID + "\"}]}}";
    MediaAttributes embedded = MediaAttributes.builder().media(Fixtures.embedded()).build();

    JsonNode appended = tree(embedded.mergeInto(existing, MergeMode.APPEND)).at("/conversations/media");
    JsonNode replaced = tree(embedded.mergeInto(existing, MergeMode.REPLACE)).at("/conversations/media");

    assertThat(appended).hasSize(3);
    assertThat(appended.get(0)).isEqualTo(tree(unknown));
    assertThat(replaced).hasSize(2);
    assertThat(replaced.get(0).get("type").asText()).isEqualTo("Embedded");
    assertThat(replaced.get(1)).isEqualTo(tree(unknown));
  }

  @Test
  void linksThatBreakOurRulesButAreOthersAreKeptUntouchedOnAppend() {
    String odd = "{\"type\":\"Raw\",\"url\":\"https://x.example.com\"}"; // no title
    String existing = "{\"conversations\":{\"media\":[" + odd + "]}}";

    JsonNode media = tree(MediaAttributesTest.threeLinks().mergeInto(existing, MergeMode.APPEND)).at("/conversations/media");

    assertThat(media).hasSize(4);
    assertThat(media.get(0)).isEqualTo(tree(odd));
  }

  @Test
  void malformedDocumentsAreRefusedByMerge() {
    MediaAttributes media = MediaAttributesTest.taskAndReservations();
    assertThatThrownBy(() -> media.mergeInto("[1]", MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("$");
    assertThatThrownBy(() -> media.mergeInto("{\"conversations\":\"x\"}", MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("conversations");
    assertThatThrownBy(() -> media.mergeInto("{\"conversations\":{\"media\":\"x\"}}", MergeMode.REPLACE))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("conversations.media");
    assertThatThrownBy(() -> media.mergeInto("{\"conversations\":{\"media\":[3]}}", MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("conversations.media[0]");
    assertThatThrownBy(() -> media.mergeInto("{\"reservation_attributes\":{\"" + WR_1 + "\":[]}}", MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("reservation_attributes." + WR_1);
  }

  @Test
  void parserLimitsMakeHostileDocumentsMalformed() {
    MediaAttributes media = MediaAttributesTest.threeLinks();
    String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    String longNumber = "{\"n\":" + "9".repeat(10_000) + "}";

    assertThatThrownBy(() -> media.mergeInto(deep, MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("limits");
    assertThatThrownBy(() -> media.mergeInto(longNumber, MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("limits");
  }

  @Test
  void mergeModeIsRequired() {
    assertThatThrownBy(() -> MediaAttributes.empty().mergeInto("{}", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mode");
  }
}
