package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.RecordedCall;
import io.github.flexmedia.twilio.testing.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared rate limiter, wired into attachAll, the event queue and several attachers. */
@Timeout(60)
class RateLimiterTest {
  private static final MediaAttributes MEDIA = Sids.ticket();

  private static List<String> seed(InMemoryTaskRouter router, int n) {
    List<String> sids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sids.add(Sids.task(100 + i));
      router.putTask(Sids.WS, Sids.task(100 + i), "{}");
    }
    return sids;
  }

  @Test
  @Tag("slow")
  void attachAllUnderTheLimiterAttachesEveryTaskWithTwoRequestsEach() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    List<String> sids = seed(router, 40);
    RateLimiter limiter = RateLimiter.adaptive(8, RateLimiter.DEFAULT_MAX_PAUSE);
    MediaAttacher attacher = MediaAttacher.builder(router).rateLimiter(limiter).build();

    List<AttachOutcome> outcomes = attacher.attachAll(Sids.WS, sids, MEDIA, 8, AttachListener.NONE);

    assertThat(outcomes).allMatch(AttachOutcome::succeeded);
    assertThat(router.calls()).hasSize(80);
    assertThat(limiter.inFlight()).isZero();
    assertThat(limiter.rate()).isGreaterThan(10); // slow start: the threads waited for the pace
    assertThat(limiter.rateLimitedCount()).isZero();
  }

  @Test
  @Tag("slow")
  void aRateLimitedRequestIsRetriedAfterThePoolWidePauseAndEach429IsLogged() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    List<String> sids = seed(router, 3);
    AtomicLong frozen = new AtomicLong();
    // Two requests allowed, then a 429 (Retry-After 1 s) for every later one until the clock moves.
    router.rateLimit(TokenBucket.of(1, 2, frozen::get));
    List<Duration> slept = new CopyOnWriteArrayList<>();
    RateLimiter limiter = RateLimiter.adaptive(4, RateLimiter.DEFAULT_MAX_PAUSE);
    MediaAttacher attacher = MediaAttacher.builder(router).rateLimiter(limiter)
        .sleeper(d -> {
          slept.add(d);
          frozen.addAndGet(d.toNanos()); // the bucket refills while the caller waits
          Thread.sleep(d.toMillis());
        })
        .retryPolicy(Sids.jitter(0.0)).build();

    List<AttachOutcome> outcomes;
    List<String> heard;
    try (LogCapture log = LogCapture.of(RateLimiter.class)) {
      outcomes = attacher.attachAll(Sids.WS, sids.subList(0, 2), MEDIA, 1, AttachListener.NONE);
      heard = log.lines();
    }

    assertThat(outcomes).allMatch(AttachOutcome::succeeded);
    assertThat(router.calls()).extracting(RecordedCall::status).contains(429);
    assertThat(slept).contains(Duration.ofSeconds(1));
    long refused = router.calls().stream().filter(c -> c.status() == 429).count();
    assertThat(limiter.rateLimitedCount()).isEqualTo(refused);
    assertThat(heard).hasSize((int) refused)
        .allMatch(h -> h.startsWith("FINE 429 (Retry-After sent): pacing ") && h.endsWith(" ms"));
    assertThat(limiter.pauseCount()).isBetween(1L, refused);
  }

  @Test
  void oneLimiterSharedByTwoAttachersCountsTheRequestsOfBoth() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    seed(router, 2);
    AtomicLong frozen = new AtomicLong();
    router.rateLimit(TokenBucket.of(1, 4, frozen::get)); // two attaches, then 429s
    RateLimiter limiter = RateLimiter.adaptive(RateLimiter.DEFAULT_MAX_CONCURRENCY, Duration.ofMillis(1));
    MediaAttacher one = MediaAttacher.builder(router).rateLimiter(limiter).maxAttempts(1).build();
    MediaAttacher two = MediaAttacher.builder(router).rateLimiter(limiter).maxAttempts(1).build();

    one.attach(Sids.WS, Sids.task(100), MEDIA);
    two.attach(Sids.WS, Sids.task(101), MEDIA);
    assertThatThrownBy(() -> one.attach(Sids.WS, Sids.task(100), MEDIA))
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> two.attach(Sids.WS, Sids.task(101), MEDIA))
        .isInstanceOf(RateLimitedException.class);

    assertThat(limiter.rateLimitedCount()).isEqualTo(2);
    assertThat(router.calls()).hasSize(6);
  }

  @Test
  @Tag("slow")
  void theEventQueueWorkersShareOneLimiter() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    List<String> sids = seed(router, 10);
    List<AttachOutcome> outcomes = new CopyOnWriteArrayList<>();
    RateLimiter limiter = RateLimiter.adaptive();
    AttachQueue queue = AttachQueue.builder(MediaAttacher.builder(router).rateLimiter(limiter).build())
        .workers(3).listener(outcomes::add).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    for (String sid : sids) {
      assertThat(queue.offer(PendingAttach.of(Sids.WS, sid, MEDIA, deadline))).isTrue();
    }
    assertThat(queue.shutdown(Duration.ofSeconds(30))).isEmpty();
    assertThat(outcomes).hasSize(10)
        .allMatch(o -> o.status() == AttachOutcome.Status.ATTACHED);
    assertThat(router.calls()).hasSize(20);
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void refusesAMaximumBelowOne() {
    assertThatThrownBy(() -> RateLimiter.adaptive(0, RateLimiter.DEFAULT_MAX_PAUSE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("maxConcurrency must be at least 1 (was 0)");
  }

  @Test
  void theDefaultsAreSixtyFourInFlightAndSixtySecondsOfPause() {
    assertThat(RateLimiter.DEFAULT_MAX_CONCURRENCY).isEqualTo(64);
    assertThat(RateLimiter.DEFAULT_MAX_PAUSE).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> RateLimiter.adaptive(1, Duration.ofMillis(-1)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxPause");
  }
}
