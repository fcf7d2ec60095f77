package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.events.AttachStoreStats;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The attach store's counts for the gauges, asked for at most once per {@code maxAge}: a scrape
 * reads four gauges, and a registry may be scraped by several scrapers, but a database store
 * answers each {@code stats()} with a query. A store that fails is not asked again before {@code
 * maxAge} either; the gauges show NaN meanwhile (unknown, not zero).
 */
public final class StoreStatsCache {
  private final Supplier<AttachStoreStats> stats;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private AttachStoreStats last;
  private long fetchedAt;
  private boolean fetched;

  /**
   * Caches {@code stats} for {@code maxAge}.
   *
   * @param stats asks the store
   * @param maxAge how long an answer is used; zero asks every time
   * @param nanoTime the monotonic clock ({@code System::nanoTime}; tests step their own)
   */
  public StoreStatsCache(Supplier<AttachStoreStats> stats, Duration maxAge, LongSupplier nanoTime) {
    this.stats = Objects.requireNonNull(stats, "stats");
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * One count of the latest answer.
   *
   * @param count which count
   * @return the count, or NaN when the store could not answer
   */
  public synchronized double get(ToLongFunction<AttachStoreStats> count) {
    long now = nanoTime.getAsLong();
    if (!fetched || now - fetchedAt >= maxAgeNanos) {
      fetched = true;
      fetchedAt = now;
      try {
        last = stats.get();
      } catch (RuntimeException e) {
        // The database is down: the gauges say "unknown" until the next try, maxAge later.
        last = null;
      }
    }
    return last == null ? Double.NaN : count.applyAsLong(last);
  }
}
