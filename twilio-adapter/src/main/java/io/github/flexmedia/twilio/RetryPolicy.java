package io.github.flexmedia.twilio;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long {@link MediaAttacher} tries again: one immutable policy for attach and
 * create. Build one from {@link #defaults()} and share it between attachers:
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.defaults().withMaxAttempts(16)
 *     .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
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
        Duration.ofSeconds(60), () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * This policy with another attempt limit.
   *
   * @param maxAttempts attempts per call, at least 1
   * @return a new policy
   */
  public RetryPolicy withMaxAttempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, jitter);
  }

  /**
   * This policy with another exponential backoff.
   *
   * @param initial the first wait's cap
   * @param max the cap of every wait, at least {@code initial}
   * @return a new policy
   */
  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, maxRetryAfter, jitter);
  }

  /**
   * This policy with another longest honoured {@code Retry-After}.
   *
   * @param maxRetryAfter the longest wait honoured, not negative
   * @return a new policy
   */
  public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, jitter);
  }

  /**
   * This policy with another source of jitter (tests inject a fixed one).
   *
   * @param jitter values in [0, 1)
   * @return a new policy
   */
  public RetryPolicy withJitter(DoubleSupplier jitter) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, jitter);
  }

  /**
   * The wait before the attempt after {@code attempt} failed with {@code e}, or {@code null} when
   * the server asked for longer than {@link #maxRetryAfter()}: then the call must end at once.
   *
   * <p>With a {@code Retry-After}, the wait is the larger of it and the jittered backoff (so that
   * a fleet told the same value does not come back in lockstep), and at most {@code
   * maxRetryAfter}.
   */
  Duration waitBefore(int attempt, TaskRouterException e) {
    Duration backoff = backoff(attempt, e instanceof TaskConflictException);
    Optional<Duration> asked = e.retryAfter();
    if (asked.isEmpty()) {
      return backoff;
    }
    if (asked.get().compareTo(maxRetryAfter) > 0) {
      return null;
    }
    Duration longer = backoff.compareTo(asked.get()) > 0 ? backoff : asked.get();
    return longer.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : longer;
  }

  private Duration backoff(int attempt, boolean conflict) {
    long cap = initialBackoff.toNanos() << Math.min(attempt - 1, 30);
    if (cap <= 0 || cap > maxBackoff.toNanos()) {
      cap = maxBackoff.toNanos();
    }
    double r = jitter.getAsDouble();
    // Conflicts: full jitter, so that the writers that collided spread out at once.
    // Rate limits and failures: equal jitter, so that every wait is at least half the cap.
    long nanos = conflict ? (long) (cap * r) : cap / 2 + (long) (cap / 2 * r);
    return Duration.ofNanos(nanos);
  }
}
