package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents real Flex deployments hold (src/test/resources/real-world): Flex Conversations'
 * untyped transcript entry, Studio's ISO start times, plugins' recordings, url_provider beside
 * Insights attributes, and links other systems wrote wrong. Each file names where its shape comes
 * from, then the warning codes Flex's display rules give it (worked out by hand from the rules,
 * not by running the linter), then the document.
 *
 * <p>For each: it reads, lints to its codes, and APPEND and REPLACE change no foreign byte. The
 * expected documents are built from the original text with an independent mapper, and compared as
 * exact strings, so key order and number forms count.
 */
class RealWorldDocumentsTest {
  private static final String TICKET_JSON =
      "{\"type\":\"Referenced\",\"url\":\"https://tickets.example.com/t/1\",\"title\":\"Ticket 1\"}";
  private static final MediaLink TICKET = MediaLink.referenced("https://tickets.example.com/t/1", "Ticket 1");

  record Doc(String name, String source, List<MediaWarning.Code> expected, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Doc> documents() throws IOException, URISyntaxException {
    Path dir = Path.of(RealWorldDocumentsTest.class.getResource("/real-world").toURI());
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().collect(Collectors.toList())) {
        String[] lines = Files.readString(p, StandardCharsets.UTF_8).split("\n", 3);
        assertThat(lines[0]).as(p.toString()).startsWith("source: ");
        assertThat(lines[1]).as(p.toString()).startsWith("expect:");
        String codes = lines[1].substring("expect:".length()).trim();
        List<MediaWarning.Code> expected = codes.isEmpty() ? List.of()
            : Arrays.stream(codes.split(",")).map(String::trim).map(MediaWarning.Code::valueOf)
                .collect(Collectors.toList());
        docs.add(new Doc(p.getFileName().toString(), lines[0].substring(8), expected, lines[2]));
      }
    }
    return docs.stream();
  }

  @Test
  void theCorpusHoldsAtLeastTwelveDocumentsEachNamingItsSource() throws Exception {
    List<Doc> docs = documents().collect(Collectors.toList());
    assertThat(docs).hasSizeGreaterThanOrEqualTo(12);
    assertThat(docs).allSatisfy(d -> assertThat(d.source()).matches(".*(twilio\\.com/docs|github\\.com/|issue #12|DESIGN\\.md).*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void readsAndLintsToItsGoldenCodes(Doc doc) {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(doc.json());

    assertThat(read.lint()).extracting(MediaWarning::code).containsExactlyInAnyOrderElementsOf(doc.expected());
    assertThat(read.lint()).allSatisfy(w -> assertThat(w.message()).doesNotContain("example.com"));
    // What was read is what is there: typed links write back to the same values.
    assertThat(MediaAttributes.fromTaskAttributes(read.toJson())).isEqualTo(read);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void appendChangesNoForeignByteAndOnlyAddsTheNewLink(Doc doc) {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(doc.json());
    MediaAttributes media = withTicketEverywhere(read);

    String merged = media.mergeInto(doc.json(), MergeMode.APPEND);

    ObjectNode expected = (ObjectNode) TestJson.tree(doc.json());
    forEachList(expected, (path, list) -> list.add(TestJson.tree(TICKET_JSON)));
    assertThat(merged).isEqualTo(write(expected));
    assertThat(media.mergeInto(merged, MergeMode.APPEND)).as("re-running is a no-op").isEqualTo(merged);
    if (doc.json().contains("conversation_sid")) {
      assertThat(MediaAttributes.fromTaskAttributes(merged).lint())
          .extracting(MediaWarning::code).doesNotContain(MediaWarning.Code.DEFAULT_MEDIA_REPLACED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void replaceChangesNoForeignByteAndKeepsFlexAndOtherWritersEntries(Doc doc) {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(doc.json());
    MediaAttributes replacing = withTicketEverywhere(read);

    String merged = replacing.mergeInto(doc.json(), MergeMode.REPLACE);

    ObjectNode expected = (ObjectNode) TestJson.tree(doc.json());
    forEachList(expected, (path, list) -> {
      List<MediaLink> links = path.equals("conversations.media")
          ? read.taskMedia() : read.reservationMedia().get(path.split("\\.")[1]);
      List<JsonNode> kept = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (links.get(i) instanceof MediaLink.FlexConversation || links.get(i) instanceof MediaLink.Unknown) {
          kept.add(list.get(i));
        }
      }
      list.removeAll();
      list.add(TestJson.tree(TICKET_JSON));
      list.addAll(kept);
    });
    assertThat(merged).isEqualTo(write(expected));
    assertThat(replacing.mergeInto(merged, MergeMode.APPEND)).isEqualTo(merged);
    if (doc.json().contains("conversation_sid")) {
      assertThat(merged).contains("{\"conversation_sid\":");
      assertThat(MediaAttributes.fromTaskAttributes(merged).lint())
          .extracting(MediaWarning::code).doesNotContain(MediaWarning.Code.DEFAULT_MEDIA_REPLACED);
    }
  }

  /** The ticket on the task list and on every reservation list the document already has. */
  private static MediaAttributes withTicketEverywhere(MediaAttributes read) {
    MediaAttributes.Builder b = MediaAttributes.builder().media(TICKET);
    read.reservationMedia().keySet().forEach(sid -> b.reservationMedia(sid, TICKET));
    return b.build();
  }

  private static void forEachList(ObjectNode root, java.util.function.BiConsumer<String, ArrayNode> action) {
    if (root.path("conversations").path("media") instanceof ArrayNode a) {
      action.accept("conversations.media", a);
    }
    if (root.get("reservation_attributes") instanceof ObjectNode ra) {
      for (Map.Entry<String, JsonNode> e : ra.properties()) {
        if (e.getValue().path("media") instanceof ArrayNode a) {
          action.accept("reservation_attributes." + e.getKey() + ".media", a);
        }
      }
    }
  }

  private static String write(JsonNode node) {
    try {
      return TestJson.EXACT.writeValueAsString(node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
