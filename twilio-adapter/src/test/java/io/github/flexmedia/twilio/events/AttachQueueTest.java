package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static io.github.flexmedia.twilio.events.Callbacks.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachOutcome.Status;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.internal.attach.AttacherAccess;
import io.github.flexmedia.twilio.internal.events.InMemoryAttachStore;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import io.github.flexmedia.twilio.testing.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AttachQueueTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  private final TestClock clock = new TestClock(T0);
  private final ManualExecutor executor = new ManualExecutor();
  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final List<AttachOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

  private AttachQueue.Builder queue() {
    return queue(b -> b);
  }

  /** A queue over an attacher whose waits advance the test clock, adjusted by {@code configure}. */
  private AttachQueue.Builder queue(UnaryOperator<MediaAttacher.Builder> configure) {
    MediaAttacher attacher = configure.apply(
        AttacherAccess.sleeper(MediaAttacher.builder(router), d -> clock.advance(d))
            .retryPolicy(jitter(0.5))).build();
    return AttachQueue.builder(attacher).clock(clock).executor(executor).listener(outcomes::add)
        .pollInterval(Duration.ZERO);
  }

  private static RetryPolicy jitter(double jitter) {
    RetryPolicy d = RetryPolicy.defaults();
    return new RetryPolicy(d.maxAttempts(), d.initialBackoff(), d.maxBackoff(), d.maxRetryAfter(),
        () -> jitter);
  }

  private static void assertDeadlinePassed(Throwable cause) {
    assertThat(cause).isInstanceOfSatisfying(TaskRouterException.class,
        e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.DEADLINE_PASSED));
  }

  private PendingAttach crm(String taskSid) {
    return PendingAttach.of(WS, taskSid, CRM, T0.plus(Duration.ofMinutes(2)));
  }

  @Test
  void offerReturnsAtOnceAndTheWorkerAttaches() {
    router.putTask(WS, WT, "{\"type\":\"inbound\"}");
    AttachQueue q = queue().build();

    assertThat(q.offer(crm(WT))).isTrue();
    assertThat(router.calls()).isEmpty();
    assertThat(q.pendingCount()).isEqualTo(1);
    executor.runAll();

    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.ATTACHED);
      assertThat(o.succeeded()).isTrue();
      assertThat(o.result().task().attributesJson()).contains("crm.example.com");
    });
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .containsExactlyElementsOf(CRM.taskMedia());
    assertThat(q.pendingCount()).isZero();
  }

  @Test
  void theSameMediaTwiceIsUnchanged() {
    router.putTask(WS, WT, "{}");
    AttachQueue q = queue().build();
    q.offer(crm(WT));
    executor.runAll();
    q.offer(crm(WT));
    executor.runAll();

    assertThat(outcomes).extracting(AttachOutcome::status).containsExactly(Status.ATTACHED, Status.UNCHANGED);
  }

  @Test
  void everyAttachPendingForOneTaskGoesOutInOneReadMergeWrite() {
    router.putTask(WS, WT, "{}");
    AttachQueue q = queue().build();
    PendingAttach first = crm(WT);
    PendingAttach second = PendingAttach.of(WS, WT, MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/cases/8", "Other case")).build(),
        T0.plus(Duration.ofMinutes(2)));
    q.offer(first);
    q.offer(second);
    q.offer(crm(WT));   // the same link again: written once
    executor.runAll();

    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.FETCH, Operation.UPDATE);
    // one outcome per attach, each the outcome of the one write that carried it
    assertThat(outcomes).hasSize(3).allSatisfy(o -> {
      assertThat(o.taskSid()).isEqualTo(WT);
      assertThat(o.status()).isEqualTo(Status.ATTACHED);
    });
    assertThat(q.storeStats()).isEqualTo(new AttachStoreStats(0, 0, 0, 0));
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia())
        .hasSize(2);
  }

  @Test
  void aSecondInstanceTakesOnlyWhatIsFreeAndAnExpiredClaimExactlyOnce() {
    String other = "WT" + "b".repeat(32);
    router.putTask(WS, WT, "{}");
    router.putTask(WS, other, "{}");
    PendingAttachStore shared = PendingAttachStore.inMemory(100, clock);
    AttachQueue first = queue().store(shared).build();
    first.offer(crm(WT));
    // the first instance claims WT, and dies holding the claim
    List<AttachClaim> held = shared.claim("first", 10, Duration.ofSeconds(60));
    assertThat(held).singleElement().extracting(AttachClaim::taskSid).isEqualTo(WT);

    ManualExecutor second = new ManualExecutor();
    AttachQueue q = queue().store(shared).executor(second).build();
    q.offer(crm(other));
    second.runAll();
    assertThat(router.calls()).extracting(RecordedCall::taskSid).containsOnly(other);
    assertThat(q.resubmitStored()).isZero();

    clock.advance(Duration.ofSeconds(61));
    assertThat(shared.stats().expiredLeases()).isEqualTo(1);
    assertThat(q.resubmitStored()).isEqualTo(1);
    assertThat(q.resubmitStored()).isZero();
    second.runAll();
    assertThat(q.takenOverCount()).isEqualTo(1);
    assertThat(outcomes).extracting(AttachOutcome::taskSid, AttachOutcome::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(other, Status.ATTACHED),
            org.assertj.core.groups.Tuple.tuple(WT, Status.ATTACHED));
    // the dead instance's late completion changes nothing: the first outcome stays
    PendingAttach late = held.get(0).attaches().get(0);
    assertThat(shared.complete(held.get(0), Map.of(late.id(),
        AttachOutcome.failed(WS, WT, new IllegalStateException("late"))))).isEmpty();
    assertThat(shared.stats()).isEqualTo(new AttachStoreStats(0, 0, 0, 0));
  }

  @Test
  void noCallStartsInTheLastTenthOfTheLeaseAndTheAttachIsClaimedAgain() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.unavailable());
    // the wait before the retry takes the worker past 54 s of its 60 s lease
    AttachQueue q = queue(b -> AttacherAccess.sleeper(b, d -> clock.advance(Duration.ofSeconds(55))))
        .lease(Duration.ofSeconds(60)).build();
    q.offer(PendingAttach.of(WS, WT, CRM, T0.plus(Duration.ofMinutes(5))));
    executor.runAll();

    // GET, POST (503), then the lease bound; claimed again at once: GET, POST
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(
        Operation.FETCH, Operation.UPDATE, Operation.FETCH, Operation.UPDATE);
    assertThat(outcomes).singleElement().extracting(AttachOutcome::status)
        .isEqualTo(Status.ATTACHED);
  }

  @Test
  void deadlineAfterIsTheEventPlusTheWindow() {
    assertThat(queue().build().deadlineAfter(T0)).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    assertThat(queue().attachWindow(Duration.ofSeconds(30)).build().deadlineAfter(T0))
        .isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void pastTheDeadlineNothingIsSentAndTheOutcomeIsExpired() {
    router.putTask(WS, WT, "{}");
    AttachQueue q = queue().build();
    q.offer(crm(WT));
    clock.advance(Duration.ofMinutes(2));
    executor.runAll();

    assertThat(router.calls()).isEmpty();
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.EXPIRED);
      assertThat(o.cause()).hasMessageContaining("deadline passed");
    });
  }

  @Test
  void theDeadlinePassingDuringRetriesStopsThemBeforeTheNextCall() {
    router.putTask(WS, WT, "{}");
    router.failAlways(Operation.UPDATE, Fault.unavailable());
    // a lease longer than the window: only the deadline bounds the retries
    AttachQueue q = queue(b -> AttacherAccess.sleeper(b.maxAttempts(10),
        d -> clock.advance(Duration.ofSeconds(50))))
        .lease(Duration.ofMinutes(5))
        .build();
    q.offer(crm(WT));
    executor.runAll();

    // t=0 fetch+update, t=50 s the same update again (a 5xx is not a conflict: no re-read),
    // t=100 s again, t=150 s: past the deadline
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(
        Operation.FETCH, Operation.UPDATE, Operation.UPDATE, Operation.UPDATE);
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.EXPIRED);
      assertThat(o.cause()).isInstanceOf(TaskRouterException.class).hasMessageContaining("after 4 attempts");
    });
  }

  @Test
  void aTaskDeletedMidWayIsExpiredWithoutARetryStorm() {
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      server.router().putTask(WS, WT, "{}");
      server.router().failNext(Operation.UPDATE, 1, Fault.conflict());
      AttachQueue q = AttachQueue.builder(
              AttacherAccess.sleeper(
                  MediaAttacher.builder(new TwilioTaskRouterClient(server.restClient())),
                  // between the 412 and the next read, TaskRouter deletes the task
                  d -> server.router().removeTask(WS, WT)).build())
          .clock(clock).executor(executor).listener(outcomes::add)
          .build();
      q.offer(crm(WT));
      executor.runAll();

      assertThat(outcomes).singleElement().satisfies(o -> {
        assertThat(o.status()).isEqualTo(Status.EXPIRED);
        assertThat(o.cause()).isInstanceOf(TaskNotFoundException.class);
      });
      // GET, POST (412), GET (404): and nothing after
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void aFailureIsReportedWithItsCause() {
    router.putTask(WS, WT, "{}");
    router.failAlways(Operation.UPDATE, Fault.unauthorized());
    AttachQueue q = queue().build();
    q.offer(crm(WT));
    executor.runAll();

    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.FAILED);
      assertThat(o.succeeded()).isFalse();
      assertThat(o.cause()).isInstanceOf(TaskRouterException.class);
      assertThat(((TaskRouterException) o.cause()).statusCode()).isEqualTo(401);
    });
  }

  @Test
  void whenFullTheCallerIsToldSynchronouslyAndNothingIsReportedForIt() {
    router.putTask(WS, WT, "{}");
    AttachQueue q = queue().capacity(2).build();

    assertThat(q.offer(crm(WT))).isTrue();
    assertThat(q.offer(crm(WT))).isTrue();
    assertThat(q.offer(crm(WT))).isFalse();
    assertThat(executor.queued()).as("one claim pass").isEqualTo(1);
    executor.runAll();
    assertThat(outcomes).hasSize(2);
    assertThat(q.offer(crm(WT))).isTrue();
  }

  @Test
  void shutdownReturnsWhatWasNotDoneAndRefusesMore() {
    router.putTask(WS, WT, "{}");
    AttachQueue q = queue().build();
    PendingAttach a = crm(WT);
    q.offer(a);

    assertThat(q.shutdown(Duration.ofMillis(50))).containsExactly(a);
    assertThat(q.offer(crm(WT))).isFalse();
  }

  @Test
  void shutdownDrainsItsOwnWorkers() throws Exception {
    router.putTask(WS, WT, "{}");
    CountDownLatch reported = new CountDownLatch(20);
    AttachQueue q = AttachQueue.builder(router).workers(4).listener(o -> reported.countDown()).build();
    for (int i = 0; i < 20; i++) {
      assertThat(q.offer(PendingAttach.of(WS, WT, MediaAttributes.builder()
          .media(MediaLink.referenced("https://crm.example.com/notes/" + i, "Note " + i)).build(),
          Instant.now().plusSeconds(120)))).isTrue();
    }
    assertThat(q.shutdown(Duration.ofSeconds(30))).isEmpty();
    assertThat(reported.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT)).taskMedia()).hasSize(20);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheQueue() {
    router.putTask(WS, WT, "{}");
    AttachQueue q = queue().listener(o -> {
      throw new IllegalStateException("listener bug");
    }).build();
    q.offer(crm(WT));
    q.offer(crm(WT));
    executor.runAll();

    assertThat(q.pendingCount()).isZero();
    assertThat(router.attributes(WS, WT)).contains("crm.example.com");
  }

  /** A store that survives the queue, as a database table would, and can be down. */
  class TableStore implements PendingAttachStore {
    final InMemoryAttachStore rows = InMemoryAttachStore.create(100, clock);
    volatile boolean broken;

    @Override
    public boolean save(PendingAttach attach) {
      if (broken) {
        throw new IllegalStateException("database down");
      }
      return rows.save(attach);
    }

    @Override
    public List<AttachClaim> claim(String owner, int maxTasks, Duration lease) {
      return rows.claim(owner, maxTasks, lease);
    }

    @Override
    public Map<String, AttachOutcome> complete(
        AttachClaim claim, Map<String, AttachOutcome> outcomes) {
      return rows.complete(claim, outcomes);
    }

    @Override
    public void release(AttachClaim claim, Instant retryAt) {
      rows.release(claim, retryAt);
    }

    @Override
    public AttachStoreStats stats() {
      return rows.stats();
    }

    List<String> ids() {
      return rows.pendingAttaches().stream().map(PendingAttach::id).toList();
    }
  }

  @Test
  void twoClaimPassesAtOnceClaimNoMoreTasksThanThereAreWorkers() throws Exception {
    AtomicReference<AttachQueue> queue = new AtomicReference<>();
    AtomicReference<Thread> second = new AtomicReference<>();
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Integer> claimed = Collections.synchronizedList(new ArrayList<>());
    TableStore store = new TableStore() {
      @Override
      public List<AttachClaim> claim(String owner, int maxTasks, Duration lease) {
        if (second.get() == null) {
          // A second pass (a poll, another worker finishing) starts while this one is in the
          // store; wait until it has either claimed too or is held back.
          Thread t = new Thread(() -> {
            queue.get().resubmitStored();
            secondDone.countDown();
          });
          second.set(t);
          t.start();
          while (secondDone.getCount() > 0 && t.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
          }
        }
        List<AttachClaim> claims = super.claim(owner, maxTasks, lease);
        claimed.add(claims.size());
        return claims;
      }
    };
    for (int t = 0; t < 6; t++) {
      store.save(crm(String.format("WT%032x", t)));
    }
    queue.set(queue().store(store).workers(2).build());

    queue.get().resubmitStored();
    second.get().join();

    assertThat(claimed).as("one claim of 2 tasks; the second pass found no free worker")
        .containsExactly(2);
    assertThat(executor.queued()).isEqualTo(2);
  }

  @Test
  void aDurableStoreKeepsWhatACrashedQueueHeldAndANewQueueFinishesIt() {
    router.putTask(WS, WT, "{}");
    TableStore table = new TableStore();
    AttachQueue crashed = queue().store(table).build();
    crashed.offer(crm(WT));
    assertThat(table.ids()).hasSize(1);
    // the process dies: the executor's work is lost, the table is not

    ManualExecutor afterRestart = new ManualExecutor();
    AttachQueue restarted = queue().store(table).executor(afterRestart).build();
    assertThat(restarted.resubmitStored()).isEqualTo(1);
    assertThat(restarted.resubmitStored()).isZero();
    afterRestart.runAll();

    assertThat(outcomes).extracting(AttachOutcome::status).containsExactly(Status.ATTACHED);
    assertThat(table.ids()).isEmpty();
  }

  @Test
  void aStoreThatCannotSaveRefusesTheOfferAndFreesItsPlace() {
    TableStore table = new TableStore();
    table.broken = true;
    AttachQueue q = queue().store(table).capacity(1).build();

    assertThatThrownBy(() -> q.offer(crm(WT))).hasMessage("database down");
    assertThat(q.pendingCount()).isZero();
    assertThat(executor.queued()).isZero();
    table.broken = false;
    assertThat(q.offer(crm(WT))).isTrue();
  }

  @Test
  void anExecutorThatRejectsLeavesTheAttachSavedForTheNextClaimPass() {
    router.putTask(WS, WT, "{}");
    TableStore table = new TableStore();
    AttachQueue q = queue().store(table).executor(r -> {
      throw new java.util.concurrent.RejectedExecutionException("no");
    }).build();
    assertThat(q.offer(crm(WT))).isTrue();
    assertThat(q.pendingCount()).isEqualTo(1);
    assertThat(q.resubmitStored()).as("rejected claims are released").isZero();

    queue().store(table).build().resubmitStored();
    executor.runAll();
    assertThat(outcomes).extracting(AttachOutcome::status).containsExactly(Status.ATTACHED);
  }

  @Test
  void attachWithinRunsInTheCallersThreadAndReports() {
    router.putTask(WS, WT, "{}");
    AttachQueue q = queue().build();

    AttachOutcome o = q.attachWithin(crm(WT), Duration.ofSeconds(5));

    assertThat(o.status()).isEqualTo(Status.ATTACHED);
    assertThat(router.attributes(WS, WT)).contains("crm.example.com");
    assertThat(outcomes).containsExactly(o);
    assertThat(executor.queued()).isZero();
  }

  @Test
  void attachWithinFailsWhenTheBudgetRunsOutBeforeTheDeadline() {
    router.putTask(WS, WT, "{}");
    router.failAlways(Operation.UPDATE, Fault.unavailable());
    AttachQueue q = queue(b -> AttacherAccess.sleeper(b, d -> clock.advance(Duration.ofSeconds(3)))).build();

    AttachOutcome o = q.attachWithin(crm(WT), Duration.ofSeconds(5));

    assertThat(o.status()).isEqualTo(Status.FAILED);
    assertThat(o.cause()).hasMessageContaining("deadline passed");
    // two attempts: t=0 fetch+update and t=3 s the same update again; t=6 s is past the budget
    assertThat(router.calls()).hasSize(3);
  }

  @Test
  void attachWithinDoesNotWaitARetryAfterThatEndsPastItsBudget() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(3)));
    // the application's own sleeper, which knows nothing of deadlines: the attach path checks
    // the deadline before every wait, so it is never asked to wait past the budget
    List<Duration> slept = new ArrayList<>();
    AttachQueue q = queue(b -> AttacherAccess.sleeper(b, slept::add)).build();

    AttachOutcome o = q.attachWithin(crm(WT), Duration.ofSeconds(2));

    assertThat(o.status()).isEqualTo(Status.FAILED);
    assertDeadlinePassed(o.cause());
    assertThat(slept).isEmpty();
    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.FETCH, Operation.UPDATE);
    assertThat(router.attributes(WS, WT)).doesNotContain("crm.example.com");
    assertThat(outcomes).containsExactly(o);
  }

  @Test
  void aWorkerDoesNotWaitARetryAfterThatEndsPastTheDeadlineAndReportsExpired() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(3)));
    List<Duration> slept = new ArrayList<>();
    AttachQueue q = queue(b -> AttacherAccess.sleeper(b, slept::add)).build();
    q.offer(crm(WT));
    clock.advance(Duration.ofSeconds(118));   // the deadline is 2 s away
    executor.runAll();

    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.FETCH, Operation.UPDATE);
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.EXPIRED);
      assertDeadlinePassed(o.cause());
    });
    assertThat(slept).isEmpty();
  }

  @Test
  void theApplicationsAttacherAndSleeperAreUsedAndAWaitEndingBeforeTheDeadlineIsSlept() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(3)));
    List<Duration> slept = new ArrayList<>();
    MediaAttacher mine = AttacherAccess.sleeper(MediaAttacher.builder(router).maxAttempts(2),
        slept::add).retryPolicy(jitter(0.5)).build();
    AttachQueue q = AttachQueue.builder(mine).clock(clock).executor(executor)
        .listener(outcomes::add).build();

    AttachOutcome o = q.attachWithin(crm(WT), Duration.ofSeconds(5));

    assertThat(o.status()).isEqualTo(Status.ATTACHED);
    assertThat(o.result().attempts()).isEqualTo(2);
    assertThat(slept).containsExactly(Duration.ofSeconds(3));
    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.FETCH, Operation.UPDATE, Operation.UPDATE);
  }

  @Test
  void anAttachInterruptedByShutdownStaysInTheStoreIsReturnedAndIsNotReported() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.unavailable());
    TableStore table = new TableStore();
    // the worker is interrupted while it waits to retry, as shutdownNow() does
    AttachQueue q = queue(b -> AttacherAccess.sleeper(b, d -> {
      throw new InterruptedException();
    })).store(table).build();
    PendingAttach a = crm(WT);
    q.offer(a);
    try {
      executor.runAll();
    } finally {
      assertThat(Thread.interrupted()).as("the worker kept its interrupt").isTrue();
    }

    assertThat(outcomes).isEmpty();
    assertThat(table.ids()).containsExactly(a.id());
    assertThat(q.pendingCount()).isEqualTo(1);
    assertThat(q.shutdown(Duration.ZERO)).containsExactly(a);
    assertThat(table.ids()).containsExactly(a.id());
    assertThat(table.stats().claimed()).as("released for another instance").isZero();
  }

  @Test
  void attachWithinATaskThatIsGoneIsExpired() {
    AttachOutcome o = queue().build().attachWithin(crm(WT), Duration.ofSeconds(5));
    assertThat(o.status()).isEqualTo(Status.EXPIRED);
    assertThat(o.cause()).isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void builderAndValuesRefuseNonsense() {
    AttachQueue.Builder b = AttachQueue.builder(router);
    assertThatThrownBy(() -> b.workers(0)).hasMessageContaining("workers");
    assertThatThrownBy(() -> b.capacity(0)).hasMessageContaining("capacity");
    assertThatThrownBy(() -> b.attachWindow(Duration.ZERO)).hasMessageContaining("attachWindow");
    assertThatThrownBy(() -> new PendingAttach(" ", WS, WT, CRM, T0)).hasMessageContaining("id");
    assertThatThrownBy(() -> PendingAttach.of(WS, "WT1", CRM, T0)).hasMessageContaining("taskSid");
    PendingAttach p = crm(WT);
    assertThatThrownBy(() -> new AttachOutcome(WS, WT, Status.ATTACHED, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttachOutcome(WS, WT, Status.FAILED, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(p.toString()).contains(WT).doesNotContain("crm.example.com");
  }
}
