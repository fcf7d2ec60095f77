package io.github.flexmedia.twilio;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long {@link MediaAttacher} tries again: one immutable policy for attach and
 * create, the one place retries are configured ({@link MediaAttacher.Builder#maxAttempts(int)} is
 * the shortcut for its attempt limit). Make one and share it between attachers:
 *
 * <pre>{@code
 * RetryPolicy patient = new RetryPolicy(16, Duration.ofMillis(100), Duration.ofSeconds(5),
 *     Duration.ofSeconds(60), RetryPolicy.randomJitter());
 * MediaAttacher attacher = MediaAttacher.builder(client).retryPolicy(patient).build();
 * }</pre>
 *
 * <p>The n-th retry waits up to {@code initialBackoff × 2^(n-1)}, capped at {@code maxBackoff},
 * with jitter (full jitter after a conflict, equal jitter otherwise); a {@code Retry-After} longer
 * than that wait replaces it, and one longer than {@code maxRetryAfter} ends the call at once.
 *
 * @param maxAttempts attempts per call, at least 1
 * @param initialBackoff the first backoff's cap
 * @param maxBackoff the cap of every backoff
 * @param maxRetryAfter the longest wait honoured; a longer {@code Retry-After} ends the call
 * @param jitter values in [0, 1)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
    Duration maxRetryAfter, DoubleSupplier jitter) {

  /**
   * Checks the bounds.
   *
   * @param maxAttempts attempts per call, at least 1
   * @param initialBackoff the first backoff's cap
   * @param maxBackoff the cap of every backoff, at least {@code initialBackoff}
   * @param maxRetryAfter the longest wait honoured, not negative
   * @param jitter values in [0, 1)
   * @throws ConfigurationException naming the bound a value breaks
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new ConfigurationException("maxAttempts", "must be at least 1",
          "maxAttempts must be at least 1 (was " + maxAttempts + ")");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new ConfigurationException("backoff", "needs 0 <= initial <= max",
          "backoff needs 0 <= initial <= max");
    }
    if (maxRetryAfter.isNegative()) {
      throw new ConfigurationException("maxRetryAfter", "must not be negative");
    }
    Objects.requireNonNull(jitter, "jitter");
  }

  /**
   * The policy a {@link MediaAttacher} has unless told otherwise: 5 attempts, a backoff from 200 ms
   * up to 10 s, {@code Retry-After} honoured up to 60 s, random jitter.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10),
        Duration.ofSeconds(60), randomJitter());
  }

  /**
   * Jitter from {@link ThreadLocalRandom}, what {@link #defaults()} uses; tests pass a fixed
   * supplier instead.
   *
   * @return a source of values in [0, 1)
   */
  public static DoubleSupplier randomJitter() {
    return () -> ThreadLocalRandom.current().nextDouble();
  }
}
