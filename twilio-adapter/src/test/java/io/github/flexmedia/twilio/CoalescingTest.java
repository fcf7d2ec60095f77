package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import io.github.flexmedia.twilio.testing.RecordedCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Per-task coalescing: callers that arrive while a write to their task is in flight join the next
 * single read–merge–write. The arrival order is made deterministic by holding the first write in
 * the router until every later caller is parked waiting for its batch.
 */
@Timeout(60)
class CoalescingTest {
  private static final String WS = Sids.WS;
  private static final String WT = Sids.task(1);
  private static final int CALLERS = 16;

  private static MediaAttributes linksOf(int caller, int count) {
    MediaAttributes.Builder b = MediaAttributes.builder();
    for (int j = 0; j < count; j++) {
      b.media(MediaLink.referenced("https://t.example.com/" + caller + "-" + j, "C" + caller + "L" + j));
    }
    return b.build();
  }

  /** A client whose first fetch waits for {@code release}: the first attach stays in flight. */
  private static TaskRouterClient holdingFirstFetch(TaskRouterClient delegate, CountDownLatch release) {
    AtomicInteger fetches = new AtomicInteger();
    return new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
        if (fetches.incrementAndGet() == 1) {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return delegate.fetchTask(workspaceSid, taskSid);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String w, String t, String json, String ifMatch) {
        return delegate.updateTaskAttributes(w, t, json, ifMatch);
      }

      @Override
      public TaskSnapshot createTask(String w, String wf, String json) {
        return delegate.createTask(w, wf, json);
      }
    };
  }

  /** Starts callers one at a time, each once the previous one is parked (in order of arrival). */
  private static final class Callers {
    final List<Thread> threads = new ArrayList<>();
    final List<AtomicReference<Object>> outcomes = new ArrayList<>();

    void start(MediaAttacher attacher, MediaAttributes media) throws InterruptedException {
      AtomicReference<Object> outcome = new AtomicReference<>();
      Thread t = new Thread(() -> {
        try {
          outcome.set(attacher.attach(WS, WT, media));
        } catch (RuntimeException e) {
          outcome.set(e);
        }
      });
      threads.add(t);
      outcomes.add(outcome);
      t.start();
      awaitParked(t);
    }

    void join() throws InterruptedException {
      for (Thread t : threads) {
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
      }
    }
  }

  private static void awaitParked(Thread t) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (t.getState() != Thread.State.WAITING && t.isAlive()) {
      assertThat(System.nanoTime()).as("caller parked in time").isLessThan(end);
      Thread.sleep(1);
    }
  }

  private static long writes(InMemoryTaskRouter router) {
    return router.calls().stream().filter(c -> c.operation() == Operation.UPDATE).count();
  }

  @Test
  void sixteenCallersArrivingDuringAWriteShareOneMoreWriteInArrivalOrder() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{\"type\":\"inbound\"}");
    CountDownLatch release = new CountDownLatch(1);
    MediaAttacher attacher = MediaAttacher.builder(holdingFirstFetch(router, release)).build();

    Callers callers = new Callers();
    for (int c = 0; c < CALLERS; c++) {
      callers.start(attacher, linksOf(c, 3));
    }
    release.countDown();
    callers.join();

    // The first caller's own read-merge-write, then one for the fifteen that arrived meanwhile.
    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.FETCH, Operation.UPDATE, Operation.FETCH, Operation.UPDATE);
    List<MediaLink> expected = new ArrayList<>();
    for (int c = 0; c < CALLERS; c++) {
      expected.addAll(linksOf(c, 3).taskMedia());
    }
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .containsExactlyElementsOf(expected);
    TaskSnapshot last = router.task(WS, WT).orElseThrow();
    for (int c = 0; c < CALLERS; c++) {
      AttachResult r = (AttachResult) callers.outcomes.get(c).get();
      assertThat(r.changed()).as("caller %d changed", c).isTrue();
      assertThat(r.attempts()).isEqualTo(1);
      if (c > 0) {
        assertThat(r.task().etag()).isEqualTo(last.etag());
      }
    }
  }

  @Test
  void aCallerWhoseLinksNoLongerFitGetsItsOwnErrorAndTheOthersAreWritten() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    CountDownLatch release = new CountDownLatch(1);
    MediaAttacher attacher = MediaAttacher.builder(holdingFirstFetch(router, release)).build();

    Callers callers = new Callers();
    callers.start(attacher, linksOf(0, 1));
    callers.start(attacher, linksOf(1, 2));
    callers.start(attacher, linksOf(2, 60)); // about 4.5 KB on its own: can never fit
    callers.start(attacher, linksOf(3, 2));
    release.countDown();
    callers.join();

    assertThat(callers.outcomes.get(2).get()).isInstanceOfSatisfying(TaskRouterException.class,
        e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.TOO_LARGE));
    List<MediaLink> expected = new ArrayList<>(linksOf(0, 1).taskMedia());
    expected.addAll(linksOf(1, 2).taskMedia());
    expected.addAll(linksOf(3, 2).taskMedia());
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .containsExactlyElementsOf(expected);
    assertThat(callers.outcomes.get(1).get()).isInstanceOf(AttachResult.class);
    assertThat(callers.outcomes.get(3).get()).isInstanceOf(AttachResult.class);
    assertThat(writes(router)).isEqualTo(2);
  }

  @Test
  void mediaThatBreakTheAttachersPolicyFailOnlyTheirCallerBeforeJoining() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    CountDownLatch release = new CountDownLatch(1);
    MediaAttacher attacher = MediaAttacher.builder(holdingFirstFetch(router, release))
        .policy(MediaPolicy.builder().allowHosts("t.example.com").build())
        .build();

    Callers callers = new Callers();
    callers.start(attacher, linksOf(0, 1));
    callers.start(attacher, linksOf(1, 1));
    MediaAttributes foreign = MediaAttributes.builder()
        .media(MediaLink.referenced("https://elsewhere.example.org/x", "X")).build();
    assertThatThrownBy(() -> attacher.attach(WS, WT, foreign))
        .isInstanceOf(InvalidMediaException.class);
    callers.start(attacher, linksOf(2, 1));
    release.countDown();
    callers.join();

    List<MediaLink> expected = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      expected.addAll(linksOf(c, 1).taskMedia());
      assertThat(callers.outcomes.get(c).get()).isInstanceOf(AttachResult.class);
    }
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aJointWriteRefusedWithA400IsRetriedByEachCallerAlone() throws Exception {
    jointWriteFailingOnceIsRetriedAlone(new TaskRouterException("refused", 400, 20001, null));
  }

  @Test
  void aJointWriteStoppedByACallersDeadlineIsRetriedByEachCallerAlone() throws Exception {
    jointWriteFailingOnceIsRetriedAlone(new TaskRouterException(
        TaskRouterException.Kind.DEADLINE_PASSED, "deadline passed", 0, 0, null, null));
  }

  @Test
  void aQueuedAttachJoiningADirectCallersWriteIsNotWrittenAfterItsOwnDeadline() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    CountDownLatch release = new CountDownLatch(1);
    MediaAttacher attacher = MediaAttacher.builder(holdingFirstFetch(router, release)).build();
    Instant t0 = Instant.parse("2026-12-06T00:00:00Z");
    AtomicReference<Instant> now = new AtomicReference<>(t0);
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    AttachQueue queue = AttachQueue.builder(attacher).clock(clock).build();
    Callers callers = new Callers();
    callers.start(attacher, linksOf(0, 1));   // leads the first write, held in its read
    callers.start(attacher, linksOf(1, 1));   // leads the second write, without a deadline
    AtomicReference<AttachOutcome> queued = new AtomicReference<>();
    Thread q = new Thread(() -> queued.set(queue.attachWithin(
        PendingAttach.of(WS, WT, linksOf(2, 1), t0.plusSeconds(60)), Duration.ofMinutes(5))));
    q.start();
    awaitParked(q);                            // joined the second write

    now.set(t0.plusSeconds(61));               // the queued attach's deadline passes
    release.countDown();
    callers.join();
    q.join(30_000);

    assertThat(queued.get().status()).isEqualTo(AttachOutcome.Status.EXPIRED);
    assertThat(((TaskRouterException) queued.get().cause()).kind())
        .isEqualTo(TaskRouterException.Kind.DEADLINE_PASSED);
    List<MediaLink> expected = new ArrayList<>(linksOf(0, 1).taskMedia());
    expected.addAll(linksOf(1, 1).taskMedia());
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .as("the direct callers' links, and not the expired one's").containsExactlyElementsOf(expected);
    assertThat(queue.shutdown(Duration.ofSeconds(1))).isEmpty();
  }

  private static void jointWriteFailingOnceIsRetriedAlone(TaskRouterException failure)
      throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger updates = new AtomicInteger();
    TaskRouterClient refusingSecondUpdate = new TaskRouterClient() {
      final TaskRouterClient held = holdingFirstFetch(router, release);

      @Override
      public TaskSnapshot fetchTask(String w, String t) {
        return held.fetchTask(w, t);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String w, String t, String json, String ifMatch) {
        if (updates.incrementAndGet() == 2) {
          throw failure;
        }
        return router.updateTaskAttributes(w, t, json, ifMatch);
      }

      @Override
      public TaskSnapshot createTask(String w, String wf, String json) {
        throw new UnsupportedOperationException();
      }
    };
    MediaAttacher attacher = MediaAttacher.builder(refusingSecondUpdate).build();

    Callers callers = new Callers();
    for (int c = 0; c < 4; c++) {
      callers.start(attacher, linksOf(c, 1));
    }
    release.countDown();
    callers.join();

    for (int c = 0; c < 4; c++) {
      assertThat(callers.outcomes.get(c).get()).as("caller %d", c).isInstanceOf(AttachResult.class);
    }
    // the first write, the failed joint write of three, then three writes alone (which may race
    // each other: a 412 among them is read and merged again)
    assertThat(router.calls()).filteredOn(c -> c.operation() == Operation.UPDATE && c.status() == 200)
        .hasSize(4);
    assertThat(updates.get()).isGreaterThanOrEqualTo(5);
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .hasSize(4).startsWith(linksOf(0, 1).taskMedia().get(0));
  }

  @Test
  void aCallerInterruptedBeforeItsBatchStartsLeavesItAndNothingOfItIsWritten() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    CountDownLatch release = new CountDownLatch(1);
    MediaAttacher attacher = MediaAttacher.builder(holdingFirstFetch(router, release)).build();

    Callers callers = new Callers();
    callers.start(attacher, linksOf(0, 1));
    callers.start(attacher, linksOf(1, 1));
    callers.start(attacher, linksOf(2, 1));
    callers.threads.get(1).interrupt(); // the next batch's first caller
    callers.threads.get(1).join(10_000);
    release.countDown();
    callers.join();

    assertThat(callers.outcomes.get(1).get()).isInstanceOfSatisfying(
        TaskRouterException.class, e -> {
          assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED);
          assertThat(e.mayHaveWritten()).isFalse();
        });
    List<MediaLink> expected = new ArrayList<>(linksOf(0, 1).taskMedia());
    expected.addAll(linksOf(2, 1).taskMedia());
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void whenTheBatchLeaderIsInterruptedTheOthersAreWrittenInANewBatch() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    TaskRouterClient held = holdingFirstFetch(router, release);
    TaskRouterClient interruptingSecondFetch = new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String w, String t) {
        if (fetches.incrementAndGet() == 2) {
          // the second batch's leader is interrupted during its first, failed, read
          Thread.currentThread().interrupt();
          throw new TaskRouterException("unavailable", 503, 20500, null);
        }
        return held.fetchTask(w, t);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String w, String t, String json, String ifMatch) {
        return router.updateTaskAttributes(w, t, json, ifMatch);
      }

      @Override
      public TaskSnapshot createTask(String w, String wf, String json) {
        throw new UnsupportedOperationException();
      }
    };
    MediaAttacher attacher = MediaAttacher.builder(interruptingSecondFetch).build();

    Callers callers = new Callers();
    callers.start(attacher, linksOf(0, 1));
    callers.start(attacher, linksOf(1, 1)); // leads the second batch
    callers.start(attacher, linksOf(2, 1));
    release.countDown();
    callers.join();

    assertThat(callers.outcomes.get(1).get()).isInstanceOfSatisfying(TaskRouterException.class,
        e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED));
    assertThat(callers.outcomes.get(2).get()).isInstanceOf(AttachResult.class);
    List<MediaLink> expected = new ArrayList<>(linksOf(0, 1).taskMedia());
    expected.addAll(linksOf(2, 1).taskMedia());
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void switchedOffEveryCallerDoesItsOwnReadMergeWrite() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    CountDownLatch release = new CountDownLatch(1);
    MediaAttacher attacher = MediaAttacher.builder(holdingFirstFetch(router, release))
        .coalescing(false).retryPolicy(Sids.backoff(20, Duration.ZERO, Duration.ZERO)).build();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AttachResult>> futures = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        MediaAttributes m = linksOf(c, 1);
        futures.add(pool.submit(() -> attacher.attach(WS, WT, m)));
      }
      release.countDown();
      for (Future<AttachResult> f : futures) {
        assertThat(f.get(30, TimeUnit.SECONDS).changed()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(writes(router)).isGreaterThanOrEqualTo(4);
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia()).hasSize(4);
  }

  @Test
  @Tag("slow")
  void sixteenThreadsOverHttpNeedFarFewerRequestsThanWithoutCoalescing() throws Exception {
    int[] requests = new int[2];
    for (int mode = 0; mode < 2; mode++) {
      try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
        server.latency(Duration.ofMillis(20));
        server.router().putTask(WS, WT, "{}");
        MediaAttacher attacher = MediaAttacher.builder(new TwilioTaskRouterClient(server.restClient()))
            .coalescing(mode == 0).retryPolicy(Sids.backoff(64, Duration.ofMillis(1), Duration.ofMillis(20)))
            .build();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
          CountDownLatch go = new CountDownLatch(1);
          List<Future<AttachResult>> futures = new ArrayList<>();
          for (int c = 0; c < CALLERS; c++) {
            MediaAttributes m = linksOf(c, 3);
            futures.add(pool.submit(() -> {
              go.await();
              return attacher.attach(WS, WT, m);
            }));
          }
          go.countDown();
          for (Future<AttachResult> f : futures) {
            assertThat(f.get(60, TimeUnit.SECONDS).changed()).isTrue();
          }
        } finally {
          pool.shutdownNow();
        }
        assertThat(MediaAttributes.fromTaskAttributes(server.router().attributes(WS, WT)).taskMedia())
            .hasSize(CALLERS * 3).doesNotHaveDuplicates();
        requests[mode] = server.requestCount();
      }
    }
    // Coalesced: the first caller's two requests, then a few joint read-merge-writes (4 requests
    // in all when every thread starts within the first 40 ms; the bound leaves room for a slow
    // machine). Without it: at least a read and a write per caller, plus the 412s.
    assertThat(requests[0]).isLessThanOrEqualTo(CALLERS);
    assertThat(requests[1]).isGreaterThanOrEqualTo(2 * CALLERS);
  }
}
