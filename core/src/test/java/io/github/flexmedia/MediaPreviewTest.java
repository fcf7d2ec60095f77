package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's structure and escaping; PreviewBrowserTest (examples) drives it in Chromium. */
class MediaPreviewTest {
  static final String XSS = "<img src=x onerror=alert(1)>\"'&";

  @Test
  void escapesTitlesAndAdmitsOnlyTheLinksOrigins() {
    String html = MediaPreview.html(MediaAttributes.builder()
        .media(MediaLink.embedded("https://support.example.com/t?a=1&b='2'", XSS),
            MediaLink.voiceRecording("https://rec.example.com:8443/a.wav").title(XSS).build())
        .build());

    assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    assertThat(html).contains("src=\"https://support.example.com/t?a=1&amp;b=&#39;2&#39;\"");
    assertThat(html).contains("frame-src https://support.example.com;")
        .contains("media-src https://rec.example.com:8443;")
        .contains("script-src 'none'")
        .containsPattern("style-src 'sha256-[A-Za-z0-9+/=]{44}'");
    assertThat(html).doesNotContain("<script");
  }

  @Test
  void followsTheFlexDisplayRules() {
    String html = MediaPreview.html(MediaAttributes.builder()
        .media(Fixtures.recording(), Fixtures.chat(), MediaLink.voiceRecording("https://r.example.com/2.wav").build())
        .reservationMedia(Fixtures.WR_1, MediaLink.raw("https://crm.example.com/1", "CRM"), Fixtures.referenced())
        .reservationMedia(Fixtures.WR_2, MediaLink.voiceRecordingViaProvider("https://p.example.com/x").build(),
            new MediaLink.Unknown("Video", "{\"type\":\"Video\"}"))
        .build());

    assertThat(html).contains("<audio class=\"recording\"").contains("Not playable in Flex")
        .contains("Chat transcript of channel <code>" + Fixtures.CHAT_SID)
        .contains("Starts 2019-11-21T15:32:00Z").contains("Channels: customer, others")
        .contains("Conversation Screen does not open").contains("class=\"unreachable\"")
        .contains("data-reservation=\"" + Fixtures.WR_1 + "\"")
        .contains("url_provider").contains("Link type <code>Video</code>")
        .contains("data-code=\"RESERVATION_HIDES_TASK_MEDIA\"")
        .contains("do not show these links");
    assertThat(html.split("<audio", -1)).hasSize(2); // only the first recording is playable
  }

  @Test
  void emptyMediaSayTheDefaultsShow(@TempDir Path dir) throws Exception {
    Path file = MediaPreview.write(MediaAttributes.empty(), dir.resolve("sub/p.html"));
    assertThat(Files.readString(file)).contains("No custom media").contains("frame-src 'none'");
    assertThat(MediaPreview.html(MediaAttributes.builder().media().build())).contains("An empty list");
  }
}
