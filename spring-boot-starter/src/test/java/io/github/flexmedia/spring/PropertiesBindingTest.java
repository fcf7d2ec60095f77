package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MergeMode;
import io.github.flexmedia.spring.properties.AttachProperties;
import io.github.flexmedia.spring.properties.FlexMediaProperties;
import io.github.flexmedia.spring.properties.MetricsProperties;
import io.github.flexmedia.spring.properties.PlaybackProperties;
import io.github.flexmedia.spring.properties.PolicyProperties;
import io.github.flexmedia.spring.properties.QueueProperties;
import io.github.flexmedia.spring.properties.TwilioProperties;
import io.github.flexmedia.spring.properties.WebhooksProperties;
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
        Map.entry("flex-media.queue.store", "jdbc"),
        Map.entry("flex-media.queue.lease", "30s"),
        Map.entry("flex-media.queue.jdbc.migrate", "true"),
        Map.entry("flex-media.queue.jdbc.retention", "2h"),
        Map.entry("flex-media.queue.jdbc.poll-interval", "250ms"),
        Map.entry("flex-media.playback.url-provider.enabled", "true"),
        Map.entry("flex-media.playback.allowed-origins", "https://flex.example.com"),
        Map.entry("flex-media.playback.allowed-roles", "supervisor"),
        Map.entry("flex-media.playback.token-cache-max-entries", "100"),
        Map.entry("flex-media.playback.token-cache-max-age", "1m"));

    Binder binder = new Binder(new MapConfigurationPropertySource(source));
    FlexMediaProperties p = binder.bind("flex-media", Bindable.of(FlexMediaProperties.class)).get();
    TwilioProperties twilio = binder.bind("flex-media.twilio", Bindable.of(TwilioProperties.class)).get();
    AttachProperties attach = binder.bind("flex-media.attach", Bindable.of(AttachProperties.class)).get();
    WebhooksProperties webhooks =
        binder.bind("flex-media.webhooks", Bindable.of(WebhooksProperties.class)).get();
    PlaybackProperties playback =
        binder.bind("flex-media.playback", Bindable.of(PlaybackProperties.class)).get();
    QueueProperties queue = binder.bind("flex-media.queue", Bindable.of(QueueProperties.class)).get();
    MetricsProperties metrics = binder.bind("flex-media.metrics", Bindable.of(MetricsProperties.class)).get();
    PolicyProperties policy = binder.bindOrCreate("flex-media.policy", Bindable.of(PolicyProperties.class));

    assertThat(p.isEnabled()).isFalse();
    assertThat(twilio.getApiKey()).isEqualTo("SK" + "2".repeat(32));
    assertThat(twilio.getApiSecret()).isEqualTo("secret");
    assertThat(twilio.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(twilio.getResponseTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(attach.getMergeMode()).isEqualTo(MergeMode.REPLACE);
    assertThat(attach.getMaxAttempts()).isEqualTo(9);
    assertThat(metrics.isEnabled()).isFalse();
    assertThat(webhooks.getPublicUrl()).isEqualTo("https://hooks.example.com");
    assertThat(webhooks.getSynchronousBudget()).isEqualTo(Duration.ofSeconds(5));
    assertThat(webhooks.getTaskrouterEvents().getPath()).isEqualTo("/twilio/events");
    assertThat(webhooks.getRecordingCallbacks().isEnabled()).isFalse();
    assertThat(queue.getWorkers()).isEqualTo(8);
    assertThat(queue.getCapacity()).isEqualTo(50);
    assertThat(queue.getAttachWindow()).isEqualTo(Duration.ofSeconds(90));
    assertThat(queue.getStore()).isEqualTo(QueueProperties.Store.JDBC);
    assertThat(queue.getLease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(queue.getJdbc().isMigrate()).isTrue();
    assertThat(queue.getJdbc().getRetention()).isEqualTo(Duration.ofHours(2));
    assertThat(queue.getJdbc().getPollInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(playback.getUrlProvider().isEnabled()).isTrue();
    assertThat(playback.getAllowedOrigins()).containsExactly("https://flex.example.com");
    assertThat(playback.getAllowedRoles()).containsExactly("supervisor");
    assertThat(playback.getTokenCacheMaxEntries()).isEqualTo(100);
    assertThat(playback.getTokenCacheMaxAge()).isEqualTo(Duration.ofMinutes(1));
    assertThat(twilio.toString()).doesNotContain("secret").contains("apiSecret=set");
    assertThat(policy.getAllowedHosts()).isEqualTo(List.of());
  }
}
