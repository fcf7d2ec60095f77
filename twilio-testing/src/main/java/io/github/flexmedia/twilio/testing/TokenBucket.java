package io.github.flexmedia.twilio.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A request rate limit: a bucket of {@code burst} tokens refilled at {@code requestsPerSecond}; a
 * request that finds it empty is answered 429 with Twilio error 20429 (Twilio, "TaskRouter API
 * rate limits" and error 20429 "Too Many Requests": per-endpoint limits answered 429/20429). By
 * default it also sends a {@code Retry-After} of the whole seconds until the next token (HTTP's
 * {@code delta-seconds} has no fractions, so the least is 1); Twilio does not promise that header,
 * so {@link #withoutRetryAfter()} answers without it. Refused requests take no token. The bucket
 * is a model, not Twilio's algorithm, which is not published.
 *
 * <pre>{@code
 * router.rateLimit(TokenBucket.of(50, 10));   // 50 requests/s, bursts of 10
 * }</pre>
 *
 * <p>Thread-safe. The clock is injectable, so that tests of code under a rate limit are
 * deterministic.
 */
public final class TokenBucket {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double requestsPerSecond;
  private final int burst;
  private final LongSupplier nanoTicker;
  private final boolean sendsRetryAfter;
  private double tokens;
  private long last;
  private long taken;
  private long refused;

  private TokenBucket(double requestsPerSecond, int burst, LongSupplier nanoTicker) {
    this(requestsPerSecond, burst, nanoTicker, true);
  }

  private TokenBucket(
      double requestsPerSecond, int burst, LongSupplier nanoTicker, boolean sendsRetryAfter) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be positive and finite (was " + requestsPerSecond + ")");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1 (was " + burst + ")");
    }
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
    this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
    this.sendsRetryAfter = sendsRetryAfter;
    this.tokens = burst;
    this.last = nanoTicker.getAsLong();
  }

  /**
   * A full bucket with the same rate, burst and clock whose 429s carry no {@code Retry-After}.
   *
   * @return the new bucket
   */
  public TokenBucket withoutRetryAfter() {
    return new TokenBucket(requestsPerSecond, burst, nanoTicker, false);
  }

  /**
   * Whether a refused request is answered with a {@code Retry-After}.
   *
   * @return {@code true} unless made by {@link #withoutRetryAfter()}
   */
  public boolean sendsRetryAfter() {
    return sendsRetryAfter;
  }

  /**
   * A full bucket on the system's monotonic clock.
   *
   * @param requestsPerSecond the refill rate, positive
   * @param burst the bucket's size, at least 1
   * @return the bucket
   */
  public static TokenBucket of(double requestsPerSecond, int burst) {
    return new TokenBucket(requestsPerSecond, burst, System::nanoTime);
  }

  /**
   * A full bucket on the given clock.
   *
   * @param requestsPerSecond the refill rate, positive
   * @param burst the bucket's size, at least 1
   * @param nanoTicker a monotonic clock in nanoseconds, like {@link System#nanoTime()}
   * @return the bucket
   */
  public static TokenBucket of(double requestsPerSecond, int burst, LongSupplier nanoTicker) {
    return new TokenBucket(requestsPerSecond, burst, nanoTicker);
  }

  /**
   * Takes a token if there is one.
   *
   * @return empty when a token was taken; otherwise the {@code Retry-After} to answer: the time
   *     until the next token, rounded up to whole seconds
   */
  public synchronized Optional<Duration> tryTake() {
    long now = nanoTicker.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * requestsPerSecond / NANOS_PER_SECOND);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      taken++;
      return Optional.empty();
    }
    refused++;
    double seconds = (1 - tokens) / requestsPerSecond;
    return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds))));
  }

  /**
   * How many requests got a token.
   *
   * @return how many requests got a token
   */
  public synchronized long taken() {
    return taken;
  }

  /**
   * How many requests were refused (answered 429).
   *
   * @return how many requests were refused
   */
  public synchronized long refused() {
    return refused;
  }

  /**
   * The refill rate.
   *
   * @return requests per second
   */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  /**
   * The bucket's size.
   *
   * @return the most requests allowed at once after a quiet period
   */
  public int burst() {
    return burst;
  }

  @Override
  public String toString() {
    return "TokenBucket[" + requestsPerSecond + "/s, burst " + burst + "]";
  }
}
