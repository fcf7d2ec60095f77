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

  @Test
  void coalescingAndTheAdaptiveLimit() {
    InMemoryTaskRouter client = new InMemoryTaskRouter();
    List<String> taskSids = List.of(Sids.task(1), Sids.task(2));
    taskSids.forEach(t -> client.putTask(workspaceSid, t, "{}"));
    MediaAttributes media = Sids.ticket();

    // --- README: throughput ---
    MediaAttacher plain = MediaAttacher.builder(client).coalescing(false).build();   // no coalescing

    RateLimiter limiter = RateLimiter.adaptive();               // one per account and process
    MediaAttacher bulk = MediaAttacher.builder(client).rateLimiter(limiter).build();
    List<AttachOutcome> outcomes =
        bulk.attachAll(workspaceSid, taskSids, media, 64, AttachListener.NONE);

    AttachQueue queue = AttachQueue.builder(bulk).workers(16)  // the same limiter
        .build();
    // --- end ---

    assertThat(outcomes).allMatch(AttachOutcome::succeeded);
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
