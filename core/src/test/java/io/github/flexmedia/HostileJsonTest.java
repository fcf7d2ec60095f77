package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile attributes documents end in MalformedAttributesException, quickly. */
@Timeout(value = 20)
class HostileJsonTest {
  static Stream<Arguments> hostile() {
    String deepArrays = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    String deepObjects = "{\"a\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001);
    StringBuilder dups = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      dups.append("\"k").append(i % 500).append("\":").append(i).append(',');
    }
    dups.append("\"end\":0}");
    return Stream.of(
        Arguments.of("nested 10,000 arrays", deepArrays),
        Arguments.of("nested 10,000 objects", deepObjects),
        Arguments.of("duplicate keys", dups.toString()),
        Arguments.of("10,000-digit integer", "{\"n\":" + "7".repeat(10_000) + "}"),
        Arguments.of("10,000-digit decimal", "{\"n\":0." + "7".repeat(10_000) + "}"),
        Arguments.of("over the document limit", "{\"s\":\"" + "x".repeat(1_100_000) + "\"}"),
        Arguments.of("raw unpaired surrogate", "{\"s\":\"a\uD800b\"}"),
        Arguments.of("escaped unpaired surrogate", "{\"s\":\"a\\uDC00b\",\"conversations\":{}}"),
        Arguments.of("not JSON", "<xml/>"),
        Arguments.of("truncated", "{\"a\":[1,2"),
        Arguments.of("NaN", "{\"a\":NaN}"),
        Arguments.of("single quotes", "{'a':1}"),
        Arguments.of("comments", "{/*x*/\"a\":1}"),
        Arguments.of("two documents", "{}{}"),
        Arguments.of("a bare number", "12"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void mergeRefusesIt(String name, String doc) {
    MediaAttributes media = MediaAttributesTest.threeLinks();
    assertThatThrownBy(() -> media.mergeInto(doc, MergeMode.APPEND))
        .isInstanceOf(MalformedAttributesException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void readingRefusesItOrIgnoresWhatIsNotMedia(String name, String doc) {
    if (name.endsWith("unpaired surrogate")) {
      // Reading only looks at the media parts, and these hold none: nothing to refuse.
      assertThat(MediaAttributes.fromTaskAttributes(doc)).isEqualTo(MediaAttributes.empty());
      return;
    }
    assertThatThrownBy(() -> MediaAttributes.fromTaskAttributes(doc))
        .isInstanceOf(MalformedAttributesException.class);
  }

  @Test
  void depthAndNumberLengthJustInsideJacksonsLimitsStillWork() {
    String deep = "{\"a\":" + "[".repeat(400) + "]".repeat(400) + "}";
    String longNumber = "{\"n\":" + "7".repeat(900) + "}";
    MediaAttributes media = MediaAttributesTest.threeLinks();

    assertThat(media.mergeInto(deep, MergeMode.APPEND)).startsWith("{\"a\":[[[");
    assertThat(media.mergeInto(longNumber, MergeMode.APPEND)).contains("7".repeat(900));
  }

  @Test
  void anUnmodelledLinkWithAnUnpairedSurrogateIsRefusedWhenRead() {
    String doc = "{\"conversations\":{\"media\":[{\"type\":\"Video\",\"s\":\"a\\uDC00b\"}]}}";

    assertThatThrownBy(() -> MediaAttributes.fromTaskAttributes(doc))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessageContaining("unpaired");
  }

  @Test
  void titlesWithUnpairedSurrogatesAreRefused() {
    assertThatThrownBy(() -> MediaLink.referenced("https://a.example.com", "x\uD800"))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("valid-unicode");
  }
}
