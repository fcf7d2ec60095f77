package io.github.flexmedia.twilio.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The limiter on a hand-moved clock. Waits are forced (a caller blocked at the cap, a caller
 * waiting for its slot on a clock that steps on every read); no test asserts a timing.
 */
@Timeout(30)
class AdaptiveLimiterTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong now = new AtomicLong(1_000 * MS);
  private final List<String> events = new ArrayList<>();

  private void advanceMillis(long ms) {
    now.addAndGet(ms * MS);
  }

  private AdaptiveLimiter limiter(int max) {
    return new AdaptiveLimiter(max, now::get, null,
        (rate, pause, sent) -> events.add(String.format("%.3f %s %s", rate, pause, sent)));
  }

  /** A clock that moves 10 ms every time it is read: a caller waiting for its slot gets it. */
  private AdaptiveLimiter steppingLimiter(int max) {
    return new AdaptiveLimiter(max, () -> now.addAndGet(10 * MS), null, null);
  }

  @Test
  void pacesAtTenRequestsASecondBeforeAnythingIsKnown() {
    AdaptiveLimiter l = limiter(64);
    assertThat(l.tryAcquire()).isNotNull();
    assertThat(l.tryAcquire()).isNull();      // the next slot is 100 ms later
    advanceMillis(99);
    assertThat(l.tryAcquire()).isNull();
    advanceMillis(1);
    assertThat(l.tryAcquire()).isNotNull();
    assertThat(l.rate()).isEqualTo(AdaptiveLimiter.INITIAL_RATE);
    assertThat(l.slowStart()).isTrue();
  }

  @Test
  void aLateWaiterIsMadeUpForButAnIdleSpellEarnsNoBurst() {
    AdaptiveLimiter l = limiter(64);
    l.tryAcquire();
    advanceMillis(150);            // 50 ms late for the slot at 100 ms
    assertThat(l.tryAcquire()).isNotNull();
    assertThat(l.tryAcquire()).isNull();  // the next slot is at 200 ms, not 250
    advanceMillis(50);
    assertThat(l.tryAcquire()).isNotNull();
    advanceMillis(60_000);         // idle for a minute
    int burst = 0;
    while (l.tryAcquire() != null) {
      burst++;
    }
    assertThat(burst).isEqualTo(2); // the slot now, and 100 ms made up at 10/s: one more
  }

  @Test
  void concurrencyIsOnlyACap() {
    AdaptiveLimiter l = limiter(2);
    AdaptiveLimiter.Permit a = l.tryAcquire();
    advanceMillis(100);
    assertThat(l.tryAcquire()).isNotNull();
    advanceMillis(100);
    assertThat(l.tryAcquire()).isNull();      // the pace allows one, the cap does not
    l.onSuccess(a);
    assertThat(l.tryAcquire()).isNotNull();
    assertThat(l.inFlight()).isEqualTo(2);
  }

  @Test
  void aCallerWaitingAtTheCapIsWokenWhenAPermitFrees() throws Exception {
    AdaptiveLimiter l = limiter(1);
    AdaptiveLimiter.Permit held = l.tryAcquire();
    advanceMillis(1_000);
    Thread[] waiter = new Thread[1];
    CompletableFuture<AdaptiveLimiter.Permit> next = CompletableFuture.supplyAsync(() -> {
      waiter[0] = Thread.currentThread();
      try {
        return l.acquire();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    while (waiter[0] == null || waiter[0].getState() != Thread.State.WAITING) {
      Thread.onSpinWait(); // parked on the cap, not on the clock (no timed wait)
    }
    assertThat(next).isNotDone();
    l.onSuccess(held);
    assertThat(next.get(20, TimeUnit.SECONDS)).isNotNull();
    assertThat(l.inFlight()).isEqualTo(1);
  }

  @Test
  void aCallerWaitsForItsPacingSlotAndOnlyWaitedForSuccessesRaiseTheRate() throws Exception {
    AdaptiveLimiter l = steppingLimiter(64);
    AdaptiveLimiter.Permit first = l.acquire();   // free: the first slot is now
    AdaptiveLimiter.Permit second = l.acquire();  // 100 ms later: waited for
    l.onSuccess(first);
    assertThat(l.rate()).isEqualTo(AdaptiveLimiter.INITIAL_RATE);
    l.onSuccess(second);
    assertThat(l.rate()).isEqualTo(AdaptiveLimiter.INITIAL_RATE + 1); // slow start: +1 a success
  }

  @Test
  void anInterruptedWaiterGivesItsPlaceBack() {
    AdaptiveLimiter l = limiter(1);
    l.tryAcquire();
    Thread.currentThread().interrupt();
    assertThatThrownBy(l::acquire).isInstanceOf(InterruptedException.class);
    assertThat(l.inFlight()).isEqualTo(1);
    AdaptiveLimiter paced = limiter(4);
    paced.tryAcquire();
    Thread.currentThread().interrupt();   // now waiting for the pace, not the cap
    assertThatThrownBy(paced::acquire).isInstanceOf(InterruptedException.class);
    assertThat(paced.inFlight()).isEqualTo(1);
  }

  @Test
  void retryAfterOneSecondThenFiveSecondsHonoursTheLongerPause() {
    AdaptiveLimiter l = limiter(8);
    AdaptiveLimiter.Permit a = l.tryAcquire();
    advanceMillis(100);
    AdaptiveLimiter.Permit b = l.tryAcquire();
    l.onRateLimited(a, Duration.ofSeconds(1));
    l.onRateLimited(b, Duration.ofSeconds(5));
    assertThat(l.pauseLeft()).isEqualTo(Duration.ofSeconds(5));
    advanceMillis(1_000);
    assertThat(l.tryAcquire()).isNull();
    assertThat(l.pauseLeft()).isEqualTo(Duration.ofSeconds(4));
    advanceMillis(4_000);
    assertThat(l.tryAcquire()).isNotNull();
    assertThat(l.pauses()).isEqualTo(2);
    assertThat(l.rateLimited()).isEqualTo(2);
  }

  @Test
  void aShorterRetryAfterDoesNotShortenAPause() {
    AdaptiveLimiter l = limiter(8);
    AdaptiveLimiter.Permit a = l.tryAcquire();
    advanceMillis(100);
    AdaptiveLimiter.Permit b = l.tryAcquire();
    l.onRateLimited(a, Duration.ofSeconds(5));
    l.onRateLimited(b, Duration.ofSeconds(1));
    assertThat(l.pauseLeft()).isEqualTo(Duration.ofSeconds(5));
    assertThat(l.pauses()).isEqualTo(1);
  }

  @Test
  void without_a_retry_after_the_pause_is_one_second() {
    AdaptiveLimiter l = limiter(8);
    l.onRateLimited(l.tryAcquire(), null);
    assertThat(l.pauseLeft()).isEqualTo(AdaptiveLimiter.DEFAULT_PAUSE);
    advanceMillis(999);
    assertThat(l.tryAcquire()).isNull();
    advanceMillis(1);
    assertThat(l.tryAcquire()).isNotNull();
    assertThat(events).containsExactly("8.500 PT1S false");
  }

  @Test
  void pausesAreCappedAndAHugeRetryAfterDoesNotOverflow() {
    AdaptiveLimiter capped = new AdaptiveLimiter(8, now::get, Duration.ofSeconds(2), null);
    capped.onRateLimited(capped.tryAcquire(), Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(capped.pauseLeft()).isEqualTo(Duration.ofSeconds(2));
    AdaptiveLimiter unbounded = limiter(8);
    unbounded.onRateLimited(unbounded.tryAcquire(), Duration.ofSeconds(Long.MAX_VALUE));
    assertThat(unbounded.pauseLeft()).isGreaterThan(Duration.ofDays(365 * 50));
  }

  @Test
  void theFirst429EndsSlowStartAtAShareOfTheRateMeasuredOverTheLastSecond() {
    AdaptiveLimiter l = limiter(64);
    // Five answers in the last second, the pace allowing ten: the account admits about five.
    for (int i = 0; i < 5; i++) {
      l.onSuccess(l.tryAcquire());
      advanceMillis(200);
    }
    l.onRateLimited(l.tryAcquire(), Duration.ofSeconds(1));
    assertThat(l.slowStart()).isFalse();
    assertThat(l.rate()).isCloseTo(AdaptiveLimiter.FIRST_BACKOFF * 5, within(1e-9));
  }

  @Test
  void withoutAMeasurementTheFirst429CutsThePaceItself() {
    AdaptiveLimiter l = limiter(64);
    l.onRateLimited(l.tryAcquire(), Duration.ofSeconds(1));
    assertThat(l.rate()).isCloseTo(AdaptiveLimiter.FIRST_BACKOFF * 10, within(1e-9));
  }

  @Test
  void laterDecreasesAreMultiplicativeAndOneBurstOf429sIsOneDecrease() {
    AdaptiveLimiter l = limiter(64);
    l.onRateLimited(l.tryAcquire(), Duration.ofSeconds(1));
    double afterFirst = l.rate();
    advanceMillis(1_000);
    AdaptiveLimiter.Permit a = l.tryAcquire();
    advanceMillis(1_000);
    AdaptiveLimiter.Permit b = l.tryAcquire();
    l.onRateLimited(b, Duration.ofSeconds(1));
    double afterSecond = l.rate();
    assertThat(afterSecond).isCloseTo(afterFirst * AdaptiveLimiter.BACKOFF, within(1e-9));
    l.onRateLimited(a, Duration.ofSeconds(1)); // sent before that decrease: same burst
    assertThat(l.rate()).isEqualTo(afterSecond);
    assertThat(l.rateLimited()).isEqualTo(3);
  }

  @Test
  void theRateNeverFallsBelowTheMinimum() {
    AdaptiveLimiter l = limiter(64);
    for (int i = 0; i < 200; i++) {
      advanceMillis(10_000);
      l.onRateLimited(l.tryAcquire(), Duration.ofSeconds(1));
    }
    assertThat(l.rate()).isEqualTo(AdaptiveLimiter.MIN_RATE);
  }

  @Test
  void afterSlowStartTheProbeIsBinomialAndGrowsWithTheQuietTime() throws Exception {
    // Pauses of at most 100 ms, so that waiting for one on the stepping clock is short.
    AdaptiveLimiter l = new AdaptiveLimiter(64, () -> now.addAndGet(10 * MS),
        Duration.ofMillis(100), null);
    l.onRateLimited(l.acquire(), null);   // slow start ends at 8.5/s
    double r0 = l.rate();
    AdaptiveLimiter.Permit p = l.acquire(); // waited for the pause: rate-bound
    l.onSuccess(p);
    double grown = l.rate() - r0;
    // +c / rate² per success (about +c/rate per second), c = PROBE × (1 + quiet/30 s), with
    // well under a second of quiet
    assertThat(grown).isGreaterThan(AdaptiveLimiter.PROBE / (r0 * r0))
        .isLessThan(2 * AdaptiveLimiter.PROBE / (r0 * r0));
    // Five minutes without a 429: the same rate-bound success raises the rate by more.
    now.addAndGet(300_000 * MS);
    double later = 0;
    for (int i = 0; i < 5 && later == 0; i++) {   // the first slots are free (made-up lateness)
      AdaptiveLimiter.Permit q = l.acquire();
      double before = l.rate();
      l.onSuccess(q);
      later = l.rate() - before;                    // grows only once a caller had to wait
    }
    assertThat(later).isGreaterThan(5 * grown);
  }

  @Test
  void aCallerThatDidNotWaitForThePaceDoesNotRaiseTheRate() {
    AdaptiveLimiter l = limiter(64);
    l.onRateLimited(l.tryAcquire(), null);
    double r0 = l.rate();
    advanceMillis(60_000);
    l.onSuccess(l.tryAcquire());
    assertThat(l.rate()).isEqualTo(r0);
  }

  @Test
  void refusesACapBelowOne() {
    assertThatThrownBy(() -> limiter(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrency must be at least 1 (was 0)");
  }
}
