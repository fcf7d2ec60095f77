package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter on a hand-moved clock: no test here waits. */
class AdaptiveLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }

  private AdaptiveLimiter limiter(int max) {
    return new AdaptiveLimiter(max, now::get);
  }

  /** Takes every permit available now. */
  private static List<AdaptiveLimiter.Permit> drain(AdaptiveLimiter l) {
    List<AdaptiveLimiter.Permit> permits = new ArrayList<>();
    for (AdaptiveLimiter.Permit p = l.tryAcquire(); p != null; p = l.tryAcquire()) {
      permits.add(p);
    }
    return permits;
  }

  @Test
  void startsAtFourInFlightOrTheMaximumIfLower() {
    assertThat(drain(limiter(64))).hasSize(4);
    assertThat(drain(limiter(2))).hasSize(2);
  }

  @Test
  void successesGrowTheLimitByAboutOneARoundUpToTheMaximum() {
    AdaptiveLimiter l = limiter(10);
    for (int i = 0; i < 4; i++) {
      l.onSuccess(l.tryAcquire());
    }
    assertThat(l.limit()).isGreaterThan(4.9).isLessThan(5.0);
    for (int i = 0; i < 1000; i++) {
      l.onSuccess(l.tryAcquire());
    }
    assertThat(l.limit()).isEqualTo(10.0);
    assertThat(drain(l)).hasSize(10);
  }

  @Test
  void a429HalvesTheLimitOncePerBurst() {
    AdaptiveLimiter l = limiter(64);
    for (int i = 0; i < 100; i++) {
      l.onSuccess(l.tryAcquire());
    }
    List<AdaptiveLimiter.Permit> inFlight = drain(l);
    double before = l.limit();
    assertThat(inFlight).hasSize((int) before);
    l.onRateLimited(inFlight.get(0), null);
    assertThat(l.limit()).isEqualTo(before / 2);
    // the other requests of the same burst were sent before the decrease: no second halving
    l.onRateLimited(inFlight.get(1), null);
    l.onRateLimited(inFlight.get(2), null);
    assertThat(l.limit()).isEqualTo(before / 2);
    // a 429 for a request sent after the decrease halves again, never below 1
    for (int i = 3; i < inFlight.size(); i++) {
      l.onIgnored(inFlight.get(i));
    }
    advanceMillis(1);
    AdaptiveLimiter.Permit later = l.tryAcquire();
    l.onRateLimited(later, null);
    assertThat(l.limit()).isEqualTo(before / 4);
    for (int i = 0; i < 10; i++) {
      advanceMillis(1);
      l.onRateLimited(l.tryAcquire(), null);
    }
    assertThat(l.limit()).isEqualTo(1.0);
  }

  @Test
  void aRetryAfterPausesEveryCallerUntilItHasPassed() {
    AdaptiveLimiter l = limiter(8);
    AdaptiveLimiter.Permit a = l.tryAcquire();
    AdaptiveLimiter.Permit b = l.tryAcquire();
    l.onRateLimited(a, Duration.ofSeconds(2));
    assertThat(l.pauseLeft()).isEqualTo(Duration.ofSeconds(2));
    assertThat(l.tryAcquire()).as("another caller during the pause").isNull();
    l.onSuccess(b); // a release during the pause does not lift it
    assertThat(l.tryAcquire()).isNull();
    advanceMillis(1999);
    assertThat(l.tryAcquire()).isNull();
    advanceMillis(1);
    assertThat(l.pauseLeft()).isZero();
    assertThat(l.tryAcquire()).isNotNull();
  }

  @Test
  void aRetryAfterTooLargeToRepresentPausesNoLongerThanTheCap() {
    AdaptiveLimiter l = new AdaptiveLimiter(8, now::get, Duration.ofSeconds(1));
    l.onRateLimited(l.tryAcquire(), Duration.ofSeconds(Long.MAX_VALUE)); // Headers' "beyond any cap"
    assertThat(l.pauseLeft()).isEqualTo(Duration.ofSeconds(1));
    advanceMillis(1000);
    assertThat(l.tryAcquire()).isNotNull();

    AdaptiveLimiter unbounded = limiter(8);
    unbounded.onRateLimited(unbounded.tryAcquire(), Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(unbounded.pauseLeft()).isGreaterThan(Duration.ofDays(365 * 50));
  }

  @Test
  void a429WithoutRetryAfterPausesNobody() {
    AdaptiveLimiter l = limiter(8);
    l.onRateLimited(l.tryAcquire(), null);
    assertThat(l.pauseLeft()).isZero();
    assertThat(l.tryAcquire()).isNotNull();
  }

  @Test
  void a429PacesRequestsToNinetyPercentOfTheSuccessRateJustMeasured() {
    AdaptiveLimiter l = limiter(64);
    assertThat(l.rate()).isInfinite();
    // 100 successes a second for one second: 10 ms apart
    for (int i = 0; i < 100; i++) {
      advanceMillis(10);
      l.onSuccess(l.tryAcquire());
    }
    l.onRateLimited(l.tryAcquire(), null);
    assertThat(l.rate()).isCloseTo(90.0, org.assertj.core.data.Offset.offset(1.0));
    // paced: one start every 1/rate seconds, whatever the concurrency limit allows
    AdaptiveLimiter.Permit first = l.tryAcquire();
    assertThat(first).isNotNull();
    assertThat(l.tryAcquire()).isNull();
    advanceMillis(12);
    assertThat(l.tryAcquire()).isNotNull();
  }

  @Test
  void slowAnswersDoNotRaiseTheLimit() {
    AdaptiveLimiter l = limiter(8);
    AdaptiveLimiter.Permit p = l.tryAcquire();
    advanceMillis(20);
    l.onSuccess(p); // the fastest seen: 20 ms
    double before = l.limit();
    p = l.tryAcquire();
    advanceMillis(100);
    l.onSuccess(p);
    assertThat(l.limit()).isEqualTo(before);
    p = l.tryAcquire();
    advanceMillis(30);
    l.onSuccess(p);
    assertThat(l.limit()).isGreaterThan(before);
  }

  @Test
  void afterTheSecond429TheRateGrowsSlowlyAndFasterTheLongerItWasQuiet() {
    AdaptiveLimiter l = limiter(64);
    for (int i = 0; i < 100; i++) {
      advanceMillis(10);
      l.onSuccess(l.tryAcquire());
    }
    l.onRateLimited(l.tryAcquire(), null); // provisional: 90 a second
    advanceMillis(20);
    AdaptiveLimiter.Permit p = l.tryAcquire();
    l.onSuccess(p);
    assertThat(l.rate()).isCloseTo(90.2, org.assertj.core.data.Offset.offset(0.01));
    for (int i = 0; i < 100; i++) {
      advanceMillis(12);
      l.onSuccess(l.tryAcquire());
    }
    advanceMillis(12);
    l.onRateLimited(l.tryAcquire(), null);
    double settled = l.rate();
    advanceMillis(12);
    l.onSuccess(l.tryAcquire());
    double soon = l.rate() - settled;
    advanceMillis(20_000);
    double before = l.rate();
    l.onSuccess(l.tryAcquire());
    double later = l.rate() - before;
    assertThat(soon).isCloseTo(0.001, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(later).isCloseTo(0.021, org.assertj.core.data.Offset.offset(0.0001));
  }

  @Test
  void refusesAMaximumBelowOne() {
    assertThatThrownBy(() -> limiter(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be at least 1 (was 0)");
  }

  @Test
  void theClientReportsEachAnswerAndReleasesItsPermit() {
    AdaptiveLimiter l = limiter(1);
    List<RuntimeException> answers = new ArrayList<>(List.of(
        new RateLimitedException("limited", 20429, Duration.ofSeconds(1), null),
        new TaskRouterException("gone", 404, 20404, null),
        new TaskRouterException("down", 503, 20500, null)));
    TaskRouterClient failing = new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String w, String t) {
        throw answers.remove(0);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String w, String t, String json, String ifMatch) {
        throw answers.remove(0);
      }

      @Override
      public TaskSnapshot createTask(String w, String wf, String json) {
        throw answers.remove(0);
      }
    };
    LimitedTaskRouterClient client = new LimitedTaskRouterClient(failing, l);
    assertThat(client.limiter()).isSameAs(l);
    assertThatThrownBy(() -> client.fetchTask("WS", "WT")).isInstanceOf(RateLimitedException.class);
    assertThat(l.pauseLeft()).isEqualTo(Duration.ofSeconds(1));
    assertThat(l.inFlight()).isZero();
    advanceMillis(1000);
    assertThatThrownBy(() -> client.updateTaskAttributes("WS", "WT", "{}", null))
        .isInstanceOf(TaskRouterException.class);
    assertThatThrownBy(() -> client.createTask("WS", "WW", "{}"))
        .isInstanceOf(TaskRouterException.class);
    assertThat(l.inFlight()).isZero();
  }

  @Test
  void aCallerInterruptedWhileWaitingForAPermitGetsAnAttachInterruptedException() {
    AdaptiveLimiter l = limiter(1);
    l.tryAcquire(); // the only permit, never returned
    LimitedTaskRouterClient client = new LimitedTaskRouterClient(new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String w, String t) {
        throw new AssertionError("must not be called");
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String w, String t, String json, String ifMatch) {
        throw new AssertionError("must not be called");
      }

      @Override
      public TaskSnapshot createTask(String w, String wf, String json) {
        throw new AssertionError("must not be called");
      }
    }, l);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> client.fetchTask("WS", "WT"))
          .isInstanceOf(AttachInterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
