package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MediaPolicyTest {

  @Test
  void strictIsTheDefault() {
    MediaPolicy strict = MediaPolicy.strict();
    assertThat(strict.allowsInsecureHttp()).isFalse();
    assertThat(strict.allowedHosts()).isEmpty();
    assertThat(strict.maxUrlLength()).isEqualTo(2048);
    assertThat(strict.maxTitleLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(MediaPolicy.builder().build()).isEqualTo(strict).hasSameHashCodeAs(strict);
  }

  @Test
  void maxUrlLengthIsEnforcedForEveryUrlOfALink() {
    MediaPolicy policy = MediaPolicy.builder().maxUrlLength(40).build();
    MediaLink longProvider = MediaLink.voiceRecording("https://r.example.com/a")
        .urlProvider("https://p.example.com/" + "x".repeat(40)).build();

    assertThatThrownBy(() -> MediaAttributes.builder().policy(policy).media(longProvider).build())
        .isInstanceOfSatisfying(InvalidMediaException.class, e -> {
          assertThat(e.field()).isEqualTo("conversations.media[0].url_provider");
          assertThat(e.rule()).isEqualTo("max-length");
          assertThat(e.getMessage()).doesNotContain("xxxx");
        });
  }

  @Test
  void maxTitleLengthIsEnforcedWithoutEchoingTheTitle() {
    MediaPolicy policy = MediaPolicy.builder().maxTitleLength(10).build();
    MediaLink ok = MediaLink.referenced("https://a.example.com", "0123456789");
    MediaLink tooLong = MediaLink.referenced("https://a.example.com", "Patient Jane Doe");

    assertThat(MediaAttributes.builder().policy(policy).media(ok).build().taskMedia()).hasSize(1);
    assertThatThrownBy(() -> MediaAttributes.builder().policy(policy).reservationMedia(Fixtures.WR_1, tooLong).build())
        .isInstanceOfSatisfying(InvalidMediaException.class, e -> {
          assertThat(e.field()).isEqualTo("reservation_attributes." + Fixtures.WR_1 + ".media[0].title");
          assertThat(e.rule()).isEqualTo("max-title-length");
          assertThat(e.getMessage()).doesNotContain("Jane");
        });
  }

  @Test
  void hostSuffixesAdmitSubdomainsOnly() {
    MediaPolicy policy = MediaPolicy.builder().allowHosts(".example.com").build();
    policy.check("x", MediaLink.raw("https://a.example.com/1", "t"));
    assertThatThrownBy(() -> policy.check("x", MediaLink.raw("https://example.com/1", "t")))
        .hasMessageContaining("host-allow-list");
    assertThatThrownBy(() -> policy.check("x", MediaLink.raw("https://evilexample.com/1", "t")))
        .hasMessageContaining("host-allow-list");
  }

  @Test
  void hostMatchingIgnoresCase() {
    MediaPolicy policy = MediaPolicy.builder().allowHosts("CRM.Example.com").build();
    policy.check("x", MediaLink.raw("https://crm.EXAMPLE.com/1", "t"));
    assertThat(policy.allowedHosts()).containsExactly("crm.example.com");
  }

  @Test
  void chatTranscriptsAndUnknownLinksHaveNoUrlToCheck() {
    MediaPolicy policy = MediaPolicy.builder().allowHosts("none.example").maxTitleLength(1).build();
    policy.check("x", Fixtures.chat());
    policy.check("x", new MediaLink.Unknown("Video", "{\"type\":\"Video\"}"));
  }

  @Test
  void insecureHttpOptInAdmitsHttpForAllUrls() {
    MediaPolicy lab = MediaPolicy.builder().allowInsecureHttp().build();
    lab.check("x", new MediaLink.VoiceRecording(URI.create("http://r.example.com/a"),
        URI.create("http://p.example.com/b"), null, null, null));
    assertThat(lab.toString()).contains("insecureHttp=true");
  }

  @Test
  void checksAWholeMediaAttributesAndNamesTheOffendingPath() {
    MediaAttributes media = MediaAttributes.builder()
        .media(Fixtures.embedded())
        .reservationMedia(Fixtures.WR_1, Fixtures.chat(), MediaLink.raw("https://other.example.net/x", "t"))
        .build();
    MediaPolicy policy = MediaPolicy.builder().allowHosts("support.example.com").build();

    assertThatThrownBy(() -> policy.check(media))
        .isInstanceOfSatisfying(InvalidMediaException.class, e ->
            assertThat(e.field()).isEqualTo("reservation_attributes." + Fixtures.WR_1 + ".media[1].url"));
    MediaPolicy.strict().check(media);
  }

  @Test
  void builderRefusesNonsenseLimits() {
    assertThatThrownBy(() -> MediaPolicy.builder().maxUrlLength(0)).isInstanceOf(InvalidMediaException.class);
    assertThatThrownBy(() -> MediaPolicy.builder().maxUrlLength(4096)).hasMessageContaining("2048");
    assertThatThrownBy(() -> MediaPolicy.builder().maxTitleLength(0)).isInstanceOf(InvalidMediaException.class);
    assertThatThrownBy(() -> MediaPolicy.builder().allowHosts((String) null)).isInstanceOf(InvalidMediaException.class);
  }
}
