package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.events.AttachOutcome;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The attacher's shared adaptive limit, wired into attachAll and the event queue. */
@Timeout(60)
class AdaptiveConcurrencyTest {
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
  void attachAllUnderTheAdaptiveLimitAttachesEveryTaskWithTwoRequestsEach() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    List<String> sids = seed(router, 40);
    MediaAttacher attacher = MediaAttacher.builder(router).adaptiveConcurrency(8).build();

    List<TaskOutcome> outcomes = attacher.attachAll(Sids.WS, sids, MEDIA, 8, BulkProgressListener.NONE);

    assertThat(outcomes).allMatch(TaskOutcome::succeeded);
    assertThat(router.calls()).hasSize(80);
  }

  @Test
  void aRateLimitedRequestIsRetriedAfterThePoolWidePause() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    List<String> sids = seed(router, 3);
    AtomicLong frozen = new AtomicLong();
    // Two requests allowed, then a 429 (Retry-After 1 s) for every later one until the clock moves.
    router.rateLimit(TokenBucket.of(1, 2, frozen::get));
    List<Duration> slept = new CopyOnWriteArrayList<>();
    MediaAttacher attacher = MediaAttacher.builder(router).adaptiveConcurrency(4)
        .sleeper(d -> {
          slept.add(d);
          frozen.addAndGet(d.toNanos()); // the bucket refills while the caller waits
          Thread.sleep(d.toMillis());
        })
        .jitter(() -> 0.0).build();

    List<TaskOutcome> outcomes = attacher.attachAll(Sids.WS, sids.subList(0, 2), MEDIA, 1,
        BulkProgressListener.NONE);

    assertThat(outcomes).allMatch(TaskOutcome::succeeded);
    assertThat(router.calls()).extracting(RecordedCall::status).contains(429);
    assertThat(slept).contains(Duration.ofSeconds(1));
  }

  @Test
  void theEventQueueCanShareOneAdaptiveLimitAmongItsWorkers() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    List<String> sids = seed(router, 10);
    List<AttachOutcome> outcomes = new CopyOnWriteArrayList<>();
    AttachQueue queue = AttachQueue.builder(router).workers(3).adaptiveConcurrency()
        .listener(outcomes::add).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    for (String sid : sids) {
      assertThat(queue.offer(PendingAttach.of(Sids.WS, sid, MEDIA, deadline))).isTrue();
    }
    assertThat(queue.shutdown(Duration.ofSeconds(30))).isEmpty();
    assertThat(outcomes).hasSize(10)
        .allMatch(o -> o.status() == AttachOutcome.Status.ATTACHED);
  }

  @Test
  void refusesAMaximumBelowOne() {
    assertThatThrownBy(() -> MediaAttacher.builder(new InMemoryTaskRouter()).adaptiveConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max must be at least 1 (was 0)");
  }
}
