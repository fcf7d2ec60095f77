package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Generated hostile input: reading and merging either succeed or throw
 * MalformedAttributesException — never another exception — and a successful merge loses no
 * foreign attribute.
 */
class FuzzProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] KEYS = {"conversations", "media", "reservation_attributes", "type",
      "url", "title", "sid", "start_time", "channels", "url_provider",
      "WR0123456789abcdef0123456789abcdef", "x"};
  private static final String[] TYPES = {"Raw", "Embedded", "Referenced", "VoiceRecording",
      "ChatTranscript", "Other", ""};
  private static final String[] STRINGS = {"https://a.example.com/x", "http://a.example.com",
      "javascript:1", "CH0123456789abcdef0123456789abcdef", "customer", "others", "left", "",
      "2019-11-21T15:32:00Z", "t", "\u0007", "1574350320000"};

  private static Arbitrary<JsonNode> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.of(STRINGS).map(NODES::textNode),
        Arbitraries.of(TYPES).map(NODES::textNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e20"), new BigDecimal("1e20")).map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
  }

  /** JSON whose keys are mostly the schema's own, so the reader's shape checks get exercised. */
  private static Arbitrary<JsonNode> node(int depth) {
    if (depth == 0) {
      return scalar();
    }
    Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.of(KEYS), node(depth - 1)).ofMaxSize(4)
        .map(m -> {
          ObjectNode o = NODES.objectNode();
          m.forEach(o::set);
          return o;
        });
    Arbitrary<JsonNode> array = node(depth - 1).list().ofMaxSize(3).map(l -> {
      ArrayNode a = NODES.arrayNode();
      l.forEach(a::add);
      return a;
    });
    return Arbitraries.frequencyOf(Tuple.of(2, scalar()), Tuple.of(3, object), Tuple.of(2, array));
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> trees = node(4).map(JsonNode::toString);
    Arbitrary<String> text = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ ntrufalsx\\u").ofMaxLength(40);
    return Arbitraries.frequencyOf(Tuple.of(6, trees), Tuple.of(1, text));
  }

  @Provide
  Arbitrary<MediaAttributes> media() {
    return MediaProperties.media();
  }

  @Provide
  Arbitrary<MergeMode> modes() {
    return Arbitraries.of(MergeMode.class);
  }

  @Property(tries = 1000)
  void readingSucceedsOrSaysMalformed(@ForAll("documents") String doc) {
    try {
      MediaAttributes read = MediaAttributes.fromTaskAttributes(doc);
      assertThat(MediaAttributes.fromTaskAttributes(read.toJson())).isEqualTo(read);
    } catch (MalformedAttributesException expected) {
      assertThat(expected.path()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void mergingSucceedsOrSaysMalformedAndLosesNothingForeign(
      @ForAll("documents") String doc, @ForAll("media") MediaAttributes media, @ForAll("modes") MergeMode mode) {
    String merged;
    try {
      merged = media.mergeInto(doc, mode);
    } catch (MalformedAttributesException expected) {
      return;
    }
    assertThat(foreignPart(merged)).isEqualTo(foreignPart(doc));
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
        if (e.getValue() instanceof ObjectNode r) {
          r.remove("media");
          if (r.isEmpty()) {
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
