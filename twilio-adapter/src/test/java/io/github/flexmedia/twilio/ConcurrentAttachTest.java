package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.FOREIGN;
import static io.github.flexmedia.twilio.Sids.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 16 writers attach 3 distinct links each to the same task at the same moment. Every round must
 * end with all 48 links present exactly once and every foreign attribute intact.
 */
class ConcurrentAttachTest {
  private static final int WRITERS = 16;
  private static final int LINKS_EACH = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Short links: 48 of them must fit in TaskRouter's 4096 characters with the foreign data. */
  private static MediaAttributes linksOf(int writer) {
    MediaAttributes.Builder b = MediaAttributes.builder();
    for (int j = 0; j < LINKS_EACH; j++) {
      b.media(MediaLink.referenced("https://t.example.com/" + writer + "-" + j, "W" + writer + "L" + j));
    }
    return b.build();
  }

  /**
   * 16 writers on one task need up to 16 rounds of optimistic concurrency each. Coalescing is off:
   * these tests make the writers race on the If-Match (CoalescingTest covers the joined writes).
   */
  private static MediaAttacher attacher(TaskRouterClient client) {
    return MediaAttacher.builder(client)
        .coalescing(false)
        .retryPolicy(Sids.backoff(4 * WRITERS, Duration.ofMillis(1), Duration.ofMillis(20)))
        .build();
  }

  /** Returns the attempts all writers needed together. */
  private static int runRound(TaskRouterClient client, InMemoryTaskRouter router, String taskSid,
      ExecutorService pool) throws Exception {
    router.putTask(WS, taskSid, FOREIGN);
    MediaAttacher attacher = attacher(client);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<AttachResult>> futures = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      MediaAttributes media = linksOf(w);
      futures.add(pool.submit(() -> {
        go.await();
        return attacher.attach(WS, taskSid, media);
      }));
    }
    go.countDown();
    int attempts = 0;
    for (Future<AttachResult> f : futures) {
      AttachResult r = f.get(60, TimeUnit.SECONDS);
      assertThat(r.changed()).isTrue();
      attempts += r.attempts();
    }

    String stored = router.attributes(WS, taskSid);
    List<MediaLink> expected = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      expected.addAll(linksOf(w).taskMedia());
    }
    assertThat(MediaAttributes.fromTaskAttributes(stored).taskMedia())
        .hasSize(WRITERS * LINKS_EACH)
        .containsExactlyInAnyOrderElementsOf(expected);
    ObjectNode foreign = (ObjectNode) JSON.readTree(FOREIGN);
    JsonNode after = JSON.readTree(stored);
    ((ObjectNode) after.get("conversations")).remove("media");
    assertThat(after).isEqualTo(foreign);
    return attempts;
  }

  @Test
  @Timeout(120)
  @Tag("slow")
  void inMemoryFiftyRounds() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      int attempts = 0;
      for (int round = 0; round < 50; round++) {
        attempts += runRound(router, router, Sids.task(round), pool);
      }
      // The writers really raced: some attempts met a 412 and were merged again.
      assertThat(attempts).isGreaterThan(50 * WRITERS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(180)
  @Tag("slow")
  void overHttpThroughTwilioJavaTenRounds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      TwilioTaskRouterClient client = new TwilioTaskRouterClient(server.restClient());
      int attempts = 0;
      for (int round = 0; round < 10; round++) {
        attempts += runRound(client, server.router(), Sids.task(round), pool);
      }
      assertThat(attempts).isGreaterThan(10 * WRITERS);
    } finally {
      pool.shutdownNow();
    }
  }
}
