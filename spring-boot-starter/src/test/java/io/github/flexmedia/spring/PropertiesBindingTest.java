package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MergeMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Every {@code flex-media.*} property binds, in the relaxed forms Spring Boot users write. */
class PropertiesBindingTest {

  @Test
  void everyPropertyBinds() {
    Map<String, String> source = Map.ofEntries(
        Map.entry("flex-media.enabled", "false"),
        Map.entry("flex-media.twilio.account-sid", "AC" + "1".repeat(32)),
        Map.entry("flex-media.twilio.api-key", "SK" + "2".repeat(32)),
        Map.entry("flex-media.twilio.api-secret", "secret"),
        Map.entry("flex-media.twilio.connect-timeout", "3s"),
        Map.entry("flex-media.twilio.response-timeout", "20s"),
        Map.entry("flex-media.attach.merge-mode", "replace"),
        Map.entry("flex-media.attach.max-attempts", "9"),
        Map.entry("flex-media.metrics.enabled", "false"),
        Map.entry("flex-media.webhooks.public-url", "https://hooks.example.com"),
        Map.entry("flex-media.webhooks.synchronous-budget", "5s"),
        Map.entry("flex-media.webhooks.taskrouter-events.path", "/twilio/events"),
        Map.entry("flex-media.queue.workers", "8"),
        Map.entry("flex-media.queue.capacity", "50"),
        Map.entry("flex-media.queue.attach-window", "90s"),
        Map.entry("flex-media.playback.url-provider.enabled", "true"),
        Map.entry("flex-media.playback.allowed-origins", "https://flex.example.com"),
        Map.entry("flex-media.playback.allowed-roles", "supervisor"),
        Map.entry("flex-media.playback.token-cache-max-entries", "100"),
        Map.entry("flex-media.playback.token-cache-max-age", "1m"));

    FlexMediaProperties p = new Binder(new MapConfigurationPropertySource(source))
        .bind("flex-media", Bindable.of(FlexMediaProperties.class)).get();

    assertThat(p.isEnabled()).isFalse();
    assertThat(p.getTwilio().getApiKey()).isEqualTo("SK" + "2".repeat(32));
    assertThat(p.getTwilio().getApiSecret()).isEqualTo("secret");
    assertThat(p.getTwilio().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.getTwilio().getResponseTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.getAttach().getMergeMode()).isEqualTo(MergeMode.REPLACE);
    assertThat(p.getAttach().getMaxAttempts()).isEqualTo(9);
    assertThat(p.getMetrics().isEnabled()).isFalse();
    assertThat(p.getWebhooks().getPublicUrl()).isEqualTo("https://hooks.example.com");
    assertThat(p.getWebhooks().getSynchronousBudget()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.getWebhooks().getTaskrouterEvents().getPath()).isEqualTo("/twilio/events");
    assertThat(p.getWebhooks().getRecordingCallbacks().isEnabled()).isFalse();
    assertThat(p.getQueue().getWorkers()).isEqualTo(8);
    assertThat(p.getQueue().getCapacity()).isEqualTo(50);
    assertThat(p.getQueue().getAttachWindow()).isEqualTo(Duration.ofSeconds(90));
    assertThat(p.getPlayback().getUrlProvider().isEnabled()).isTrue();
    assertThat(p.getPlayback().getAllowedOrigins()).containsExactly("https://flex.example.com");
    assertThat(p.getPlayback().getAllowedRoles()).containsExactly("supervisor");
    assertThat(p.getPlayback().getTokenCacheMaxEntries()).isEqualTo(100);
    assertThat(p.getPlayback().getTokenCacheMaxAge()).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.toString()).doesNotContain("secret").contains("apiSecret=set");
    assertThat(p.getPolicy().getAllowedHosts()).isEqualTo(List.of());
  }
}
