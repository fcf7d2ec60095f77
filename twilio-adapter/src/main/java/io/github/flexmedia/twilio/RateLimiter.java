package io.github.flexmedia.twilio;

import io.github.flexmedia.twilio.internal.ratelimit.AdaptiveLimiter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One account's request rate, learned from TaskRouter's answers and shared by every request that
 * goes through it: give the same instance to every {@link MediaAttacher} (bulk attaches, the
 * {@link io.github.flexmedia.twilio.events.AttachQueue}'s workers, a store-backed worker pool)
 * that writes against the same account in this process.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.adaptive();
 * MediaAttacher attacher = MediaAttacher.builder(client).rateLimiter(limiter).build();
 * attacher.attachAll(workspaceSid, taskSids, media, 64, AttachListener.NONE);
 * }</pre>
 *
 * <p>It paces <em>requests per second</em>, the quantity TaskRouter limits (429, error 20429:
 * Twilio, "API Rate Limits"), and caps concurrency only as a safety bound. The rate starts at 10/s
 * and doubles about every 0.7 s until the first 429 (slow start); each 429 then lowers it
 * multiplicatively and it climbs back additively, slowly at first and faster the longer no 429
 * came (AIMD with gentle, BBR-like probing; see {@code docs/throughput.md}). A 429 pauses every
 * caller for its {@code Retry-After} — Twilio does not promise one — or for 1 s without one, at
 * most {@code maxPause}. Several processes that each hold a limiter converge to fair shares of the
 * account's limit, as AIMD senders do.
 *
 * <p>Thread-safe. Its state is read through getters ({@link #rate()}, {@link #pauseLeft()}, {@link
 * #inFlight()}, and the counters {@link #rateLimitedCount()} and {@link #pauseCount()}), which is
 * what metrics need (the Spring starter publishes them); each 429 is also logged at {@code DEBUG}
 * on this class's {@link System.Logger} with the new rate and pause.
 */
public final class RateLimiter {
  private static final System.Logger LOG = System.getLogger(RateLimiter.class.getName());

  /** The default cap on requests in flight. */
  public static final int DEFAULT_MAX_CONCURRENCY = 64;

  /**
   * The default longest pause: the attacher's default {@code maxRetryAfter}, past which an attach
   * gives up anyway.
   */
  public static final Duration DEFAULT_MAX_PAUSE = Duration.ofSeconds(60);

  private final AdaptiveLimiter limiter;

  private RateLimiter(int maxConcurrency, Duration maxPause) {
    this.limiter = new AdaptiveLimiter(maxConcurrency, System::nanoTime, maxPause,
        (rate, pause, retryAfterSent) -> LOG.log(Level.DEBUG, () -> String.format(Locale.ROOT,
            "429 (Retry-After %s): pacing %.1f requests/s, every caller paused for %d ms",
            retryAfterSent ? "sent" : "absent", rate, pause.toMillis())));
  }

  /**
   * A limiter with the defaults: at most {@value #DEFAULT_MAX_CONCURRENCY} requests in flight,
   * pauses of at most 60 s.
   *
   * @return a new limiter
   */
  public static RateLimiter adaptive() {
    return adaptive(DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_PAUSE);
  }

  /**
   * A limiter with its two bounds set.
   *
   * @param maxConcurrency the most requests in flight at once, at least 1: a safety cap (the rate
   *     is what is controlled); callers beyond it wait for a request to finish
   * @param maxPause the longest pause a 429 imposes on every caller, whatever its {@code
   *     Retry-After}; positive
   * @return a new limiter
   * @throws ConfigurationException naming {@code maxConcurrency} or {@code maxPause} when out of
   *     range
   */
  public static RateLimiter adaptive(int maxConcurrency, Duration maxPause) {
    if (maxConcurrency < 1) {
      throw new ConfigurationException("maxConcurrency", "must be at least 1",
          "maxConcurrency must be at least 1 (was " + maxConcurrency + ")");
    }
    Objects.requireNonNull(maxPause, "maxPause");
    if (maxPause.isNegative() || maxPause.isZero()) {
      throw new ConfigurationException("maxPause", "must be positive");
    }
    return new RateLimiter(maxConcurrency, maxPause);
  }

  AdaptiveLimiter limiter() {
    return limiter;
  }

  /**
   * The pacing rate now, the limiter's estimate of what the account admits to this process.
   *
   * @return requests per second
   */
  public double rate() {
    return limiter.rate();
  }

  /**
   * How long every caller still waits because of a 429.
   *
   * @return the pause left, zero when none
   */
  public Duration pauseLeft() {
    return limiter.pauseLeft();
  }

  /**
   * Requests in flight through this limiter.
   *
   * @return the number of requests sent and not yet answered
   */
  public int inFlight() {
    return limiter.inFlight();
  }

  /**
   * Requests answered 429 so far.
   *
   * @return the count since the limiter was built
   */
  public long rateLimitedCount() {
    return limiter.rateLimited();
  }

  /**
   * Pauses begun (or lengthened by a longer {@code Retry-After}) so far.
   *
   * @return the count since the limiter was built
   */
  public long pauseCount() {
    return limiter.pauses();
  }

  @Override
  public String toString() {
    return "RateLimiter[" + String.format(Locale.ROOT, "%.1f", rate()) + "/s, " + inFlight() + " in flight]";
  }
}
