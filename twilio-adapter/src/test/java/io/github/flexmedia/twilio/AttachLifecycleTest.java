package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static io.github.flexmedia.twilio.testing.Operation.FETCH;
import static io.github.flexmedia.twilio.testing.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No blind writes, interrupts, and the attachAll lifecycle, on the in-memory double. */
@Timeout(30)
class AttachLifecycleTest {
  private InMemoryTaskRouter router;
  private Sids.RecordingSleeper sleeper;

  @BeforeEach
  void setUp() {
    router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{\"type\":\"inbound\"}");
    sleeper = new Sids.RecordingSleeper();
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private MediaAttacher attacher() {
    return MediaAttacher.builder(router).sleeper(sleeper).build();
  }

  /** A client that loses the ETag, as a custom implementation might. */
  private TaskRouterClient withoutEtags() {
    return new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String ws, String wt) {
        TaskSnapshot t = router.fetchTask(ws, wt);
        return new TaskSnapshot(ws, wt, t.attributesJson(), null, null, null);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String ws, String wt, String json, String ifMatch) {
        return router.updateTaskAttributes(ws, wt, json, ifMatch);
      }

      @Override
      public TaskSnapshot createTask(String ws, String ww, String json) {
        return router.createTask(ws, ww, json);
      }
    };
  }

  // --- no blind writes ------------------------------------------------------------------------

  @Test
  void aSnapshotWithoutEtagIsReadFirstSoALaterKeyIsKept() {
    TaskSnapshot fromEvent = new TaskSnapshot(WS, WT, "{\"type\":\"inbound\"}", null, null, null);
    router.setAttributes(WS, WT, "{\"type\":\"inbound\",\"crm\":42}");

    attacher().attach(fromEvent, Sids.ticket());

    assertThat(router.attributes(WS, WT)).contains("\"crm\":42");
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH, UPDATE);
    assertThat(router.calls().get(1).ifMatch()).isEqualTo("\"2\"");
  }

  @Test
  void withoutAnEtagNothingIsWrittenUnlessUnconditionalWritesAreAllowed() {
    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> MediaAttacher.builder(withoutEtags()).sleeper(sleeper).build().attach(WS, WT, Sids.ticket()));

    assertThat(e.isRetryable()).isFalse();
    assertThat(e).hasMessageContaining("no ETag").hasMessageContaining("allowUnconditionalWrites()");
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH);

    MediaAttacher.builder(withoutEtags()).allowUnconditionalWrites().build().attach(WS, WT, Sids.ticket());
    assertThat(router.calls().get(2).ifMatch()).isNull();
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT))).isEqualTo(Sids.ticket());
  }

  @Test
  void anUnconditionalWriteThatFailedWithA5xxIsNotResentBlindlyButReadAgain() {
    router.failNext(UPDATE, 1, Fault.unavailable());

    MediaAttacher.builder(withoutEtags()).sleeper(sleeper).allowUnconditionalWrites().build()
        .attach(WS, WT, Sids.ticket());

    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH, UPDATE, FETCH, UPDATE);
  }

  // --- interrupts -----------------------------------------------------------------------------

  @Test
  void anInterruptedThreadSendsNothingAndGetsANonRetryableOutcome() {
    Thread.currentThread().interrupt();

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> attacher().attach(WS, WT, Sids.ticket()));

    assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.statusCode()).isZero();
    assertThat(e.mayHaveWritten()).isFalse();
    assertThat(router.calls()).isEmpty();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThatThrownBy(() -> attacher().createTask(WS, Sids.WW, Sids.ticket(), null))
        .isInstanceOfSatisfying(TaskRouterException.class,
            c -> assertThat(c.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED));
    assertThat(router.taskCount()).isEqualTo(1);
  }

  @Test
  void anInterruptWhileWaitingAfterAnUnclearUpdateSaysTheWriteMayHaveHappened() {
    router.failNext(UPDATE, 1, Fault.unavailable().afterWrite());
    MediaAttacher a = MediaAttacher.builder(router).sleeper(d -> {
      throw new InterruptedException();
    }).build();

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> a.attach(WS, WT, Sids.ticket()));

    assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED);
    assertThat(e.mayHaveWritten()).isTrue();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e).hasMessageContaining("may have been applied");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  // --- attachAll ------------------------------------------------------------------------------

  @Test
  void oneOutcomePerInputInInputOrderDuplicatesIncluded() {
    String a = Sids.task(1);
    String b = Sids.task(2);
    router.putTask(WS, a, "{}");
    router.putTask(WS, b, "{}");

    List<AttachOutcome> outcomes = attacher().attachAll(WS, List.of(a, b, a), Sids.ticket(), 3,
        AttachListener.NONE);

    assertThat(outcomes).extracting(AttachOutcome::taskSid).containsExactly(a, b, a);
    assertThat(outcomes).allMatch(AttachOutcome::succeeded);
    assertThat(outcomes.stream().filter(o -> o.result().changed()).count())
        .as("the second attach of the same task finds its links there").isEqualTo(2);
  }

  @Test
  void aThrowingListenerDoesNotStopTheBatchOrLoseOutcomes() {
    List<String> sids = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      sids.add(Sids.task(i));
      router.putTask(WS, Sids.task(i), "{}");
    }
    AtomicInteger heard = new AtomicInteger();

    List<AttachOutcome> outcomes = attacher().attachAll(WS, sids, Sids.ticket(), 2, o -> {
      heard.incrementAndGet();
      throw new IllegalStateException("listener bug");
    });

    assertThat(outcomes).hasSize(6).allMatch(AttachOutcome::succeeded);
    assertThat(heard).hasValue(6);
    for (String sid : sids) {
      assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, sid))).isEqualTo(Sids.ticket());
    }
  }

  @Test
  void anInterruptStopsNewWorkWaitsForInFlightRestoresTheFlagAndSilencesTheListener()
      throws Exception {
    List<String> sids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      sids.add(Sids.task(i));
      router.putTask(WS, Sids.task(i), "{}");
    }
    router.failAlways(UPDATE, Fault.unavailable());
    CountDownLatch twoWaiting = new CountDownLatch(2);
    MediaAttacher slow = MediaAttacher.builder(router).maxAttempts(100)
        .sleeper(d -> {
          twoWaiting.countDown();
          Thread.sleep(60_000); // ended by the interrupt
        }).build();
    List<Integer> heardDone = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<List<AttachOutcome>> result = new AtomicReference<>();
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();
    AtomicInteger heardAtReturn = new AtomicInteger(-1);
    Thread caller = new Thread(() -> {
      result.set(slow.attachAll(WS, sids, Sids.ticket(), 2, o -> heardDone.add(heardDone.size() + 1)));
      heardAtReturn.set(heardDone.size());
      flagAfter.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    assertThat(twoWaiting.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    assertThat(flagAfter.get()).isTrue();
    List<AttachOutcome> outcomes = result.get();
    assertThat(outcomes).extracting(AttachOutcome::taskSid).containsExactlyElementsOf(sids);
    assertThat(outcomes).noneMatch(AttachOutcome::succeeded);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.cause())
        .isInstanceOfSatisfying(TaskRouterException.class, e -> {
          assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED);
          assertThat(e.isRetryable()).isFalse();
        }));
    assertThat(outcomes.subList(0, 2)).allSatisfy(o ->
        assertThat(((TaskRouterException) o.cause()).mayHaveWritten()).isTrue());
    assertThat(outcomes.subList(2, 5)).allSatisfy(o ->
        assertThat(o.cause()).hasMessageContaining("not started"));
    assertThat(router.calls().stream().filter(c -> c.operation() == UPDATE).count())
        .as("no new work after the interrupt").isEqualTo(2);

    assertThat(heardDone).hasSize(heardAtReturn.get()); // nothing heard after the return
  }

  @Test
  void retryAfterOnA503IsWaitedAndOneBeyondTheCapEndsAtOnceCarryingIt() {
    router.failNext(UPDATE, 1, Fault.unavailable(Duration.ofSeconds(2)));
    attacher().attach(WS, WT, Sids.ticket());
    assertThat(sleeper.waits).singleElement().isEqualTo(Duration.ofSeconds(2));

    router.putTask(WS, WT, "{}");
    router.failNext(UPDATE, 1, Fault.unavailable(Duration.ofSeconds(3600)));
    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> MediaAttacher.builder(router).retryPolicy(Sids.maxRetryAfter(Duration.ofSeconds(1))).build()
            .attach(WS, WT, Sids.ticket()));
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3600));
  }
}
