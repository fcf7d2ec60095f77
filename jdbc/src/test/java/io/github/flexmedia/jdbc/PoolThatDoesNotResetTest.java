package io.github.flexmedia.jdbc;

import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.MINUTE;
import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.attach;
import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.failed;
import static io.github.flexmedia.jdbc.JdbcAttachStoreTest.unchanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.events.AttachClaim;
import io.github.flexmedia.twilio.events.PendingAttach;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On a pool that hands a connection back as the last caller left it (no rollback, auto-commit as
 * it was): the store must neither leave a failed transaction's work behind nor leave a write
 * uncommitted. A second store on the ordinary pool looks, as another instance would.
 */
@Timeout(120)
class PoolThatDoesNotResetTest {
  private final JdbcAttachStore elsewhere = JdbcAttachStore.builder(Postgres.dataSource()).build();
  private final AtomicReference<String> failNext = new AtomicReference<>();

  @BeforeEach
  void empty() {
    Postgres.clear();
  }

  @Test
  void aClaimThatFailsHalfWayLeavesItsTaskClaimableAtOnce() throws Exception {
    try (Connection one = Postgres.connect()) {
      JdbcAttachStore store = JdbcAttachStore.builder(PoolDoubles.neverResets(one, failNext))
          .build();
      PendingAttach a = attach(1, 1);
      store.save(a);

      // the task row is leased; the read of its attaches fails
      failNext.set("SELECT id, media, deadline FROM flex_media_attach");
      assertThatThrownBy(() -> store.claim("one", 1, MINUTE))
          .isInstanceOfSatisfying(AttachStoreException.class, e -> {
            assertThat(e).hasMessage("attach store claim failed (SQL state 08006)");
            assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.NO_RESPONSE);
          });
      assertThat(failNext.get()).as("the failure was injected").isNull();

      assertThat(store.claim("two", 1, MINUTE)).singleElement().satisfies(c -> {
        assertThat(c.attaches()).containsExactly(a);
        assertThat(c.takenOver()).isFalse();
      });
    }
  }

  @Test
  void savesRemovesAndPurgesAfterAClaimAreCommittedWhenTheyReturn() throws Exception {
    try (Connection one = Postgres.connect()) {
      JdbcAttachStore store = JdbcAttachStore.builder(PoolDoubles.neverResets(one, failNext))
          .retention(Duration.ZERO).build();
      PendingAttach failing = attach(1, 1);
      store.save(failing);
      AttachClaim first = store.claim("one", 1, MINUTE).get(0);
      store.complete(first, Map.of(failing.id(), failed(failing)));

      // each write below gets the connection as a transaction left it, auto-commit off
      assertThat(store.remove(failing.id())).isTrue();
      assertThat(elsewhere.find(failing.id())).as("removed").isEmpty();

      assertThat(store.claim("one", 1, MINUTE)).as("nothing pending").isEmpty();
      PendingAttach next = attach(2, 1);
      store.save(next);
      assertThat(elsewhere.find(next.id())).as("saved").isPresent();

      AttachClaim second = store.claim("one", 1, MINUTE).get(0);
      store.complete(second, Map.of(next.id(), unchanged(next)));
      assertThat(store.purge()).isEqualTo(1);
      assertThat(elsewhere.find(next.id())).as("purged").isEmpty();
    }
  }
}
