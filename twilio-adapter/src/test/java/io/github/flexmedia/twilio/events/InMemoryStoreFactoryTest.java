package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static io.github.flexmedia.twilio.events.Callbacks.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link PendingAttachStore#inMemory}: the public way to the queue's default store. */
class InMemoryStoreFactoryTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  @Test
  void aStoreHoldsAtMostItsCapacityAndEachCallMakesANewOne() {
    TestClock clock = new TestClock(T0);
    PendingAttachStore store = PendingAttachStore.inMemory(1, clock);

    assertThat(store.save(PendingAttach.of(WS, WT, CRM, T0.plusSeconds(60)))).isTrue();
    assertThat(store.save(PendingAttach.of(WS, WT, CRM, T0.plusSeconds(60)))).as("full").isFalse();
    assertThat(store.stats().pending()).isEqualTo(1);
    assertThat(store.claim("me", 10, Duration.ofSeconds(30))).hasSize(1);
    assertThat(PendingAttachStore.inMemory(1, clock).stats().pending()).isZero();
  }

  @Test
  void aCapacityBelowOneIsAConfigurationError() {
    assertThatThrownBy(() -> PendingAttachStore.inMemory(0, new TestClock(T0)))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("capacity"))
        .hasMessage("capacity must be at least 1 (was 0)");
  }
}
