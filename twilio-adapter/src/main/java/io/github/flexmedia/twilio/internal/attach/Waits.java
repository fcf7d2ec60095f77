package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Duration;
import java.util.Optional;

/** What a {@link RetryPolicy} means in waits: the backoff and {@code Retry-After} arithmetic. */
public final class Waits {
  private Waits() {}

  /**
   * The wait before the attempt after {@code attempt} failed with {@code e}, or {@code null} when
   * the server asked for longer than {@link RetryPolicy#maxRetryAfter()}: then the call must end at once.
   *
   * <p>With a {@code Retry-After}, the wait is the larger of it and the jittered backoff (so that
   * a fleet told the same value does not come back in lockstep), and at most {@code
   * maxRetryAfter}.
   *
   * @param policy the policy
   * @param attempt the attempt that failed, from 1
   * @param e its failure
   * @return the wait, or {@code null} to give up at once
   */
  public static Duration waitBefore(RetryPolicy policy, int attempt, TaskRouterException e) {
    Duration backoff = backoff(policy, attempt, e instanceof TaskConflictException);
    Optional<Duration> asked = e.retryAfter();
    if (asked.isEmpty()) {
      return backoff;
    }
    if (asked.get().compareTo(policy.maxRetryAfter()) > 0) {
      return null;
    }
    Duration longer = backoff.compareTo(asked.get()) > 0 ? backoff : asked.get();
    return longer.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : longer;
  }

  private static Duration backoff(RetryPolicy policy, int attempt, boolean conflict) {
    long cap = policy.initialBackoff().toNanos() << Math.min(attempt - 1, 30);
    if (cap <= 0 || cap > policy.maxBackoff().toNanos()) {
      cap = policy.maxBackoff().toNanos();
    }
    double r = policy.jitter().getAsDouble();
    // Conflicts: full jitter, so that the writers that collided spread out at once.
    // Rate limits and failures: equal jitter, so that every wait is at least half the cap.
    long nanos = conflict ? (long) (cap * r) : cap / 2 + (long) (cap / 2 * r);
    return Duration.ofNanos(nanos);
  }
}
