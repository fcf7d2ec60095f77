package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code attachAll} works on at most {@code concurrency} tasks at once, and on that many. */
@Timeout(60)
class BulkConcurrencyLimitTest {
  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final Semaphore arrived = new Semaphore(0);
  private final Semaphore gate = new Semaphore(0);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  /** Holds every read until the test lets it through, counting the reads held at once. */
  private final TaskRouterClient held = new TaskRouterClient() {
    @Override
    public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      arrived.release();
      try {
        gate.acquireUninterruptibly();
        return router.fetchTask(workspaceSid, taskSid);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public TaskSnapshot updateTaskAttributes(
        String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
      return router.updateTaskAttributes(workspaceSid, taskSid, attributesJson, ifMatch);
    }

    @Override
    public TaskSnapshot createTask(String workspaceSid, String workflowSid, String json) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void attachAllHoldsTwoTasksInFlightWhenItsConcurrencyIsTwo() throws Exception {
    List<String> tasks = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      tasks.add(Sids.task(i));
      router.putTask(WS, Sids.task(i), "{}");
    }
    MediaAttacher attacher = MediaAttacher.builder(held).build();
    CompletableFuture<List<AttachOutcome>> all = CompletableFuture.supplyAsync(
        () -> attacher.attachAll(WS, tasks, Sids.ticket(), 2, AttachListener.NONE));

    // Let the reads through one at a time, each only once another has arrived.
    assertThat(arrived.tryAcquire(2, 30, TimeUnit.SECONDS)).as("two reads at once").isTrue();
    for (int i = 0; i < 4; i++) {
      gate.release();
      assertThat(arrived.tryAcquire(30, TimeUnit.SECONDS)).as("the next read").isTrue();
    }
    gate.release(2);

    assertThat(all.get(30, TimeUnit.SECONDS)).extracting(AttachOutcome::status)
        .containsOnly(AttachOutcome.Status.ATTACHED).hasSize(6);
    assertThat(maxInFlight).hasValue(2);
  }
}
