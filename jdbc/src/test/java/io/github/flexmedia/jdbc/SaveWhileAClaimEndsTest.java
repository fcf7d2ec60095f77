package io.github.flexmedia.jdbc;

import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.MINUTE;
import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.attach;
import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.failed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.events.AttachClaim;
import io.github.flexmedia.twilio.events.PendingAttach;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A webhook's attach saved for a task at the moment its claim ends must be claimed next, never
 * left behind with no task row to find it (lost). The interleaving is forced: the save has run
 * and holds the task row, uncommitted, while the claim ends; the save commits only once the
 * ending transaction waits for that row.
 */
@Timeout(120)
class SaveWhileAClaimEndsTest {
  private final JdbcAttachStore store = JdbcAttachStore.builder(Postgres.dataSource()).build();
  private final CountDownLatch saveHolding = new CountDownLatch(1);
  private final CountDownLatch letSaveCommit = new CountDownLatch(1);
  private final JdbcAttachStore webhook = JdbcAttachStore.builder(
      PoolDoubles.commitsWhenLetGo(saveHolding, letSaveCommit)).build();

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void empty() {
    Postgres.clear();
  }

  @AfterEach
  void stop() {
    letSaveCommit.countDown();
    threads.shutdownNow();
  }

  @Test
  void anAttachSavedWhileItsTasksLastAttachCompletesIsClaimedNext() throws Exception {
    PendingAttach first = attach(1, 1);
    store.save(first);
    AttachClaim claim = store.claim("one", 1, MINUTE).get(0);

    PendingAttach late = attach(1, 2);
    endWhileSaving(late, () -> store.complete(claim, Map.of(first.id(), failed(first))));

    assertThat(store.claim("two", 5, MINUTE)).singleElement()
        .satisfies(c -> assertThat(c.attaches()).containsExactly(late));
  }

  @Test
  void anAttachSavedWhileATakenOverClaimWithNothingLeftIsReleasedIsClaimedNext()
      throws Exception {
    PendingAttach first = attach(1, 1);
    store.save(first);
    AttachClaim dead = store.claim("crashed", 1, Duration.ofMillis(1)).get(0);
    AttachClaim live = takeOver();
    // the slow owner finishes the attach after all: the live claim has nothing left to do
    store.complete(dead, Map.of(first.id(), failed(first)));

    PendingAttach late = attach(1, 2);
    endWhileSaving(late, () -> store.release(live, Instant.now()));

    assertThat(store.claim("two", 5, MINUTE)).singleElement()
        .satisfies(c -> assertThat(c.attaches()).containsExactly(late));
  }

  /**
   * Saves {@code late} in a transaction held open, ends the claim with {@code end} on another
   * thread, and lets the save commit once that thread waits for the task row.
   */
  private void endWhileSaving(PendingAttach late, Runnable end) throws Exception {
    CompletableFuture<Boolean> save =
        CompletableFuture.supplyAsync(() -> webhook.save(late), threads);
    assertThat(saveHolding.await(30, TimeUnit.SECONDS)).as("the save ran, uncommitted").isTrue();
    CompletableFuture<Void> ending = CompletableFuture.runAsync(end, threads);
    awaitLockWaiter();
    letSaveCommit.countDown();
    assertThat(save.get(30, TimeUnit.SECONDS)).isTrue();
    ending.get(30, TimeUnit.SECONDS);
  }

  private AttachClaim takeOver() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      var taken = store.claim("live", 1, MINUTE);
      if (!taken.isEmpty()) {
        assertThat(taken.get(0).takenOver()).isTrue();
        return taken.get(0);
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the 1 ms lease never ran out");
  }

  /** Waits until a PostgreSQL backend waits for a lock: the ending transaction, on the task row. */
  private static void awaitLockWaiter() throws InterruptedException {
    String waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Postgres.count(waiting) == 0 && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertThat(Postgres.count(waiting)).as("the claim's end waits for the saved row").isEqualTo(1);
  }
}
