package io.github.flexmedia.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.AttachOutcome.Status;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.events.AttachClaim;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.AttachStoreStats;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On a real PostgreSQL: the SQL, the row locks and the leases run for real. */
@Timeout(120)
class JdbcAttachStoreTest {
  static final String WS = "WS" + "0".repeat(32);
  static final Duration MINUTE = Duration.ofMinutes(1);

  private final JdbcAttachStore store = JdbcAttachStore.builder(Postgres.dataSource()).build();

  @BeforeEach
  void empty() {
    Postgres.clear();
  }

  static String task(int n) {
    return String.format("WT%032x", n);
  }

  static PendingAttach attach(int task, int link) {
    return PendingAttach.of(WS, task(task), MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/cases/" + task + "/" + link,
            "Case " + link)).build(),
        Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void theMigrationRunsOnceAndIsTheShippedResource() {
    assertThat(store.migrate()).isZero();
    assertThat(Postgres.count("SELECT count(*) FROM flex_media_schema_version")).isEqualTo(1);
    assertThat(JdbcAttachStore.class.getClassLoader().getResource(JdbcAttachStore.MIGRATION_V1))
        .isNotNull();
  }

  @Test
  void aClaimTakesEveryPendingAttachOfATaskTogetherAndRoundTripsTheMedia() {
    PendingAttach a = attach(1, 1);
    PendingAttach b = attach(1, 2);
    PendingAttach c = attach(2, 1);
    store.save(a);
    store.save(b);
    store.save(c);
    store.save(a);   // a webhook redelivered: the same id is kept once

    List<AttachClaim> claims = store.claim("one", 1, MINUTE);

    assertThat(claims).singleElement().satisfies(claim -> {
      assertThat(claim.taskSid()).isEqualTo(task(1));
      assertThat(claim.attaches()).containsExactly(a, b);
      assertThat(claim.takenOver()).isFalse();
      assertThat(claim.leaseUntil()).isAfter(Instant.now().plusSeconds(50));
    });
    assertThat(store.stats()).isEqualTo(new AttachStoreStats(3, 2, 0, 0));
  }

  @Test
  void aStoredRowThatCannotBeReadFailsAloneAndEveryOtherAttachIsStillClaimed() {
    PendingAttach broken = attach(1, 1);
    PendingAttach sameTask = attach(1, 2);
    PendingAttach otherTask = attach(2, 1);
    store.save(broken);
    store.save(sameTask);
    store.save(otherTask);
    // edited by hand, or cut short: not a JSON object any version of flex-media wrote
    overwriteMedia(broken, "[1, 2");

    List<String> warned = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(JdbcAttachStore.class.getName());
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        warned.add(r.getLevel() + " " + r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(handler);
    List<AttachClaim> claims;
    try {
      claims = store.claim("one", 10, MINUTE);
    } finally {
      log.removeHandler(handler);
    }

    // one line, for the one task with such a row; ids and SIDs only, never the stored media
    assertThat(warned).containsExactly("WARNING 1 stored attach(es) of task " + task(1) + " in " + WS
        + " could not be read and were marked FAILED (UnreadableStoredMedia): [" + broken.id() + "]");
    assertThat(claims).extracting(AttachClaim::taskSid).containsExactlyInAnyOrder(task(1), task(2));
    assertThat(claims).flatExtracting(AttachClaim::attaches)
        .containsExactlyInAnyOrder(sameTask, otherTask);
    assertThat(Postgres.count("SELECT count(*) FROM flex_media_attach WHERE id = '" + broken.id()
        + "' AND status = 'FAILED' AND error_kind = '" + JdbcAttachStore.UNREADABLE
        + "' AND media IS NOT NULL")).isEqualTo(1);
    assertThat(store.stats()).isEqualTo(new AttachStoreStats(2, 2, 0, 1));
  }

  @Test
  void threeInstancesClaimingAtOnceEachGoOnAndTheUnreadableRowFailsOnce() throws Exception {
    PendingAttach broken = attach(1, 1);
    store.save(broken);
    List<PendingAttach> good = new ArrayList<>();
    for (int t = 1; t <= 6; t++) {
      PendingAttach a = attach(t, 2);
      good.add(a);
      store.save(a);
    }
    overwriteMedia(broken, "[1, 2");
    JdbcAttachStore second = JdbcAttachStore.builder(Postgres.dataSource()).build();
    JdbcAttachStore third = JdbcAttachStore.builder(Postgres.dataSource()).build();

    List<List<AttachClaim>> racing = race(() -> store.claim("a", 10, MINUTE),
        () -> second.claim("b", 10, MINUTE), () -> third.claim("c", 10, MINUTE));

    List<PendingAttach> claimed = new ArrayList<>();
    racing.forEach(l -> l.forEach(c -> claimed.addAll(c.attaches())));
    assertThat(claimed).containsExactlyInAnyOrderElementsOf(good);
    assertThat(Postgres.count("SELECT count(*) FROM flex_media_attach WHERE status = 'FAILED'"
        + " AND error_kind = '" + JdbcAttachStore.UNREADABLE + "'")).isEqualTo(1);
    assertThat(store.stats().failed()).isEqualTo(1);
  }

  @Test
  void aTaskWhoseOnlyAttachCannotBeReadIsLeftNotClaimed() {
    PendingAttach broken = attach(3, 1);
    store.save(broken);
    overwriteMedia(broken, "\"text\"");

    assertThat(store.claim("one", 10, MINUTE)).isEmpty();
    assertThat(Postgres.count("SELECT count(*) FROM flex_media_attach_task")).isZero();
    assertThat(store.claim("two", 10, MINUTE)).isEmpty();
    assertThat(store.stats()).isEqualTo(new AttachStoreStats(0, 0, 0, 1));
  }

  @Test
  void aSecondInstanceTakesOnlyWhatIsFree() throws Exception {
    for (int t = 0; t < 10; t++) {
      store.save(attach(t, 1));
      store.save(attach(t, 2));
    }
    List<AttachClaim> first = store.claim("first", 4, MINUTE);
    assertThat(first).hasSize(4);

    // two more instances claim at the same moment: neither waits, none takes a held task
    JdbcAttachStore other = JdbcAttachStore.builder(Postgres.dataSource()).build();
    List<List<AttachClaim>> racing = race(() -> other.claim("second", 10, MINUTE),
        () -> store.claim("third", 10, MINUTE));

    List<String> tasks = new ArrayList<>();
    first.forEach(c -> tasks.add(c.taskSid()));
    racing.forEach(l -> l.forEach(c -> tasks.add(c.taskSid())));
    assertThat(tasks).hasSize(10).doesNotHaveDuplicates();
    racing.forEach(l -> l.forEach(c -> assertThat(c.attaches()).hasSize(2)));
    assertThat(store.claim("fourth", 10, MINUTE)).isEmpty();
  }

  @Test
  void anExpiredLeaseIsTakenExactlyOnceAndTheLateOwnerChangesNothing() throws Exception {
    PendingAttach a = attach(1, 1);
    store.save(a);
    AttachClaim dead = store.claim("crashed", 1, Duration.ofMillis(200)).get(0);
    awaitExpired();

    List<List<AttachClaim>> racing = race(() -> store.claim("b", 5, MINUTE),
        () -> store.claim("c", 5, MINUTE), () -> store.claim("d", 5, MINUTE));
    List<AttachClaim> taken = racing.stream().flatMap(List::stream).toList();
    assertThat(taken).singleElement().satisfies(c -> {
      assertThat(c.takenOver()).isTrue();
      assertThat(c.attaches()).containsExactly(a);
    });

    // the slow owner wakes up and finishes first: its outcome is the one, once; its claim's end
    // leaves the live claim alone
    AttachOutcome late = failed(a);
    assertThat(store.complete(dead, Map.of(a.id(), late))).containsExactly(Map.entry(a.id(), late));
    store.release(dead, Instant.now());
    assertThat(store.claim("e", 5, MINUTE)).isEmpty();
    AttachOutcome done = AttachOutcome.of(
        new io.github.flexmedia.twilio.AttachResult(
            new io.github.flexmedia.twilio.TaskSnapshot(WS, task(1), "{}", "1", "assigned",
                "default"), 1, false, List.of()));
    assertThat(done.status()).isEqualTo(Status.UNCHANGED);
    assertThat(store.complete(taken.get(0), Map.of(a.id(), done))).isEmpty();
    assertThat(store.find(a.id())).get().extracting(StoredAttach::status).isEqualTo("FAILED");
    assertThat(Postgres.count("SELECT count(*) FROM flex_media_attach_task")).isZero();
  }

  @Test
  void anAttachSavedWhileItsTaskIsClaimedWaitsForTheNextClaim() {
    PendingAttach a = attach(1, 1);
    store.save(a);
    AttachClaim claim = store.claim("one", 1, MINUTE).get(0);
    PendingAttach late = attach(1, 2);
    store.save(late);
    assertThat(store.claim("two", 5, MINUTE)).isEmpty();

    assertThat(store.complete(claim, Map.of(a.id(), failed(a)))).containsOnlyKeys(a.id());

    assertThat(store.claim("two", 5, MINUTE)).singleElement()
        .satisfies(c -> assertThat(c.attaches()).containsExactly(late));
  }

  @Test
  void releaseMakesTheTaskClaimableAtTheGivenTime() {
    store.save(attach(1, 1));
    AttachClaim claim = store.claim("one", 1, MINUTE).get(0);
    store.release(claim, Instant.now().plus(MINUTE));
    assertThat(store.claim("two", 1, MINUTE)).isEmpty();
    assertThat(store.stats().claimed()).isZero();

    store.save(attach(2, 1));
    store.release(store.claim("two", 1, MINUTE).get(0), Instant.now().minusSeconds(1));
    assertThat(store.claim("three", 5, MINUTE)).extracting(AttachClaim::taskSid)
        .containsExactly(task(2));
  }

  @Test
  void failuresStayWithTheirKindAndNoMessageSuccessesLoseTheirMediaAndArePurged() {
    PendingAttach bad = attach(1, 1);
    PendingAttach good = attach(2, 1);
    store.save(bad);
    store.save(good);
    for (AttachClaim c : store.claim("one", 5, MINUTE)) {
      store.complete(c, c.taskSid().equals(task(1)) ? Map.of(bad.id(), failed(bad))
          : Map.of(good.id(), AttachOutcome.failed(WS, task(2),
              new io.github.flexmedia.twilio.TaskNotFoundException("gone", 20404, null))));
    }

    assertThat(store.failed(10)).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(bad.id());
      assertThat(f.errorKind()).isEqualTo("TaskRouterException 401");
      assertThat(f.completedAt()).isNotNull();
    });
    assertThat(Postgres.count("SELECT count(*) FROM flex_media_attach WHERE media IS NULL"))
        .as("only the failure keeps its media, to be replayed").isEqualTo(1);
    assertThat(Postgres.count(
        "SELECT count(*) FROM flex_media_attach WHERE error_kind LIKE '%crm.example.com%'"))
        .isZero();
    assertThat(store.stats()).isEqualTo(new AttachStoreStats(0, 0, 0, 1));

    assertThat(JdbcAttachStore.builder(Postgres.dataSource()).retention(Duration.ZERO).build()
        .purge()).isEqualTo(1);
    assertThat(store.find(good.id())).isEmpty();

    assertThat(store.replay(bad.id(), Instant.now().plus(MINUTE))).isTrue();
    assertThat(store.replay(bad.id(), Instant.now().plus(MINUTE))).isFalse();
    AttachClaim again = store.claim("two", 5, MINUTE).get(0);
    assertThat(again.attaches()).containsExactly(new PendingAttach(bad.id(), WS, task(1),
        bad.media(), again.attaches().get(0).deadline()));
    store.complete(again, Map.of(bad.id(), failed(bad)));
    assertThat(store.remove(bad.id())).isTrue();
    assertThat(store.forTask(WS, task(1))).isEmpty();
  }

  @Test
  void forTaskListsEveryAttachOfThatTaskOldestFirstWithItsStatus() {
    PendingAttach a = attach(1, 1);
    PendingAttach b = attach(1, 2);
    store.save(a);
    store.save(b);
    store.save(attach(2, 1));
    AttachClaim claim = store.claim("one", 1, MINUTE).get(0);
    store.complete(claim, Map.of(a.id(), failed(a), b.id(), unchanged(b)));
    PendingAttach c = attach(1, 3);
    store.save(c);

    assertThat(store.forTask(WS, task(1))).satisfiesExactly(
        f -> {
          assertThat(f.id()).isEqualTo(a.id());
          assertThat(f.status()).isEqualTo("FAILED");
          assertThat(f.errorKind()).isEqualTo("TaskRouterException 401");
          assertThat(f.completedAt()).isNotNull();
        },
        u -> {
          assertThat(u.id()).isEqualTo(b.id());
          assertThat(u.status()).isEqualTo("UNCHANGED");
          assertThat(u.errorKind()).as("no error, not an empty one").isNull();
          assertThat(u.completedAt()).isNotNull();
        },
        p -> {
          assertThat(p.id()).isEqualTo(c.id());
          assertThat(p.status()).isEqualTo("PENDING");
          assertThat(p.errorKind()).isNull();
          assertThat(p.completedAt()).isNull();
        });
  }

  @Test
  void completeRecordsOnlyTheClaimsOwnAttachesAndLeavesAnotherTasksPending() {
    PendingAttach mine = attach(1, 1);
    PendingAttach other = attach(2, 1);
    store.save(mine);
    store.save(other);
    AttachClaim claim = store.claim("one", 1, MINUTE).get(0);
    assertThat(claim.attaches()).containsExactly(mine);

    assertThat(store.complete(claim, Map.of(mine.id(), failed(mine), other.id(), failed(other))))
        .containsOnlyKeys(mine.id());

    assertThat(store.find(other.id())).get().extracting(StoredAttach::status)
        .isEqualTo("PENDING");
    assertThat(store.claim("two", 5, MINUTE)).singleElement()
        .satisfies(c -> assertThat(c.attaches()).containsExactly(other));
  }

  @Test
  void removeDeletesOnlyAFinishedAttach() {
    PendingAttach pending = attach(1, 1);
    store.save(pending);

    assertThat(store.remove(pending.id())).as("pending: still to be attached").isFalse();
    assertThat(store.remove("no-such-attach")).isFalse();
    assertThat(store.find(pending.id())).get().extracting(StoredAttach::status)
        .isEqualTo("PENDING");
  }

  @Test
  void aTaskWhosePendingRowsAnOperatorDeletedIsDroppedByTheNextClaimNotLeased() {
    store.save(attach(1, 1));
    Postgres.exec("DELETE FROM flex_media_attach");

    assertThat(store.claim("one", 5, MINUTE)).isEmpty();

    PendingAttach next = attach(1, 2);
    store.save(next);
    assertThat(store.claim("two", 5, MINUTE)).singleElement()
        .satisfies(c -> assertThat(c.attaches()).containsExactly(next));
  }

  @Test
  void aNewStoresFirstClaimPurgesOldSuccessesAndLaterClaimsWaitAMinute() {
    JdbcAttachStore noRetention =
        JdbcAttachStore.builder(Postgres.dataSource()).retention(Duration.ZERO).build();
    PendingAttach a = attach(1, 1);
    noRetention.save(a);
    AttachClaim claim = noRetention.claim("one", 1, MINUTE).get(0);
    noRetention.complete(claim, Map.of(a.id(), unchanged(a)));

    noRetention.claim("one", 1, MINUTE);
    assertThat(noRetention.find(a.id())).as("purged at most once a minute").isPresent();

    JdbcAttachStore restarted =
        JdbcAttachStore.builder(Postgres.dataSource()).retention(Duration.ZERO).build();
    assertThat(restarted.claim("two", 1, MINUTE)).isEmpty();
    assertThat(restarted.find(a.id())).isEmpty();
  }

  @Test
  void toStringNamesTheRetentionAndNothingOfTheDatabase() {
    assertThat(store).hasToString("JdbcAttachStore[retention=PT24H]");
  }

  @Test
  void twoQueuesOverOneTableAttachEveryLinkOnceWithOneWritePerTaskWhenTheyCan() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    for (int t = 0; t < 5; t++) {
      router.putTask(WS, task(t), "{}");
    }
    List<AttachOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch all = new CountDownLatch(50);
    AttachQueue one = AttachQueue.builder(MediaAttacher.builder(router).build()).store(store).owner("one")
        .pollInterval(Duration.ofMillis(50)).listener(o -> {
          outcomes.add(o);
          all.countDown();
        }).build();
    AttachQueue two = AttachQueue.builder(MediaAttacher.builder(router).build())
        .store(JdbcAttachStore.builder(Postgres.dataSource()).build()).owner("two")
        .pollInterval(Duration.ofMillis(50)).listener(o -> {
          outcomes.add(o);
          all.countDown();
        }).build();
    for (int i = 0; i < 50; i++) {
      assertThat((i % 2 == 0 ? one : two).offer(attach(i % 5, i))).isTrue();
    }
    assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
    one.shutdown(Duration.ofSeconds(5));
    two.shutdown(Duration.ofSeconds(5));

    assertThat(outcomes).hasSize(50).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.ATTACHED));
    for (int t = 0; t < 5; t++) {
      assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, task(t))).taskMedia())
          .hasSize(10).doesNotHaveDuplicates();
    }
    // claims are exclusive: at most one GET and one POST per claim, never a 412 between them
    assertThat(router.calls()).hasSizeLessThanOrEqualTo(100)
        .noneMatch(c -> c.status() == 412);
    assertThat(store.stats().pending()).isZero();
  }

  @Test
  void aDatabaseThatCannotBeReachedFailsTheOfferAtOnce() {
    try (var dead = Postgres.pool("jdbc:postgresql://127.0.0.1:1/postgres", 1)) {
      AttachQueue q = AttachQueue.builder(new InMemoryTaskRouter())
          .store(JdbcAttachStore.builder(dead).build()).pollInterval(Duration.ZERO).build();
      assertThatThrownBy(() -> q.offer(attach(1, 1))).isInstanceOf(AttachStoreException.class)
          .hasMessageStartingWith("attach store save failed (SQL state ");
    }
  }

  static AttachOutcome failed(PendingAttach a) {
    return AttachOutcome.failed(a.workspaceSid(), a.taskSid(),
        new TaskRouterException("Authenticate", 401, 20003, null));
  }

  static AttachOutcome unchanged(PendingAttach a) {
    return AttachOutcome.of(new io.github.flexmedia.twilio.AttachResult(
        new io.github.flexmedia.twilio.TaskSnapshot(a.workspaceSid(), a.taskSid(), "{}", "1",
            "assigned", "default"), 1, false, List.of()));
  }

  private void awaitExpired() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (store.stats().expiredLeases() == 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(store.stats().expiredLeases()).isEqualTo(1);
  }

  /** Overwrites a stored attach's media as a hand edit or a cut-short write would leave them. */
  private static void overwriteMedia(PendingAttach attach, String media) {
    Postgres.exec("UPDATE flex_media_attach SET media = '" + media + "' WHERE id = '" + attach.id() + "'");
  }

  @SafeVarargs
  private static List<List<AttachClaim>> race(Callable<List<AttachClaim>>... claimers)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(claimers.length);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<AttachClaim>>> futures = new ArrayList<>();
      for (Callable<List<AttachClaim>> c : claimers) {
        futures.add(pool.submit(() -> {
          go.await();
          return c.call();
        }));
      }
      go.countDown();
      List<List<AttachClaim>> out = new ArrayList<>();
      for (Future<List<AttachClaim>> f : futures) {
        out.add(f.get(30, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
