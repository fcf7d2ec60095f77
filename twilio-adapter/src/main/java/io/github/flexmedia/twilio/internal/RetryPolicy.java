package io.github.flexmedia.twilio.internal;

import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt: one immutable policy for attach and create.
 *
 * @param maxAttempts attempts per call, at least 1
 * @param initialBackoff the first backoff's cap
 * @param maxBackoff the cap of every backoff
 * @param maxRetryAfter the longest wait honoured; a longer {@code Retry-After} ends the call
 * @param jitter values in [0, 1)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
    Duration maxRetryAfter, DoubleSupplier jitter) {

  /** Checks the bounds. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
    }
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must not be negative");
    }
    Objects.requireNonNull(jitter, "jitter");
  }

  /**
   * The wait before the attempt after {@code attempt} failed with {@code e}, or {@code null} when
   * the server asked for longer than {@link #maxRetryAfter()}: then the call must end at once.
   *
   * <p>With a {@code Retry-After}, the wait is the larger of it and the jittered backoff (so that
   * a fleet told the same value does not come back in lockstep), and at most {@code
   * maxRetryAfter}.
   */
  public Duration waitBefore(int attempt, TaskRouterException e) {
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
