package io.github.flexmedia.twilio.internal.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.LogCapture;
import io.github.flexmedia.twilio.MediaAttacher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stopping a bulk attach: an interrupt of the caller interrupts the attaches in flight, waits for
 * them within its grace (and no longer, when one ignores it), reports each task for what happened
 * to it, and gives the caller its interrupt back. The interleavings are forced with latches.
 */
@Timeout(60)
class BulkAttachStopTest {
  private static final String WS = "WS0123456789abcdef0123456789abcdef";

  private static List<String> tasks(int n) {
    List<String> sids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      sids.add(String.format("WT%032x", i));
    }
    return sids;
  }

  private static List<MediaAttributes> media(int n) {
    return Collections.nCopies(n, MediaAttributes.empty());
  }

  /** The outcomes and the caller's interrupt flag after it returned. */
  private record Returned(List<AttachOutcome> outcomes, boolean interrupted) {}

  @Test
  void anInterruptedBulkAttachStopsTheAttachesInFlightReportsThemAndStartsNoOther()
      throws Exception {
    CountDownLatch twoStarted = new CountDownLatch(2);
    AtomicInteger stoppedByInterrupt = new AtomicInteger();
    List<AttachOutcome> heard = Collections.synchronizedList(new ArrayList<>());
    BulkAttach.Attach blocking = (ws, sid, m) -> {
      twoStarted.countDown();
      try {
        new CountDownLatch(1).await(); // until interrupted
      } catch (InterruptedException e) {
        stoppedByInterrupt.incrementAndGet();
        throw new IllegalStateException("stopped by interrupt");
      }
      throw new AssertionError("not reached");
    };
    CompletableFuture<Returned> returned = new CompletableFuture<>();
    Thread caller = new Thread(() -> returned.complete(new Returned(
        BulkAttach.attachAll(WS, tasks(3), media(3), 2, heard::add, Duration.ofSeconds(30), blocking),
        Thread.currentThread().isInterrupted())));
    caller.start();

    assertThat(twoStarted.await(30, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    Returned r = returned.get(30, TimeUnit.SECONDS);

    assertThat(r.interrupted()).as("the caller's interrupt is given back").isTrue();
    assertThat(stoppedByInterrupt).hasValue(2);
    assertThat(r.outcomes()).hasSize(3);
    assertThat(r.outcomes().subList(0, 2)).allSatisfy(o -> {
      assertThat(o.status()).isEqualTo(AttachOutcome.Status.FAILED);
      assertThat(o.cause()).hasMessage("stopped by interrupt");
    });
    assertThat(heard).as("the stopped attaches were waited for and reported").hasSize(2);
    assertThat(r.outcomes().get(2).cause()).hasMessageContaining(
        "was not started: the bulk attach was stopped");
  }

  @Test
  void anAttachThatIgnoresTheInterruptIsWaitedForOnlyTheGraceAndMayHaveWritten() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BulkAttach.Attach deaf = (ws, sid, m) -> {
      started.countDown();
      boolean interrupted = false;
      while (true) {
        try {
          release.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // ignored, as a blocking client may
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("finished late");
    };
    List<AttachOutcome> heard = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<List<AttachOutcome>> returned = new CompletableFuture<>();
    Thread caller = new Thread(() -> returned.complete(BulkAttach.attachAll(
        WS, tasks(1), media(1), 1, heard::add, Duration.ofMillis(100), deaf)));
    caller.start();

    try {
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      List<AttachOutcome> outcomes = returned.get(30, TimeUnit.SECONDS);

      assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.cause())
          .hasMessageContaining("was still running when the bulk attach was stopped; it may have written"));
    } finally {
      release.countDown();
    }
    assertThat(heard).as("nothing is told after attachAll returned").isEmpty();
  }

  @Test
  void aListenerThatThrowsIsLoggedAndTheBatchGoesOnOnDaemonThreads() {
    AtomicBoolean allDaemons = new AtomicBoolean(true);
    BulkAttach.Attach failing = (ws, sid, m) -> {
      if (!Thread.currentThread().isDaemon()) {
        allDaemons.set(false);
      }
      throw new IllegalStateException("no such task");
    };
    try (LogCapture log = LogCapture.of(MediaAttacher.class)) {
      List<AttachOutcome> outcomes = BulkAttach.attachAll(WS, tasks(2), media(2), 1, o -> {
        throw new IllegalArgumentException("listener bug");
      }, Duration.ofSeconds(5), failing);

      assertThat(outcomes).hasSize(2).allMatch(o -> o.status() == AttachOutcome.Status.FAILED);
      assertThat(log.lines()).containsExactly(
          "WARNING bulk attach: the listener threw java.lang.IllegalArgumentException for task "
              + tasks(2).get(0) + "; the batch goes on",
          "WARNING bulk attach: the listener threw java.lang.IllegalArgumentException for task "
              + tasks(2).get(1) + "; the batch goes on");
    }
    assertThat(allDaemons).isTrue();
  }
}
