package io.github.flexmedia.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MediaLink;
import org.junit.jupiter.api.Test;

class UnknownLinksTest {
  @Test
  void theCodecMakesAndReadsUnknownLinksThroughTheHookMediaLinkInstalled() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode().put("type", "Hologram").put("x", 1);

    MediaLink.Unknown link = UnknownLinks.access().create("Hologram", tree);

    assertThat(link.type()).isEqualTo("Hologram");
    assertThat(link.json()).isEqualTo("{\"type\":\"Hologram\",\"x\":1}");
    assertThat(UnknownLinks.access().tree(link)).isSameAs(tree);
  }

  @Test
  void nobodyElseCanInstallAnotherHook() {
    UnknownLinks.access();
    assertThatThrownBy(() -> UnknownLinks.install(UnknownLinks.access()))
        .isInstanceOf(IllegalStateException.class);
  }
}
