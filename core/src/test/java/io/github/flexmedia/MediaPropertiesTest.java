package io.github.flexmedia;

import static io.github.flexmedia.Cases.chance;
import static io.github.flexmedia.Cases.hex32;
import static io.github.flexmedia.Cases.oneOf;
import static io.github.flexmedia.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Round trip and merge preservation over generated links and foreign documents (seeded cases,
 * see {@link Cases}).
 */
class MediaPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  // --- links -------------------------------------------------------------------------------

  static String url(SplittableRandom r) {
    String host = oneOf(r, "a.example.com", "crm.example.org", "xn--bcher-kva.example", "10.0.0.1", "[::1]");
    String query = chance(r, 0.5) ? "" : "?q=" + Cases.string(r, ALPHA, 1, 10);
    return "https://" + host + "/" + Cases.string(r, ALNUM, 0, 30) + query;
  }

  static String title(SplittableRandom r) {
    String t;
    do {
      t = Cases.unicode(r, 1, 40);
    } while (t.isBlank() || t.chars().anyMatch(Character::isISOControl));
    return t;
  }

  /** No unpaired surrogates: the text survives a UTF-8 round trip. */
  static boolean isValidUnicode(String t) {
    return new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(t);
  }

  static MediaLink link(SplittableRandom r) {
    switch (r.nextInt(8)) {
      case 0: return MediaLink.raw(url(r), title(r));
      case 1: return MediaLink.embedded(url(r), title(r));
      case 2: return MediaLink.referenced(url(r), title(r));
      case 3: return recording(r);
      case 4: return MediaLink.chatTranscript("CH" + hex32(r));
      case 5: return MediaLink.flexConversation("CH" + hex32(r));
      case 6: return MediaLink.twilioRecording("AC" + hex32(r), "RE" + hex32(r)).build();
      default:
        String t = "Custom" + Cases.string(r, ALPHA, 1, 8);
        return new MediaLink.Unknown(t, "{\"type\":\"" + t + "\",\"n\":1.50}");
    }
  }

  private static MediaLink.VoiceRecording recording(SplittableRandom r) {
    String u = chance(r, 0.7) ? url(r) : null;
    String p = u == null || chance(r, 0.3) ? url(r) : null;
    var b = u != null ? MediaLink.voiceRecording(u) : MediaLink.voiceRecordingViaProvider(p);
    if (u != null && p != null) {
      b.urlProvider(p);
    }
    if (chance(r, 0.7)) {
      b.startTimeMillis(100_000_000_000L + r.nextLong(3_900_000_000_000L));
    }
    List<RecordingChannel> c = oneOf(r, List.of(), List.of(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS),
        List.of(RecordingChannel.OTHERS));
    return b.channels(c.toArray(RecordingChannel[]::new)).title(chance(r, 0.5) ? title(r) : null).build();
  }

  static MediaAttributes media(SplittableRandom r) {
    MediaAttributes.Builder b = MediaAttributes.builder();
    if (chance(r, 0.8)) {
      b.media(Cases.list(r, 4, MediaPropertiesTest::link));
    }
    int reservations = r.nextInt(4);
    for (int i = 0; i < reservations; i++) {
      b.reservationMedia("WR" + hex32(r), Cases.list(r, 4, MediaPropertiesTest::link));
    }
    return b.build();
  }

  // --- foreign documents -------------------------------------------------------------------

  private static JsonNode scalar(SplittableRandom r) {
    switch (r.nextInt(5)) {
      case 0: return NODES.textNode(Cases.unicode(r, 0, 12));
      case 1: return NODES.numberNode(
          new BigInteger(100, new java.util.Random(r.nextLong())).subtract(BigInteger.TWO.pow(99)));
      case 2: return NODES.numberNode(BigDecimal.valueOf(r.nextLong(-10_000_000_000L, 10_000_000_000L), 4));
      case 3: return NODES.booleanNode(r.nextBoolean());
      default: return NODES.nullNode();
    }
  }

  private static JsonNode value(SplittableRandom r, int depth) {
    int pick = depth == 0 ? 0 : r.nextInt(5);
    if (pick < 3) {
      return scalar(r);
    }
    if (pick == 3) {
      ObjectNode o = NODES.objectNode();
      for (int i = r.nextInt(4); i > 0; i--) {
        o.set(Cases.string(r, ALPHA, 1, 6), value(r, depth - 1));
      }
      return o;
    }
    ArrayNode a = NODES.arrayNode();
    for (int i = r.nextInt(4); i > 0; i--) {
      a.add(value(r, depth - 1));
    }
    return a;
  }

  /**
   * An entry another writer left: Flex's own transcript, or a link that breaks one of our rules.
   * All must survive every merge untouched.
   */
  static ObjectNode foreignEntry(SplittableRandom r) {
    String json;
    switch (r.nextInt(7)) {
      case 0: json = "{\"conversation_sid\":\"CH" + hex32(r) + "\"}"; break;
      case 1: json = "{\"type\":\"VoiceRecording\",\"url\":\"https://r.example.com/" + hex32(r)
          + "\",\"start_time\":" + (1_500_000_000L + r.nextInt(100_000_000)) + "}"; break;
      case 2: json = "{\"type\":\"Embedded\",\"url\":\"https://e.example.com/" + hex32(r) + "\"}"; break;
      case 3: json = "{\"type\":\"ChatTranscript\",\"sid\":\"CH" + hex32(r).substring(4) + "\"}"; break;
      case 4: json = "{\"type\":\"VoiceRecording\",\"url\":\"https://r.example.com/a\",\"channels\":[\"agent\",\""
          + hex32(r) + "\"]}"; break;
      case 5: json = "{\"type\":\"Referenced\",\"url\":\"https://r.example.com/a b/" + hex32(r)
          + "\",\"title\":\"t\"}"; break;
      default: json = "{\"note\":\"" + hex32(r) + "\",\"n\":1.10}"; break;
    }
    return (ObjectNode) tree(json);
  }

  /** A document with foreign data everywhere, and sometimes another writer's media entries. */
  static ObjectNode foreignDocument(SplittableRandom r) {
    ObjectNode root = NODES.objectNode();
    for (int i = r.nextInt(7); i > 0; i--) {
      String k = Cases.string(r, ALPHA, 1, 8);
      if (!k.equals("conversations") && !k.equals("reservation_attributes")) {
        root.set(k, value(r, 2));
      }
    }
    if (chance(r, 0.7)) {
      ObjectNode c = root.putObject("conversations");
      for (int i = r.nextInt(4); i > 0; i--) {
        String k = Cases.string(r, ALPHA, 1, 8);
        if (!k.equals("media")) {
          c.set(k, value(r, 1));
        }
      }
      if (chance(r, 0.6)) {
        ArrayNode media = c.putArray("media");
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          media.add(foreignEntry(r));
        }
      }
    }
    return root;
  }

  private static JsonNode withoutMedia(String json) {
    ObjectNode root = (ObjectNode) tree(json);
    if (root.get("conversations") instanceof ObjectNode c) {
      c.remove("media");
      if (c.isEmpty()) {
        root.remove("conversations");
      }
    }
    root.remove("reservation_attributes");
    return root;
  }

  private static List<JsonNode> taskEntries(String json) {
    List<JsonNode> out = new ArrayList<>();
    tree(json).path("conversations").path("media").forEach(out::add);
    return out;
  }

  // --- properties --------------------------------------------------------------------------

  @Test
  void readingWhatWasWrittenGivesTheSameMedia() {
    Cases.forAll("read(write(media)) == media", 300, 200, r -> {
      MediaAttributes media = media(r);
      assertThat(MediaAttributes.fromTaskAttributes(media.toJson())).isEqualTo(media);
      return media.taskMedia().size() + media.reservationMedia().size() > 1;
    });
  }

  @Test
  void plainObjectMapperRoundTripsEveryTypedLink() {
    Cases.forAll("plain ObjectMapper round trip", 300, 150, r -> {
      MediaLink link = link(r);
      if (link instanceof MediaLink.Unknown || link instanceof MediaLink.FlexConversation) {
        // Neither has a type the mapper could choose a record by; both write their own JSON.
        assertThat(tree(TestJson.EXACT.writeValueAsString(link)))
            .isEqualTo(tree(MediaAttributes.builder().media(link).build().toJson())
                .path("conversations").path("media").get(0));
        return false;
      }
      String json = TestJson.EXACT.writeValueAsString(link);
      assertThat(TestJson.EXACT.readValue(json, MediaLink.class)).isEqualTo(link);
      return true;
    });
  }

  @Test
  void appendKeepsEveryForeignAttributeAndEntryAndAddsEveryLink() {
    Cases.forAll("APPEND keeps foreign data", 300, 60, r -> {
      String foreign = foreignDocument(r).toString();
      MediaAttributes media = media(r);
      String merged = media.mergeInto(foreign, MergeMode.APPEND);

      assertThat(withoutMedia(merged)).isEqualTo(withoutMedia(foreign));
      List<JsonNode> before = taskEntries(foreign);
      assertThat(taskEntries(merged).subList(0, before.size())).isEqualTo(before);
      MediaAttributes read = MediaAttributes.fromTaskAttributes(merged);
      assertThat(read.taskMedia()).containsAll(media.taskMedia());
      media.reservationMedia().forEach((sid, links) -> assertThat(read.reservationMedia().get(sid)).containsAll(links));
      assertThat(media.mergeInto(merged, MergeMode.APPEND)).isEqualTo(merged);
      return !before.isEmpty() && !media.taskMedia().isEmpty();
    });
  }

  @Test
  void replaceKeepsEveryForeignAttributeAndEntryAndWritesExactlyTheNamedLists() {
    Cases.forAll("REPLACE keeps foreign data", 300, 60, r -> {
      String foreign = foreignDocument(r).toString();
      MediaAttributes media = media(r);
      String merged = media.mergeInto(foreign, MergeMode.REPLACE);

      assertThat(withoutMedia(merged)).isEqualTo(withoutMedia(foreign));
      List<JsonNode> before = taskEntries(foreign);
      List<JsonNode> after = taskEntries(merged);
      MediaAttributes read = MediaAttributes.fromTaskAttributes(merged);
      if (media.hasTaskMedia()) {
        // Every entry another writer left is kept, after the new links, byte for value.
        int added = media.taskMedia().size();
        assertThat(after.subList(added, after.size())).isEqualTo(before);
        assertThat(read.taskMedia().subList(0, added)).containsExactlyElementsOf(media.taskMedia());
      } else {
        assertThat(after).isEqualTo(before);
      }
      assertThat(read.reservationMedia()).isEqualTo(media.reservationMedia());
      return media.hasTaskMedia() && !before.isEmpty();
    });
  }
}
