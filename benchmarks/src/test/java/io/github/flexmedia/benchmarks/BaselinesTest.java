package io.github.flexmedia.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MergeMode;
import org.junit.jupiter.api.Test;

/** The baselines do the same work as the library, so that the ratios compare like with like. */
class BaselinesTest {
  @Test
  void serializeBaselinesWriteTheLibrarysBytes() {
    String library = Fixtures.threeLinks().toJson();
    assertThat(Baselines.serializeWithMaps()).isEqualTo(library);
    assertThat(Baselines.serializeStreaming()).isEqualTo(library);
  }

  @Test
  void mergeBaselineWritesTheLibrarysDocument() {
    String doc = Fixtures.attributes4k();
    assertThat(Baselines.mergeWithTree(doc)).isEqualTo(Fixtures.threeLinks().mergeInto(doc, MergeMode.APPEND));
    assertThat(doc.length()).isBetween(3400, 4096);
  }

  @Test
  void parseBaselineReadsTheLibrarysLinks() {
    String doc = Fixtures.attributes4k();
    assertThat(Baselines.parseWithTreeWalk(doc)).isEqualTo(MediaAttributes.fromTaskAttributes(doc).taskMedia());
    assertThat(Baselines.parseWithTreeWalk(doc)).hasSize(2);
  }
}
