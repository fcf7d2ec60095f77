package io.github.flexmedia;

import static io.github.flexmedia.Cases.chance;
import static io.github.flexmedia.Cases.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input (seeded cases, see {@link Cases}): reading and merging either succeed or
 * throw MalformedAttributesException — never another exception — a successful merge loses no
 * foreign attribute, and a document whose media lists are arrays of objects is always read.
 */
class FuzzPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] KEYS = {"conversations", "media", "reservation_attributes", "type",
      "url", "title", "sid", "start_time", "channels", "url_provider", "conversation_sid",
      "WR0123456789abcdef0123456789abcdef", "x"};
  private static final String[] LINK_KEYS = {"type", "url", "title", "sid", "start_time", "channels",
      "url_provider", "conversation_sid", "x"};
  private static final String[] TYPES = {"Raw", "Embedded", "Referenced", "VoiceRecording",
      "ChatTranscript", "Other", ""};
  private static final String[] STRINGS = {"https://a.example.com/x", "http://a.example.com",
      "javascript:1", "CH0123456789abcdef0123456789abcdef", "customer", "others", "left", "",
      "2019-11-21T15:32:00Z", "t", "\u0007", "1574350320000", "https://a.example.com/a b"};

  private static JsonNode scalar(SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0: return NODES.textNode(oneOf(r, STRINGS));
      case 1: return NODES.textNode(oneOf(r, TYPES));
      case 2: return NODES.numberNode(r.nextLong());
      case 3: return NODES.numberNode(BigDecimal.valueOf(r.nextLong(), r.nextInt(-20, 20)));
      case 4: return NODES.booleanNode(r.nextBoolean());
      default: return NODES.nullNode();
    }
  }

  /** JSON whose keys are mostly the schema's own, so the reader's shape checks get exercised. */
  private static JsonNode node(SplittableRandom r, int depth) {
    int pick = depth == 0 ? 0 : r.nextInt(7);
    if (pick < 2) {
      return scalar(r);
    }
    if (pick < 5) {
      ObjectNode o = NODES.objectNode();
      for (int i = r.nextInt(5); i > 0; i--) {
        o.set(oneOf(r, KEYS), node(r, depth - 1));
      }
      return o;
    }
    ArrayNode a = NODES.arrayNode();
    for (int i = r.nextInt(4); i > 0; i--) {
      a.add(node(r, depth - 1));
    }
    return a;
  }

  static String document(SplittableRandom r) {
    int pick = r.nextInt(7);
    if (pick == 0) {
      return Cases.string(r, "{}[]\":,0123456789.eE-+ ntrufalsx\\u", 0, 40);
    }
    if (pick < 3) {
      return node(r, 4).toString();
    }
    return schemaLike(r).toString();
  }

  /** The schema's shape, with any part of it sometimes of the wrong kind. */
  private static JsonNode schemaLike(SplittableRandom r) {
    ObjectNode root = NODES.objectNode();
    root.set(oneOf(r, KEYS), node(r, 2));
    if (chance(r, 0.8)) {
      root.set("conversations", chance(r, 0.1) ? scalar(r) : NODES.objectNode()
          .set("media", chance(r, 0.1) ? node(r, 1) : list(r)));
    }
    if (chance(r, 0.5)) {
      ObjectNode ra = root.putObject("reservation_attributes");
      ra.set(chance(r, 0.8) ? "WR" + Cases.hex32(r) : oneOf(r, KEYS),
          chance(r, 0.1) ? scalar(r) : NODES.objectNode().set("media", list(r)));
    }
    return root;
  }

  private static ArrayNode list(SplittableRandom r) {
    ArrayNode a = NODES.arrayNode();
    for (int i = r.nextInt(4); i > 0; i--) {
      a.add(chance(r, 0.05) ? scalar(r) : entry(r));
    }
    return a;
  }

  /** A link-like object: the schema's keys with values of any kind, often almost right. */
  private static ObjectNode entry(SplittableRandom r) {
    ObjectNode o = NODES.objectNode();
    if (chance(r, 0.8)) {
      o.put("type", oneOf(r, TYPES));
    }
    for (int i = r.nextInt(5); i > 0; i--) {
      String key = oneOf(r, LINK_KEYS);
      o.set(key, chance(r, 0.7) ? scalar(r) : node(r, 1));
    }
    return o;
  }

  /** Well-formed documents whose media lists are arrays of objects, anything inside those. */
  private static String wellShapedDocument(SplittableRandom r) {
    ObjectNode root = NODES.objectNode();
    root.set("x", node(r, 2));
    ArrayNode task = root.putObject("conversations").putArray("media");
    for (int i = r.nextInt(5); i > 0; i--) {
      task.add(entry(r));
    }
    if (chance(r, 0.5)) {
      ArrayNode res = root.putObject("reservation_attributes")
          .putObject("WR" + Cases.hex32(r)).putArray("media");
      for (int i = r.nextInt(3); i > 0; i--) {
        res.add(entry(r));
      }
    }
    return root.toString();
  }

  @Test
  void readingSucceedsOrSaysMalformed() {
    Cases.forAll("read succeeds or says malformed", 1000, 100, r -> {
      String doc = document(r);
      try {
        MediaAttributes read = MediaAttributes.fromTaskAttributes(doc);
        assertThat(MediaAttributes.fromTaskAttributes(read.toJson())).isEqualTo(read);
        read.lint(); // never throws
        return !read.isEmpty();
      } catch (MalformedAttributesException expected) {
        assertThat(expected.path()).isNotBlank();
        return false;
      }
    });
  }

  @Test
  void aDocumentWhoseMediaListsAreArraysOfObjectsIsAlwaysRead() {
    Cases.forAll("tolerant reading", 1000, 500, r -> {
      String doc = wellShapedDocument(r);
      MediaAttributes read = MediaAttributes.fromTaskAttributes(doc);
      List<MediaWarning> warnings = read.lint();
      long unknown = read.taskMedia().stream().filter(l -> l instanceof MediaLink.Unknown).count();
      assertThat(warnings.stream().filter(w -> w.code() == MediaWarning.Code.INVALID_LINK)
          .filter(w -> w.path().startsWith("conversations.")).count()).isEqualTo(unknown);
      for (MergeMode mode : MergeMode.values()) {
        String merged = MediaAttributes.builder().media(MediaLink.chatTranscript(
            "CH0123456789abcdef0123456789abcdef")).build().mergeInto(doc, mode);
        // Every entry that did not read as one of our typed links is still there, unchanged.
        JsonNode before = TestJson.tree(doc).path("conversations").path("media");
        JsonNode after = TestJson.tree(merged).path("conversations").path("media");
        for (int i = 0; i < before.size(); i++) {
          if (read.taskMedia().get(i) instanceof MediaLink.Unknown) {
            assertThat(after).contains(before.get(i));
          }
        }
      }
      return unknown > 0;
    });
  }

  @Test
  void mergingSucceedsOrSaysMalformedAndLosesNothingForeign() {
    Cases.forAll("merge succeeds or says malformed", 1000, 150, r -> {
      String doc = document(r);
      MediaAttributes media = MediaPropertiesTest.media(r);
      MergeMode mode = oneOf(r, MergeMode.values());
      String merged;
      try {
        merged = media.mergeInto(doc, mode);
      } catch (MalformedAttributesException expected) {
        return false;
      }
      assertThat(foreignPart(merged)).isEqualTo(foreignPart(doc));
      return doc.contains("conversations");
    });
  }

  /** The document without what a merge may write: media lists and the containers made for them. */
  private static JsonNode foreignPart(String json) {
    JsonNode parsed = TestJson.tree(json == null || json.isBlank() ? "{}" : json);
    ObjectNode root = parsed.deepCopy();
    if (root.get("conversations") instanceof ObjectNode c) {
      c.remove("media");
      if (c.isEmpty()) {
        root.remove("conversations");
      }
    }
    if (root.get("reservation_attributes") instanceof ObjectNode ra) {
      for (Iterator<Map.Entry<String, JsonNode>> it = ra.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue() instanceof ObjectNode res) {
          res.remove("media");
          if (res.isEmpty()) {
            it.remove();
          }
        }
      }
      if (ra.isEmpty()) {
        root.remove("reservation_attributes");
      }
    }
    return root;
  }
}
