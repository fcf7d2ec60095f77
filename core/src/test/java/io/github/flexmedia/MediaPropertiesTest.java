package io.github.flexmedia;

import static io.github.flexmedia.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trip and merge preservation over generated links and foreign documents. */
class MediaProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // --- links -------------------------------------------------------------------------------

  private static Arbitrary<String> urls() {
    Arbitrary<String> host = Arbitraries.of("a.example.com", "crm.example.org", "xn--bcher-kva.example", "10.0.0.1", "[::1]");
    Arbitrary<String> path = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMaxLength(30);
    Arbitrary<String> query = Arbitraries.strings().alpha().ofMaxLength(10).map(q -> q.isEmpty() ? "" : "?q=" + q);
    return Combinators.combine(host, path, query).as((h, p, q) -> "https://" + h + "/" + p + q);
  }

  private static Arbitrary<String> titles() {
    return Arbitraries.strings()
        .all()
        .ofMinLength(1)
        .ofMaxLength(40)
        .filter(t -> !t.isBlank() && t.chars().noneMatch(Character::isISOControl))
        .filter(MediaProperties::isValidUnicode);
  }

  /** No unpaired surrogates: the text survives a UTF-8 round trip. */
  static boolean isValidUnicode(String t) {
    return new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(t);
  }

  private static Arbitrary<String> hex32() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
  }

  @Provide
  static Arbitrary<MediaLink> links() {
    Arbitrary<MediaLink> recording =
        Combinators.combine(
                urls().injectNull(0.3),
                urls().injectNull(0.3),
                Arbitraries.longs().between(100_000_000_000L, 4_000_000_000_000L).injectNull(0.3),
                Arbitraries.of(List.of(), List.of(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS), List.of(RecordingChannel.OTHERS)),
                titles().injectNull(0.5))
            .filter((u, p, t, c, ti) -> u != null || p != null)
            .as((u, p, t, c, ti) -> {
              var b = u != null ? MediaLink.voiceRecording(u) : MediaLink.voiceRecordingViaProvider(p);
              if (u != null && p != null) {
                b.urlProvider(p);
              }
              if (t != null) {
                b.startTimeMillis(t);
              }
              return b.channels(c.toArray(RecordingChannel[]::new)).title(ti).build();
            });
    return Arbitraries.oneOf(
        Combinators.combine(urls(), titles()).as(MediaLink::raw),
        Combinators.combine(urls(), titles()).as(MediaLink::embedded),
        Combinators.combine(urls(), titles()).as(MediaLink::referenced),
        recording,
        hex32().map(h -> MediaLink.chatTranscript("CH" + h)),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "Custom" + s)
            .map(t -> new MediaLink.Unknown(t, "{\"type\":\"" + t + "\",\"n\":1.50}")));
  }

  @Provide
  static Arbitrary<MediaAttributes> media() {
    Arbitrary<List<MediaLink>> list = links().list().ofMaxSize(4);
    Arbitrary<List<String>> sids = hex32().map(h -> "WR" + h).list().uniqueElements().ofMaxSize(3);
    return Combinators.combine(list.injectNull(0.2), sids, list.list().ofSize(3))
        .as((task, wrs, lists) -> {
          MediaAttributes.Builder b = MediaAttributes.builder();
          if (task != null) {
            b.media(task);
          }
          for (int i = 0; i < wrs.size(); i++) {
            b.reservationMedia(wrs.get(i), lists.get(i));
          }
          return b.build();
        });
  }

  // --- foreign documents -------------------------------------------------------------------

  private static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12).filter(MediaProperties::isValidUnicode).map(NODES::textNode),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(NODES::numberNode),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(4).map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
  }

  private static Arbitrary<JsonNode> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<JsonNode> object =
        Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), values(depth - 1))
            .ofMaxSize(3)
            .map(m -> {
              ObjectNode o = NODES.objectNode();
              m.forEach(o::set);
              return o;
            });
    Arbitrary<JsonNode> array =
        values(depth - 1).list().ofMaxSize(3).map(l -> {
          ArrayNode a = NODES.arrayNode();
          l.forEach(a::add);
          return a;
        });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalars()), net.jqwik.api.Tuple.of(1, object), net.jqwik.api.Tuple.of(1, array));
  }

  @Provide
  static Arbitrary<String> foreignDocuments() {
    Arbitrary<String> key = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    return Combinators.combine(
            Arbitraries.maps(key, values(2)).ofMaxSize(6),
            Arbitraries.maps(key.filter(k -> !k.equals("media")), values(1)).ofMaxSize(3).injectNull(0.5))
        .as((top, conversations) -> {
          ObjectNode root = NODES.objectNode();
          top.forEach((k, v) -> {
            if (!k.equals("conversations") && !k.equals("reservation_attributes")) {
              root.set(k, v);
            }
          });
          if (conversations != null) {
            ObjectNode c = root.putObject("conversations");
            conversations.forEach(c::set);
          }
          return root.toString();
        });
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

  // --- properties --------------------------------------------------------------------------

  @Property(tries = 300)
  void readingWhatWasWrittenGivesTheSameMedia(@ForAll("media") MediaAttributes media) {
    assertThat(MediaAttributes.fromTaskAttributes(media.toJson())).isEqualTo(media);
  }

  @Property(tries = 300)
  void plainObjectMapperRoundTripsEveryKnownLink(@ForAll("links") MediaLink link) throws Exception {
    if (link instanceof MediaLink.Unknown) {
      return;
    }
    String json = TestJson.EXACT.writeValueAsString(link);
    assertThat(TestJson.EXACT.readValue(json, MediaLink.class)).isEqualTo(link);
  }

  @Property(tries = 300)
  void appendKeepsEveryForeignAttributeAndAddsEveryLink(
      @ForAll("foreignDocuments") String foreign, @ForAll("media") MediaAttributes media) {
    String merged = media.mergeInto(foreign, MergeMode.APPEND);

    assertThat(withoutMedia(merged)).isEqualTo(withoutMedia(foreign));
    MediaAttributes read = MediaAttributes.fromTaskAttributes(merged);
    assertThat(read.taskMedia()).containsAll(media.taskMedia());
    media.reservationMedia().forEach((sid, links) -> assertThat(read.reservationMedia().get(sid)).containsAll(links));
    assertThat(media.mergeInto(merged, MergeMode.APPEND)).isEqualTo(merged);
  }

  @Property(tries = 300)
  void replaceKeepsEveryForeignAttributeAndWritesExactlyTheNamedLists(
      @ForAll("foreignDocuments") String foreign, @ForAll("media") MediaAttributes media) {
    String merged = media.mergeInto(foreign, MergeMode.REPLACE);

    assertThat(withoutMedia(merged)).isEqualTo(withoutMedia(foreign));
    MediaAttributes read = MediaAttributes.fromTaskAttributes(merged);
    assertThat(read.taskMedia()).containsExactlyElementsOf(media.taskMedia());
    assertThat(read.reservationMedia()).isEqualTo(media.reservationMedia());
  }
}
