package io.github.flexmedia.twilio.internal.playback;

import java.time.Clock;

/**
 * A token bucket of validation calls: at most {@code perSecond} calls in any second, refilled
 * continuously on {@code clock}. Thread-safe.
 */
public final class CallBudget {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int perSecond;
  private final Clock clock;
  private double available;
  private long lastNanos;

  public CallBudget(int perSecond, Clock clock) {
    this.perSecond = perSecond;
    this.clock = clock;
    this.available = perSecond;
    this.lastNanos = nanos();
  }

  /** Takes one call from the budget, or says there is none left this second. */
  public synchronized boolean tryTake() {
    long now = nanos();
    if (now > lastNanos) {
      available = Math.min(perSecond, available + (now - lastNanos) * (double) perSecond / NANOS_PER_SECOND);
      lastNanos = now;
    }
    if (available < 1) {
      return false;
    }
    available -= 1;
    return true;
  }

  public int perSecond() {
    return perSecond;
  }

  private long nanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * NANOS_PER_SECOND + i.getNano();
  }
}
