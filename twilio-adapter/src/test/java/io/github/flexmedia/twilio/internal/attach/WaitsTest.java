package io.github.flexmedia.twilio.internal.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.http.Headers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitsTest {
  private static RetryPolicy policy(double jitter) {
    return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60),
        () -> jitter);
  }

  private static RateLimitedException limited(Duration retryAfter) {
    return new RateLimitedException("429", 20429, retryAfter, null);
  }

  @Test
  void theWaitIsTheLargerOfRetryAfterAndTheJitteredBackoff() {
    // attempt 6: cap 200 ms * 2^5 = 6.4 s; equal jitter at 0.5 -> 4.8 s
    assertThat(Waits.waitBefore(policy(0.5), 6, limited(Duration.ofSeconds(1)))).isEqualTo(Duration.ofMillis(4800));
    assertThat(Waits.waitBefore(policy(0.5), 1, limited(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aFleetToldTheSameRetryAfterDoesNotComeBackInLockstep() {
    Duration a = Waits.waitBefore(policy(0.0), 6, limited(Duration.ofSeconds(3)));
    Duration b = Waits.waitBefore(policy(0.99), 6, limited(Duration.ofSeconds(3)));
    assertThat(a).isNotEqualTo(b);
    assertThat(a).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterBeyondTheCapMeansStopNowAndTheWaitNeverExceedsTheCap() {
    RetryPolicy capped = new RetryPolicy(5, Duration.ofSeconds(8), Duration.ofSeconds(8),
        Duration.ofSeconds(1), () -> 0.9);
    assertThat(Waits.waitBefore(capped, 1, limited(Duration.ofSeconds(2)))).isNull();
    assertThat(Waits.waitBefore(capped, 1, limited(Headers.BEYOND_ANY_CAP))).isNull();
    assertThat(Waits.waitBefore(capped, 1, limited(Duration.ofMillis(500)))).isEqualTo(Duration.ofSeconds(1));
    assertThat(Waits.waitBefore(capped, 1, limited(null))).isEqualTo(Duration.ofMillis(7600));
  }

  @Test
  void a503RetryAfterCountsLikeA429s() {
    TaskRouterException unavailable =
        new TaskRouterException("503", 503, 0, Duration.ofSeconds(2), null);
    assertThat(Waits.waitBefore(policy(0.5), 1, unavailable)).isEqualTo(Duration.ofSeconds(2));
    assertThat(TaskRouterException.gaveUp(unavailable, 2).retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void conflictsUseFullJitter() {
    assertThat(Waits.waitBefore(policy(0.0), 1, new TaskConflictException("412", 0, null))).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, () -> 0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO, () -> 0))
        .hasMessageContaining("backoff");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1), () -> 0))
        .hasMessageContaining("maxRetryAfter");
  }

  @Test
  void theDefaultsAreFiveAttemptsFrom200MsTo10SAndRetryAfterUpTo60S() {
    RetryPolicy base = RetryPolicy.defaults();

    assertThat(base.maxAttempts()).isEqualTo(5);
    assertThat(base.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(base.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(base.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    double r = base.jitter().getAsDouble();
    assertThat(r).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
  }
}
