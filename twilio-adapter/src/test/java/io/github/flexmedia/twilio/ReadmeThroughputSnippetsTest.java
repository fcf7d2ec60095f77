package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.TokenBucket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies of the README's throughput snippets: if one stops compiling or working, fix the README. */
class ReadmeThroughputSnippetsTest {
  static final String workspaceSid = Sids.WS;
  static final Log log = new Log();

  /** Stands in for the application's logger in the snippet. */
  static final class Log {
    final java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

    void info(String format, Object... args) {
      lines.add(format);
    }
  }

  @Test
  void coalescingAndTheAdaptiveLimit() {
    InMemoryTaskRouter client = new InMemoryTaskRouter();
    List<String> taskSids = List.of(Sids.task(1), Sids.task(2));
    taskSids.forEach(t -> client.putTask(workspaceSid, t, "{}"));
    MediaAttributes media = Sids.ticket();

    // --- README: throughput ---
    MediaAttacher plain = MediaAttacher.builder(client).coalescing(false).build();   // no coalescing

    RateLimiter limiter = RateLimiter.builder()                 // one per account and process
        .listener((rate, pause, retryAfterSent) -> log.info("429: {}/s, pause {}", rate, pause))
        .build();
    MediaAttacher bulk = MediaAttacher.builder(client).rateLimiter(limiter).build();
    List<TaskOutcome> outcomes =
        bulk.attachAll(workspaceSid, taskSids, media, 64, BulkProgressListener.NONE);

    AttachQueue queue = AttachQueue.builder(client).workers(16)
        .attacher(b -> b.rateLimiter(limiter))                  // the same limiter
        .build();
    // --- end ---

    assertThat(outcomes).allMatch(TaskOutcome::succeeded);
    assertThat(plain.attach(workspaceSid, Sids.task(1), media).changed()).isFalse();
    assertThat(queue.shutdown(Duration.ofSeconds(1))).isEmpty();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void aRateLimitedDouble() {
    // --- README: rate-limited double ---
    TokenBucket bucket = TokenBucket.of(50, 10);                  // 50 requests/s, bursts of 10
    InMemoryTaskRouter router = new InMemoryTaskRouter().rateLimit(bucket);
    // --- end ---

    router.putTask(workspaceSid, Sids.WT, "{}");
    for (int i = 0; i < 10; i++) {
      router.fetchTask(workspaceSid, Sids.WT);
    }
    assertThat(bucket.taken()).isEqualTo(10);
  }
}
