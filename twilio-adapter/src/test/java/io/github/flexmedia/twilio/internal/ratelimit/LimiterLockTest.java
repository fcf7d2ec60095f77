package io.github.flexmedia.twilio.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every reading of the limiter and every report to it gives its lock back: right after each, on
 * this thread, another thread can still take a permit. (A reading that kept the lock would leave
 * every other caller blocked for good.)
 */
@Timeout(60)
class LimiterLockTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void afterEachReadingOrReportAnotherThreadCanStillTakeAPermit() throws Exception {
    AtomicLong now = new AtomicLong(1_000 * SECOND);
    AdaptiveLimiter limiter = new AdaptiveLimiter(64, now::get, Duration.ofMillis(1), null);
    Map<String, Consumer<AdaptiveLimiter>> operations = new LinkedHashMap<>();
    operations.put("rate", AdaptiveLimiter::rate);
    operations.put("inFlight", AdaptiveLimiter::inFlight);
    operations.put("pauseLeft", AdaptiveLimiter::pauseLeft);
    operations.put("rateLimited", AdaptiveLimiter::rateLimited);
    operations.put("pauses", AdaptiveLimiter::pauses);
    operations.put("slowStart", AdaptiveLimiter::slowStart);
    operations.put("onSuccess", l -> l.onSuccess(l.tryAcquire()));
    operations.put("onIgnored", l -> l.onIgnored(l.tryAcquire()));
    operations.put("onRateLimited", l -> l.onRateLimited(l.tryAcquire(), Duration.ofMillis(1)));

    for (Map.Entry<String, Consumer<AdaptiveLimiter>> op : operations.entrySet()) {
      now.addAndGet(10 * SECOND); // past any pause and pacing slot
      op.getValue().accept(limiter);
      now.addAndGet(10 * SECOND); // and past the pause and slot the operation set
      CompletableFuture<AdaptiveLimiter.Permit> other = CompletableFuture.supplyAsync(limiter::tryAcquire);

      assertThat(other.get(20, TimeUnit.SECONDS)).as("a permit after " + op.getKey()).isNotNull();
      limiter.onIgnored(other.get());
    }
  }
}
