package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProviderLinksTest {
  static final String RE = "RE0123456789abcdef0123456789abcdef";

  @Test
  void addsTheRecordingParameterToTheProviderUrl() {
    assertThat(RecordingUrlProvider.providerUrl("https://p.example.com/play", RE))
        .isEqualTo("https://p.example.com/play?recording=" + RE);
    assertThat(RecordingUrlProvider.providerUrl("https://p.example.com/play?tenant=7", RE))
        .isEqualTo("https://p.example.com/play?tenant=7&recording=" + RE);
    assertThat(RecordingUrlProvider.providerUrl("https://p.example.com/play?", "a_b-c"))
        .isEqualTo("https://p.example.com/play?recording=a_b-c");
  }

  @Test
  void buildsAUrlProviderOnlyVoiceRecording() {
    MediaLink.VoiceRecording link = RecordingUrlProvider.voiceRecording("https://p.example.com/play", RE)
        .startTimeMillis(1_700_000_000_000L).build();

    assertThat(link.url()).isNull();
    assertThat(link.urlProvider()).isEqualTo(URI.create("https://p.example.com/play?recording=" + RE));
    assertThat(MediaAttributes.builder().media(link).build().toJson())
        .isEqualTo("{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\",\"url_provider\":"
            + "\"https://p.example.com/play?recording=" + RE + "\",\"start_time\":1700000000000}]}}");
  }

  @Test
  void refusesIdsThatCouldBecomeAPathOrAUrl() {
    for (String id : new String[] {"", "../x", "//evil.example", "a/b", "a%2Fb", "a b", "a&recording=b", "a#b"}) {
      assertThatThrownBy(() -> RecordingUrlProvider.providerUrl("https://p.example.com/play", id))
          .as(id).isInstanceOfSatisfying(InvalidMediaException.class, e -> assertThat(e.rule()).isEqualTo("recording-id"))
          .hasMessageNotContaining(id.isEmpty() ? "\u0000" : id);
    }
    assertThatThrownBy(() -> RecordingUrlProvider.providerUrl("https://p.example.com/play#x", RE))
        .hasMessageContaining("fragment");
    assertThatThrownBy(() -> RecordingUrlProvider.providerUrl(null, RE)).isInstanceOf(InvalidMediaException.class);
    assertThatThrownBy(() -> RecordingUrlProvider.voiceRecording("http://p.example.com/play", RE).build())
        .isInstanceOf(InvalidMediaException.class);
  }
}
