package io.github.flexmedia.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.events.AttachStoreStats;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A scrape of four gauges asks the store once; a store that fails shows NaN, not zero. */
class StoreStatsCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger asked = new AtomicInteger();
  private volatile RuntimeException down;

  private AttachStoreStats stats() {
    int n = asked.incrementAndGet();
    if (down != null) {
      throw down;
    }
    return new AttachStoreStats(10L * n, n, 0, 3);
  }

  private final StoreStatsCache cache =
      new StoreStatsCache(this::stats, Duration.ofSeconds(5), now::get);

  @Test
  void oneAnswerServesEveryGaugeUntilItIsOlderThanMaxAge() {
    assertThat(cache.get(AttachStoreStats::pending)).isEqualTo(10);
    assertThat(cache.get(AttachStoreStats::claimed)).isEqualTo(1);
    assertThat(cache.get(AttachStoreStats::failed)).isEqualTo(3);
    now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
    assertThat(cache.get(AttachStoreStats::pending)).isEqualTo(10);
    assertThat(asked).hasValue(1);

    now.addAndGet(1);
    assertThat(cache.get(AttachStoreStats::pending)).isEqualTo(20);
    assertThat(cache.get(AttachStoreStats::claimed)).isEqualTo(2);
    assertThat(asked).hasValue(2);
  }

  @Test
  void aStoreThatFailsShowsNanAndIsNotAskedAgainBeforeMaxAge() {
    down = new IllegalStateException("database down");
    assertThat(cache.get(AttachStoreStats::pending)).isNaN();
    assertThat(cache.get(AttachStoreStats::failed)).isNaN();
    assertThat(asked).hasValue(1);

    down = null;
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(cache.get(AttachStoreStats::pending)).isEqualTo(20);
    assertThat(asked).hasValue(2);
  }

  @Test
  void zeroMaxAgeAsksEveryTime() {
    StoreStatsCache exact = new StoreStatsCache(this::stats, Duration.ZERO, now::get);
    exact.get(AttachStoreStats::pending);
    exact.get(AttachStoreStats::pending);
    assertThat(asked).hasValue(2);
  }
}
