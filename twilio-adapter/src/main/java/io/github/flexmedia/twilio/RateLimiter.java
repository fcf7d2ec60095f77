package io.github.flexmedia.twilio;

import io.github.flexmedia.twilio.internal.ratelimit.AdaptiveLimiter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * One account's request rate, learned from TaskRouter's answers and shared by every request that
 * goes through it: give the same instance to every {@link MediaAttacher} (bulk attaches, the
 * {@link io.github.flexmedia.twilio.events.AttachQueue}'s workers, a store-backed worker pool)
 * that writes against the same account in this process.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.builder()
 *     .listener((rate, pause, retryAfterSent) -> log.info("429: pacing {}/s, pause {}", rate, pause))
 *     .build();
 * MediaAttacher attacher = MediaAttacher.builder(client).rateLimiter(limiter).build();
 * attacher.attachAll(workspaceSid, taskSids, media, 64, BulkProgressListener.NONE);
 * }</pre>
 *
 * <p>It paces <em>requests per second</em>, the quantity TaskRouter limits (429, error 20429:
 * Twilio, "API Rate Limits"), and caps concurrency only as a safety bound. The rate starts at 10/s
 * and doubles about every 0.7 s until the first 429 (slow start); each 429 then lowers it
 * multiplicatively and it climbs back additively, slowly at first and faster the longer no 429
 * came (AIMD with gentle, BBR-like probing; see {@code docs/throughput.md}). A 429 pauses every
 * caller for its {@code Retry-After} — Twilio does not promise one — or for 1 s without one, at
 * most {@link Builder#maxPause(Duration)}. Several processes that each hold a limiter converge to
 * fair shares of the account's limit, as AIMD senders do.
 *
 * <p>Thread-safe; the state getters are for metrics and logs.
 */
public final class RateLimiter {
  private static final System.Logger LOG = System.getLogger(RateLimiter.class.getName());

  private final AdaptiveLimiter limiter;

  private RateLimiter(Builder b) {
    Listener listener = b.listener;
    AdaptiveLimiter.Events events = listener == null ? null : (rate, pause, sent) -> {
      try {
        listener.onRateLimited(rate, pause, sent);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, () -> "rate limiter listener failed: " + e.getClass().getName());
      }
    };
    this.limiter = new AdaptiveLimiter(b.maxConcurrency, System::nanoTime, b.maxPause, events);
  }

  /**
   * A limiter with the defaults: at most 64 requests in flight, pauses of at most 60 s, no
   * listener.
   *
   * @return a new limiter
   */
  public static RateLimiter adaptive() {
    return builder().build();
  }

  /**
   * Starts configuring a limiter.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
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
    return "RateLimiter[" + String.format("%.1f", rate()) + "/s, " + inFlight() + " in flight]";
  }

  /** Told of every 429 the limiter saw, after it reacted; called on the thread that got it. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A request was answered 429.
     *
     * @param requestsPerSecond the pacing rate from now on
     * @param pause how long every caller of the limiter pauses from now
     * @param retryAfterSent whether TaskRouter sent a {@code Retry-After} (otherwise the pause is
     *     the limiter's own, 1 s)
     */
    void onRateLimited(double requestsPerSecond, Duration pause, boolean retryAfterSent);
  }

  /** Configures a {@link RateLimiter}. */
  public static final class Builder {
    private int maxConcurrency = 64;
    private Duration maxPause = Duration.ofSeconds(60);
    private Listener listener;

    private Builder() {}

    /**
     * The most requests in flight at once, a safety cap (the rate is what is controlled); 64 by
     * default. Callers beyond it wait for a request to finish.
     *
     * @param maxConcurrency at least 1
     * @return this builder
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new ConfigurationException("maxConcurrency", "must be at least 1",
            "maxConcurrency must be at least 1 (was " + maxConcurrency + ")");
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * The longest pause a 429 imposes on every caller, whatever its {@code Retry-After}; 60 s by
     * default (the attacher's default {@code maxRetryAfter}, past which an attach gives up anyway).
     *
     * @param maxPause positive
     * @return this builder
     */
    public Builder maxPause(Duration maxPause) {
      if (maxPause.isNegative() || maxPause.isZero()) {
        throw new ConfigurationException("maxPause", "must be positive");
      }
      this.maxPause = maxPause;
      return this;
    }

    /**
     * Told of every 429 with the new rate and the pause; none by default. An exception it throws
     * is logged and ignored.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The limiter.
     *
     * @return a new limiter
     */
    public RateLimiter build() {
      return new RateLimiter(this);
    }
  }
}
