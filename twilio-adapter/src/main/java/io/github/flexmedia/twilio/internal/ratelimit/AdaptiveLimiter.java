package io.github.flexmedia.twilio.internal.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Paces TaskRouter requests to a rate learned from the answers, for callers that share one
 * account's rate limit (TaskRouter answers 429, error 20429, when it is exceeded: Twilio, "API
 * Rate Limits" and "Error 20429"; no {@code Retry-After} is promised).
 *
 * <p>The control variable is the <em>rate</em> (requests started per second), the thing the
 * account's token bucket limits; concurrency is only a cap. The design follows three pieces of
 * the congestion-control literature:
 *
 * <ul>
 *   <li><b>Token-bucket pacing</b> (the leaky-bucket / GCRA scheduler): each permit is given the
 *       next free slot, {@code 1/rate} after the previous one, so requests leave evenly spaced
 *       instead of in bursts; one waiter sleeps until the slot and the others queue behind it,
 *       so a waiting pool does not wake as a herd.
 *   <li><b>Slow start, then a multiplicative decrease</b> (Jacobson 1988; Chiu and Jain 1989):
 *       the rate starts at {@value #INITIAL_RATE}/s and grows by one request/s per answered
 *       request until the first 429 (doubling about every 0.7 s); that 429 sets it to {@value
 *       #FIRST_BACKOFF} of the success rate measured over the last second (the slow start's pace
 *       overshoots it). Afterwards each 429 multiplies the rate by {@value #BACKOFF}.
 *   <li><b>A gentle, binomial increase</b> (Bansal and Balakrishnan 2001, with k = l = 1): the
 *       rate grows by about {@code c/rate} request/s per second, {@code c} = {@value #PROBE}
 *       right after a 429 and growing linearly with the time since it (doubling after {@value
 *       #PROBE_DOUBLING_SECONDS} s), in the spirit of BBR's bandwidth probing and CUBIC's convex
 *       region. Near a limit just found it probes rarely (each probe that finds it costs a
 *       pause); a raised limit is found in minutes; and an instance with a smaller share of a
 *       fleet's limit grows faster than a larger one, which, with the decrease that hits a larger
 *       sender more often, converges to fair shares. Only requests that had to wait for their slot
 *       raise the rate (congestion-window validation, RFC 7661): an idle or lightly used limiter
 *       does not drift upward.
 * </ul>
 *
 * <p>A 429 pauses every caller of the limiter: for its {@code Retry-After} when the answer has one
 * (a later, longer one extends the pause), for {@link #DEFAULT_PAUSE} when it has none; at most
 * for the configured longest pause. Only the first 429 among requests started before the last
 * decrease lowers the rate: one burst of 429s is one decrease.
 *
 * <p>Thread-safe. The clock is injectable; {@link #tryAcquire()} never blocks.
 */
public final class AdaptiveLimiter {
  /** The pause after a 429 that carried no {@code Retry-After}. */
  public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

  static final double INITIAL_RATE = 10;
  static final double FIRST_BACKOFF = 0.85;
  static final double BACKOFF = 0.97;
  static final double PROBE = 1.5;
  static final long PROBE_DOUBLING_SECONDS = 30;
  static final double MIN_RATE = 0.5;
  static final double MAX_RATE = 100_000;

  private static final long SECOND = 1_000_000_000L;
  private static final long CATCH_UP_NANOS = 100_000_000L;
  private static final int RING = 4096;
  // Far enough to stand for "forever", near enough that adding it to a nanoTime cannot overflow.
  private static final long MAX_PAUSE_NANOS = Long.MAX_VALUE / 4;

  /** Told of every 429 after the limiter reacted to it; called outside the limiter's lock. */
  @FunctionalInterface
  public interface Events {
    /**
     * A request was answered 429.
     *
     * @param requestsPerSecond the pacing rate now
     * @param pause how long every caller pauses from now
     * @param retryAfterSent whether the answer carried a {@code Retry-After}
     */
    void onRateLimited(double requestsPerSecond, Duration pause, boolean retryAfterSent);
  }

  private final int maxConcurrency;
  private final LongSupplier ticker;
  private final long maxPauseNanos;
  private final Events events;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition capacity = lock.newCondition();
  private final Condition slot = lock.newCondition();
  private final Condition turn = lock.newCondition();
  private boolean headTaken;
  private final long[] successTimes = new long[RING];
  private final long created;
  private int ringNext;
  private long successes;
  private long rateLimited;
  private long pauses;
  private int inFlight;
  private double rate = INITIAL_RATE;
  private boolean slowStart = true;
  private long nextSlot;
  private long pausedUntil;
  private boolean decreased;
  private long lastDecrease;

  /** One granted request; give it back through exactly one of the {@code on…} methods. */
  public static final class Permit {
    private final long start;
    private final boolean waited;

    private Permit(long start, boolean waited) {
      this.start = start;
      this.waited = waited;
    }
  }

  /**
   * A limiter.
   *
   * @param maxConcurrency the most requests in flight, at least 1
   * @param nanoTicker a monotonic clock in nanoseconds
   * @param maxPause the longest pause a 429 causes, or {@code null} for no bound
   * @param events told of every 429, or {@code null}
   */
  public AdaptiveLimiter(int maxConcurrency, LongSupplier nanoTicker, Duration maxPause,
      Events events) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException(
          "maxConcurrency must be at least 1 (was " + maxConcurrency + ")");
    }
    this.maxConcurrency = maxConcurrency;
    this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
    this.maxPauseNanos = maxPause == null ? MAX_PAUSE_NANOS : nanos(maxPause);
    this.events = events;
    this.created = ticker.getAsLong();
    this.nextSlot = created;
    this.pausedUntil = created;
  }

  // Duration.toNanos() throws for anything over about 292 years, and a Retry-After too large to
  // represent arrives here as Duration.ofSeconds(Long.MAX_VALUE).
  private static long nanos(Duration d) {
    return d.compareTo(Duration.ofNanos(MAX_PAUSE_NANOS)) >= 0 ? MAX_PAUSE_NANOS : d.toNanos();
  }

  private static long later(long a, long b) {
    return a - b >= 0 ? a : b;
  }

  private long interval() {
    return (long) (SECOND / rate);
  }

  /**
   * Takes a permit now if the pause, the concurrency cap and the pacing allow it.
   *
   * @return the permit, or {@code null} when none is available now
   */
  public Permit tryAcquire() {
    lock.lock();
    try {
      long now = ticker.getAsLong();
      if (inFlight >= maxConcurrency || now - pausedUntil < 0 || now - nextSlot < 0) {
        return null;
      }
      inFlight++;
      grant(now);
      return new Permit(now, false);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for a permit: for room under the concurrency cap, then for the next pacing slot. One
   * waiter at a time (the head) sleeps until the slot; the others wait for their turn, so the
   * pace they get is always the current one (a slot reserved in advance would keep an old pace),
   * and a pause that begins meanwhile is seen when the head wakes.
   *
   * @return the permit
   * @throws InterruptedException if interrupted while waiting (nothing is held then)
   */
  public Permit acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= maxConcurrency) {
        capacity.await();
      }
      inFlight++;
      boolean waited = false;
      boolean head = false;
      try {
        while (true) {
          if (!head && headTaken) {
            waited = true;
            turn.await();
            continue;
          }
          long now = ticker.getAsLong();
          long start = later(later(now, pausedUntil), nextSlot);
          if (start - now <= 0) {
            if (head) {
              headTaken = false;
            }
            turn.signal(); // the next waiter becomes the head
            grant(now);
            return new Permit(now, waited);
          }
          head = true;
          headTaken = true;
          waited = true;
          slot.awaitNanos(start - now);
        }
      } catch (InterruptedException e) {
        if (head) {
          headTaken = false;
          turn.signal();
        }
        release();
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private void grant(long now) {
    // A waiter wakes late on a busy machine; up to CATCH_UP of lateness is made up, so that the
    // pace is the rate on average, but an idle spell earns no burst larger than that.
    nextSlot = later(nextSlot, now - CATCH_UP_NANOS) + interval();
  }

  /**
   * The request was answered, and not with a 429.
   *
   * @param permit its permit
   */
  public void onSuccess(Permit permit) {
    lock.lock();
    try {
      long now = ticker.getAsLong();
      release();
      successes++;
      successTimes[ringNext] = now;
      ringNext = (ringNext + 1) % RING;
      if (!permit.waited) {
        return; // the caller did not wait for the pace: it says nothing about a higher rate
      }
      if (slowStart) {
        rate = Math.min(MAX_RATE, rate + 1);
      } else {
        // Per answered request +c/rate², so about +c/rate request/s per second: an instance
        // with a smaller share grows faster, which (with the multiplicative decrease that hits a
        // larger sender more often) pulls a fleet's shares together.
        double quiet = (now - lastDecrease) / (double) SECOND;
        double c = PROBE * (1 + quiet / PROBE_DOUBLING_SECONDS);
        rate = Math.min(MAX_RATE, rate + Math.min(1, c / (rate * rate)));
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The request was answered 429.
   *
   * @param permit its permit
   * @param retryAfter the answer's {@code Retry-After}, or {@code null} when it sent none
   */
  public void onRateLimited(Permit permit, Duration retryAfter) {
    double rateNow;
    long pauseNanos;
    lock.lock();
    try {
      long now = ticker.getAsLong();
      release();
      rateLimited++;
      pauseNanos = Math.min(retryAfter != null ? nanos(retryAfter) : DEFAULT_PAUSE.toNanos(),
          maxPauseNanos);
      long until = now + pauseNanos;
      if (until - pausedUntil > 0) {
        pausedUntil = until;
        pauses++;
      }
      pauseNanos = pausedUntil - now;
      nextSlot = later(nextSlot, pausedUntil);
      if (!decreased || permit.start - lastDecrease > 0) {
        decreased = true;
        lastDecrease = now;
        double measured = measuredRate(now);
        if (slowStart) {
          slowStart = false;
          rate = Math.max(MIN_RATE, FIRST_BACKOFF * Math.min(rate, measured));
        } else {
          rate = Math.max(MIN_RATE, BACKOFF * rate);
        }
      }
      rateNow = rate;
    } finally {
      lock.unlock();
    }
    if (events != null) {
      events.onRateLimited(rateNow, Duration.ofNanos(pauseNanos), retryAfter != null);
    }
  }

  /**
   * The request failed otherwise (no answer, a 5xx, refused before it was sent): no signal.
   *
   * @param permit its permit
   */
  public void onIgnored(Permit permit) {
    lock.lock();
    try {
      release();
    } finally {
      lock.unlock();
    }
  }

  private void release() {
    inFlight--;
    capacity.signal();
  }

  /** Successes per second over the last second (shorter if the limiter is younger); +inf if none. */
  private double measuredRate(long now) {
    long from = later(now - SECOND, created);
    long span = now - from;
    int count = 0;
    int known = (int) Math.min(RING, successes);
    for (int i = 0; i < known; i++) {
      if (successTimes[i] - from >= 0) {
        count++;
      }
    }
    return span < SECOND / 10 || count == 0
        ? Double.POSITIVE_INFINITY : count * (double) SECOND / span;
  }

  /**
   * The pacing rate now.
   *
   * @return requests per second
   */
  public double rate() {
    lock.lock();
    try {
      return rate;
    } finally {
      lock.unlock();
    }
  }

  /**
   * How many permits are out.
   *
   * @return requests in flight
   */
  public int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  /**
   * How long every caller still waits because of a 429.
   *
   * @return the pause left, zero when none
   */
  public Duration pauseLeft() {
    lock.lock();
    try {
      long left = pausedUntil - ticker.getAsLong();
      return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    } finally {
      lock.unlock();
    }
  }

  /**
   * How many requests were answered 429.
   *
   * @return the count since the limiter was made
   */
  public long rateLimited() {
    lock.lock();
    try {
      return rateLimited;
    } finally {
      lock.unlock();
    }
  }

  /**
   * How many pauses began or were extended by a 429.
   *
   * @return the count since the limiter was made
   */
  public long pauses() {
    lock.lock();
    try {
      return pauses;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether the limiter is still in slow start (no 429 yet).
   *
   * @return {@code true} before the first 429
   */
  public boolean slowStart() {
    lock.lock();
    try {
      return slowStart;
    } finally {
      lock.unlock();
    }
  }
}
