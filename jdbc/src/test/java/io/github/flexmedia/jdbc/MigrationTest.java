package io.github.flexmedia.jdbc;

import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.MINUTE;
import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.attach;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.events.PendingAttach;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link JdbcAttachStore#migrate()} where none of the store's tables exist yet. */
@Timeout(120)
class MigrationTest {

  @Test
  void anEmptySchemaGetsTheTablesOnceAndTheStoreWorksOnThem() {
    DataSource empty = Postgres.emptySchema();
    JdbcAttachStore store = JdbcAttachStore.builder(empty).build();

    assertThat(store.migrate()).as("the shipped migration ran").isEqualTo(1);
    assertThat(store.migrate()).as("the schema is current").isZero();

    PendingAttach a = attach(1, 1);
    store.save(a);
    assertThat(store.claim("one", 1, MINUTE)).singleElement()
        .satisfies(c -> assertThat(c.attaches()).containsExactly(a));
  }

  @Test
  void instancesStartingTogetherRunTheMigrationOnce() throws Exception {
    DataSource empty = Postgres.emptySchema();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> starts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JdbcAttachStore instance = JdbcAttachStore.builder(empty).build();
      starts.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return instance.migrate();
      }, threads));
    }
    go.countDown();

    List<Integer> ran = new ArrayList<>();
    try {
      for (CompletableFuture<Integer> s : starts) {
        ran.add(s.get(60, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(ran).containsExactlyInAnyOrder(1, 0, 0);
  }
}
