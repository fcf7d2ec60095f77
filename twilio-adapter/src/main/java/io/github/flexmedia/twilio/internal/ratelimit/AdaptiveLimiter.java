package io.github.flexmedia.twilio;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many TaskRouter requests may be in flight, and how fast they may start, learned from the
 * answers: an AIMD concurrency limit with a pacing rate, for callers that share one account's
 * rate limit.
 *
 * <ul>
 *   <li>Concurrency: a success raises the limit by {@code 1/limit} (one per round of requests), up
 *       to the configured maximum, unless it was much slower than the fastest seen ({@code > 2 ×
 *       min + 1 ms}: requests are queueing); a 429 halves it (at least 1).
 *   <li>Rate: unlimited until the first 429. A 429 sets it to 90 % of the lower of itself and the
 *       success rate measured over the last second (when at least 100 ms of unpaused time was
 *       seen). Each success then raises it: by 0.2 request/s until the second 429 (the first
 *       estimate may measure a client still warming up), afterwards by {@code 0.001 × (1 +
 *       seconds since the last 429)}, at most 0.05 — about that share of the rate per second — so
 *       that the account's limit is probed rarely, yet a low estimate does not stay low.
 *   <li>A 429 with a {@code Retry-After} pauses every caller until it has passed, not only the one
 *       that got it.
 *   <li>Only the first 429 among requests started before the last decrease counts: one burst of
 *       429s is one decrease.
 * </ul>
 *
 * <p>Thread-safe. The clock is injectable so that tests are deterministic; {@link #tryAcquire()}
 * never blocks.
 */
final class AdaptiveLimiter {
  private static final long SECOND = 1_000_000_000L;
  private static final int RING = 1024;

  private final int max;
  private final LongSupplier ticker;
  private final Object lock = new Object();
  private final long[] successTimes = new long[RING];
  private final long created;
  private int ringNext;
  private int ringSize;
  private double limit;
  private int inFlight;
  private long pausedUntil;
  private final long maxPauseNanos;
  private double rate = Double.POSITIVE_INFINITY;
  private long nextSlot;
  private long lastDecrease;
  private boolean decreased;
  private int decreases;
  private long windowStart;
  private long minLatency = Long.MAX_VALUE;

  /** One granted request; give it back through exactly one of the {@code on…} methods. */
  public static final class Permit {
    private final long start;

    private Permit(long start) {
      this.start = start;
    }
  }

  /**
   * A limiter starting at {@code min(4, max)} requests in flight.
   *
   * @param max the most requests in flight, at least 1
   * @param nanoTicker a monotonic clock in nanoseconds
   */
  public AdaptiveLimiter(int max, LongSupplier nanoTicker) {
    this(max, nanoTicker, null);
  }

  /**
   * A limiter starting at {@code min(4, max)} requests in flight whose pauses last at most
   * {@code maxPause}: a longer {@code Retry-After} ends each call at once anyway (the retry
   * policy's {@code maxRetryAfter}), so holding the whole pool longer would only delay that.
   *
   * @param max the most requests in flight, at least 1
   * @param nanoTicker a monotonic clock in nanoseconds
   * @param maxPause the longest pause, or {@code null} for no bound but the clock's range
   */
  public AdaptiveLimiter(int max, LongSupplier nanoTicker, Duration maxPause) {
    this.maxPauseNanos = maxPause == null ? MAX_PAUSE_NANOS : nanos(maxPause);
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
    }
    this.max = max;
    this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
    this.limit = Math.min(4, max);
    this.created = ticker.getAsLong();
    this.pausedUntil = created;
    this.nextSlot = created;
    this.windowStart = created;
  }

  /**
   * A limiter on {@link System#nanoTime()}.
   *
   * @param max the most requests in flight, at least 1
   * @return the limiter
   */
  public static AdaptiveLimiter create(int max) {
    return new AdaptiveLimiter(max, System::nanoTime);
  }

  /**
   * A limiter on {@link System#nanoTime()} whose pauses last at most {@code maxPause}.
   *
   * @param max the most requests in flight, at least 1
   * @param maxPause the longest pause
   * @return the limiter
   */
  public static AdaptiveLimiter create(int max, Duration maxPause) {
    return new AdaptiveLimiter(max, System::nanoTime, Objects.requireNonNull(maxPause, "maxPause"));
  }

  // Far enough to stand for "forever", near enough that adding it to a nanoTime cannot overflow.
  private static final long MAX_PAUSE_NANOS = Long.MAX_VALUE / 4;

  // Duration.toNanos() throws for anything over about 292 years, and a Retry-After too large to
  // represent arrives here as Duration.ofSeconds(Long.MAX_VALUE).
  private static long nanos(Duration d) {
    return d.compareTo(Duration.ofNanos(MAX_PAUSE_NANOS)) >= 0 ? MAX_PAUSE_NANOS : d.toNanos();
  }

  /**
   * Takes a permit now if the pause, the concurrency limit and the pacing allow it.
   *
   * @return the permit, or {@code null} when none is available now
   */
  public Permit tryAcquire() {
    synchronized (lock) {
      long now = ticker.getAsLong();
      return waitNanos(now) == 0 ? grant(now) : null;
    }
  }

  /**
   * Waits for a permit.
   *
   * @return the permit
   * @throws InterruptedException if interrupted while waiting
   */
  public Permit acquire() throws InterruptedException {
    synchronized (lock) {
      while (true) {
        long now = ticker.getAsLong();
        long wait = waitNanos(now);
        if (wait == 0) {
          return grant(now);
        }
        if (wait == Long.MAX_VALUE) {
          lock.wait();
        } else {
          TimeUnit.NANOSECONDS.timedWait(lock, wait);
        }
      }
    }
  }

  /** 0 when a permit can be granted now, else how long to wait (MAX_VALUE: until a release). */
  private long waitNanos(long now) {
    if (now - pausedUntil < 0) {
      return pausedUntil - now;
    }
    if (inFlight >= Math.max(1, (int) limit)) {
      return Long.MAX_VALUE;
    }
    if (now - nextSlot < 0) {
      return nextSlot - now;
    }
    return 0;
  }

  private Permit grant(long now) {
    inFlight++;
    if (!Double.isInfinite(rate)) {
      long base = now - nextSlot > 0 ? now : nextSlot;
      nextSlot = base + (long) (SECOND / rate);
    }
    return new Permit(now);
  }

  /**
   * The request was answered, and not with a 429.
   *
   * @param permit its permit
   */
  public void onSuccess(Permit permit) {
    synchronized (lock) {
      long now = ticker.getAsLong();
      release();
      successTimes[ringNext] = now;
      ringNext = (ringNext + 1) % RING;
      ringSize = Math.min(RING, ringSize + 1);
      long latency = now - permit.start;
      minLatency = Math.min(minLatency, latency);
      if (latency <= 2 * minLatency + 1_000_000L) {
        limit = Math.min(max, limit + 1 / limit); // a slower answer is queueing: no growth
      }
      if (!Double.isInfinite(rate)) {
        // +δ per success is about +δ of the rate per second. After the first 429 the estimate is
        // provisional (a client still warming up measures itself, not the limit): 20 % a second.
        // Later, δ grows with the time since the last 429, so the limit is probed rarely, yet a
        // low estimate does not stay low.
        double quietSeconds = (now - lastDecrease) / (double) SECOND;
        rate += decreases < 2 ? 0.2 : Math.min(0.05, 0.001 * (1 + quietSeconds));
      }
    }
  }

  /**
   * The request was answered 429.
   *
   * @param permit its permit
   * @param retryAfter the answer's {@code Retry-After}, or {@code null} when it sent none
   */
  public void onRateLimited(Permit permit, Duration retryAfter) {
    synchronized (lock) {
      long now = ticker.getAsLong();
      release();
      if (retryAfter != null) {
        long until = now + Math.min(nanos(retryAfter), maxPauseNanos);
        if (until - pausedUntil > 0) {
          pausedUntil = until;
        }
      }
      if (decreased && permit.start - lastDecrease <= 0) {
        return; // this burst of 429s was already reacted to
      }
      decreased = true;
      decreases++;
      lastDecrease = now;
      limit = Math.max(1, limit / 2);
      double measured = measuredRate(now);
      if (!Double.isNaN(measured)) {
        rate = Math.max(0.5, 0.9 * Math.min(rate, measured));
      } else if (!Double.isInfinite(rate)) {
        rate = Math.max(0.5, rate / 2);
      }
      windowStart = now - pausedUntil > 0 ? now : pausedUntil;
      if (pausedUntil - nextSlot > 0) {
        nextSlot = pausedUntil;
      }
    }
  }

  /**
   * The request failed otherwise (no answer, a 5xx, refused before it was sent): no signal.
   *
   * @param permit its permit
   */
  public void onIgnored(Permit permit) {
    synchronized (lock) {
      release();
    }
  }

  private void release() {
    inFlight--;
    lock.notifyAll();
  }

  /** Successes per second over the last second since the window began; NaN if under 100 ms. */
  private double measuredRate(long now) {
    long from = Math.max(now - SECOND, windowStart);
    long span = now - from;
    if (span < SECOND / 10) {
      return Double.NaN;
    }
    int count = 0;
    for (int i = 0; i < ringSize; i++) {
      if (successTimes[i] - from >= 0) {
        count++;
      }
    }
    return count * (double) SECOND / span;
  }

  /**
   * The concurrency limit now.
   *
   * @return requests allowed in flight (the integer part counts)
   */
  public double limit() {
    synchronized (lock) {
      return limit;
    }
  }

  /**
   * The pacing rate now.
   *
   * @return requests per second, infinite before the first 429
   */
  public double rate() {
    synchronized (lock) {
      return rate;
    }
  }

  /**
   * How many permits are out.
   *
   * @return requests in flight
   */
  public int inFlight() {
    synchronized (lock) {
      return inFlight;
    }
  }

  /**
   * How long every caller still waits because of a {@code Retry-After}.
   *
   * @return the pause left, zero when none
   */
  public Duration pauseLeft() {
    synchronized (lock) {
      long left = pausedUntil - ticker.getAsLong();
      return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }
  }
}
