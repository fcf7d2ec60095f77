package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The preview page's Content-Security-Policy admits the origins of every level, and no other. */
class PreviewPolicyOriginsTest {
  static final String WR = "WR0123456789abcdef0123456789abcdef";

  static String directive(String html, String name) {
    Matcher m = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).isTrue();
    for (String part : m.group(1).split(";")) {
      if (part.trim().startsWith(name + " ")) {
        return part.trim().substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name);
  }

  @Test
  void reservationLevelFramesAndRecordingsReachThePolicy() {
    String html = MediaPreview.html(MediaAttributes.builder()
        .reservationMedia(WR, MediaLink.embedded("https://crm.example.com/a", "CRM"),
            MediaLink.voiceRecording("https://rec.example.com:8443/r.wav").build())
        .build());

    assertThat(directive(html, "frame-src")).isEqualTo("https://crm.example.com");
    assertThat(directive(html, "media-src")).isEqualTo("https://rec.example.com:8443");
  }

  @Test
  void onlyTheFirstRecordingOfAListIsPlayableSoOnlyItsOriginIsAdmitted() {
    String html = MediaPreview.html(MediaAttributes.builder()
        .media(MediaLink.voiceRecording("https://one.example.com/r.wav").build(),
            MediaLink.voiceRecording("https://two.example.com/r.wav").build())
        .reservationMedia(WR, MediaLink.voiceRecording("https://three.example.com/r.wav").build())
        .build());

    assertThat(directive(html, "media-src")).isEqualTo("https://one.example.com https://three.example.com");
    assertThat(directive(html, "frame-src")).isEqualTo("'none'");
  }
}
