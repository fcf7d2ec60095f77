package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static io.github.flexmedia.twilio.events.Callbacks.WT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.AttachOutcome.Status;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskSnapshot;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Shutdown interrupts the workers, and an interrupted call may fail with whatever the HTTP stack
 * makes of it (here what an NIO channel closed by the interrupt gives), not with an interruption.
 * Such an attach was stopped by the shutdown, not finished: it must stay in a durable store for
 * another instance, not be reported FAILED and deleted.
 */
@Timeout(60)
class AttachQueueShutdownTest {
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final List<AttachOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

  /** Fails every update the way an NIO client does when its thread is interrupted mid-call. */
  private final class InterruptibleWrites implements TaskRouterClient {
    final CountDownLatch sending = new CountDownLatch(1);
    final boolean hang;

    InterruptibleWrites(boolean hang) {
      this.hang = hang;
    }

    @Override
    public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
      return router.fetchTask(workspaceSid, taskSid);
    }

    @Override
    public TaskSnapshot updateTaskAttributes(
        String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
      sending.countDown();
      if (hang) {
        try {
          new CountDownLatch(1).await(); // until interrupted
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // as ClosedByInterruptException leaves it
        }
      }
      throw new UncheckedIOException(new ClosedByInterruptException());
    }

    @Override
    public TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson) {
      throw new UnsupportedOperationException();
    }
  }

  /** A table that outlives the queue, as a database's would. */
  private static final class Table implements PendingAttachStore {
    final Map<String, PendingAttach> pending = new LinkedHashMap<>();
    final Map<String, AttachClaim> claims = new LinkedHashMap<>();
    final Map<String, AttachOutcome> finished = new LinkedHashMap<>();
    final CountDownLatch completed = new CountDownLatch(1);

    @Override
    public synchronized boolean save(PendingAttach attach) {
      pending.put(attach.id(), attach);
      return true;
    }

    @Override
    public synchronized List<AttachClaim> claim(String owner, int maxTasks, Duration lease) {
      if (pending.isEmpty()) {
        return List.of();
      }
      List<PendingAttach> all = List.copyOf(pending.values()); // one task in these tests
      pending.clear();
      AttachClaim c = new AttachClaim(UUID.randomUUID().toString(), WS, WT, all,
          Instant.now().plus(lease), false);
      claims.put(c.id(), c);
      return List.of(c);
    }

    @Override
    public Map<String, AttachOutcome> complete(
        AttachClaim claim, Map<String, AttachOutcome> outcomes) {
      try {
        synchronized (this) {
          claims.remove(claim.id());
          Map<String, AttachOutcome> recorded = new LinkedHashMap<>();
          for (PendingAttach a : claim.attaches()) {
            AttachOutcome o = outcomes.get(a.id());
            if (o == null) {
              pending.put(a.id(), a);
            } else {
              finished.put(a.id(), o);
              recorded.put(a.id(), o);
            }
          }
          return recorded;
        }
      } finally {
        completed.countDown();
      }
    }

    @Override
    public synchronized void release(AttachClaim claim, Instant retryAt) {
      claims.remove(claim.id());
      claim.attaches().forEach(a -> pending.put(a.id(), a));
    }

    @Override
    public synchronized AttachStoreStats stats() {
      long held = claims.values().stream().mapToLong(c -> c.attaches().size()).sum();
      return new AttachStoreStats(pending.size() + held, held, 0, finished.size());
    }
  }

  private AttachQueue queue(TaskRouterClient client, Table table) {
    return AttachQueue.builder(MediaAttacher.builder(client).build())
        .workers(1).store(table).pollInterval(Duration.ZERO).listener(outcomes::add).build();
  }

  @Test
  void anAttachWhoseCallShutdownBrokeStaysInTheStoreUnreported() throws Exception {
    router.putTask(WS, WT, "{}");
    InterruptibleWrites client = new InterruptibleWrites(true);
    Table table = new Table();
    AttachQueue q = queue(client, table);
    PendingAttach a = PendingAttach.of(WS, WT, CRM, Instant.now().plus(Duration.ofMinutes(2)));
    assertThat(q.offer(a)).isTrue();
    assertThat(client.sending.await(30, TimeUnit.SECONDS)).as("the update is in flight").isTrue();

    List<PendingAttach> unfinished = q.shutdown(Duration.ZERO);
    assertThat(table.completed.await(30, TimeUnit.SECONDS)).as("the worker ended its claim").isTrue();

    assertThat(unfinished).containsExactly(a);
    synchronized (table) {
      assertThat(table.finished).as("recorded as finished").isEmpty();
      assertThat(table.pending.keySet()).as("claimable by another instance").containsExactly(a.id());
    }
    assertThat(outcomes).isEmpty();
  }

  @Test
  void theSameFailureWhileTheQueueRunsIsReportedFailed() throws Exception {
    router.putTask(WS, WT, "{}");
    Table table = new Table();
    AttachQueue q = queue(new InterruptibleWrites(false), table);
    PendingAttach a = PendingAttach.of(WS, WT, CRM, Instant.now().plus(Duration.ofMinutes(2)));
    assertThat(q.offer(a)).isTrue();
    assertThat(table.completed.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(q.shutdown(Duration.ofSeconds(30))).isEmpty();

    synchronized (table) {
      assertThat(table.finished.keySet()).containsExactly(a.id());
      assertThat(table.finished.get(a.id()).status()).isEqualTo(Status.FAILED);
      assertThat(table.pending).isEmpty();
    }
    assertThat(outcomes).extracting(AttachOutcome::status).containsExactly(Status.FAILED);
    assertThat(outcomes.get(0).cause()).isInstanceOf(UncheckedIOException.class);
  }
}
