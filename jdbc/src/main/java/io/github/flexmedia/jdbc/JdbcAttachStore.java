package io.github.flexmedia.jdbc;

import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.events.AttachClaim;
import io.github.flexmedia.twilio.events.AttachStoreStats;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.events.PendingAttachStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A {@link PendingAttachStore} in PostgreSQL (13 or later), shared by every instance of a fleet:
 * the pattern of the mature PostgreSQL job queues (River, Oban, Solid Queue, db-scheduler). A
 * claim takes task rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers never wait for
 * each other nor take the same task, and gives each a lease; a lease that runs out makes the task
 * claimable again. Outcomes stay in the table: successes for {@link Builder#retention(Duration)},
 * failures until {@link #remove(String)} or {@link #replay(String, Instant)}.
 *
 * <pre>{@code
 * JdbcAttachStore store = JdbcAttachStore.builder(dataSource).build();
 * store.migrate();   // or run V1__flex_media_attach_queue.sql with Flyway or Liquibase
 * AttachQueue queue = AttachQueue.builder(client).store(store).build();
 * }</pre>
 *
 * <p>Work is found by polling (the queue asks once a second, and at once after its own offers and
 * finished claims), not LISTEN/NOTIFY: a listening connection must live outside the pool and does
 * not survive PgBouncer's transaction pooling, and the claim query is one index probe.
 *
 * <p>Every method takes a connection from the {@link DataSource} and gives it back; the {@code
 * DataSource} should pool. Thread-safe.
 */
public final class JdbcAttachStore implements PendingAttachStore {
  /** The migration shipped in this jar, as a class path resource. */
  public static final String MIGRATION_V1 =
      "io/github/flexmedia/jdbc/migration/V1__flex_media_attach_queue.sql";

  private static final String SAVE =
      "WITH t AS (INSERT INTO flex_media_attach_task (workspace_sid, task_sid, available_at)"
      + " VALUES (?, ?, now()) ON CONFLICT (workspace_sid, task_sid) DO UPDATE"
      // taking the row lock orders this save against a claim ending (see end()): either the
      // claim sees the new attach, or the task row is gone and this inserts a new one
      + " SET available_at = CASE WHEN flex_media_attach_task.claim_id IS NULL"
      + " THEN LEAST(flex_media_attach_task.available_at, now())"
      + " ELSE flex_media_attach_task.available_at END RETURNING 1)"
      + " INSERT INTO flex_media_attach (id, workspace_sid, task_sid, media, deadline)"
      + " SELECT ?, ?, ?, ?, ? FROM t ON CONFLICT (id) DO NOTHING";
  private static final String CLAIM =
      "WITH picked AS (SELECT workspace_sid, task_sid, claim_id IS NOT NULL AS taken_over"
      + " FROM flex_media_attach_task WHERE available_at <= now() ORDER BY available_at"
      + " LIMIT ? FOR UPDATE SKIP LOCKED)"
      + " UPDATE flex_media_attach_task t SET claim_id = gen_random_uuid(), claimed_by = ?,"
      + " available_at = now() + ? * interval '1 millisecond', claims = t.claims + 1"
      + " FROM picked WHERE t.workspace_sid = picked.workspace_sid"
      + " AND t.task_sid = picked.task_sid"
      + " RETURNING t.workspace_sid, t.task_sid, t.claim_id, t.available_at, picked.taken_over";
  private static final String CLAIMED_ATTACHES =
      "SELECT id, media, deadline FROM flex_media_attach"
      + " WHERE workspace_sid = ? AND task_sid = ? AND status = 'PENDING' ORDER BY created_at, id";
  private static final String LOCK_TASK =
      "SELECT claim_id FROM flex_media_attach_task WHERE workspace_sid = ? AND task_sid = ?"
      + " FOR UPDATE";
  /**
   * The error kind of an attach whose stored media could not be read back (the row was edited or
   * cut short outside flex-media).
   */
  static final String UNREADABLE = "UnreadableStoredMedia";
  private static final System.Logger LOG = System.getLogger(JdbcAttachStore.class.getName());
  private static final String RECORD =
      "UPDATE flex_media_attach SET status = ?, error_kind = ?, completed_at = now(),"
      + " media = CASE WHEN ? THEN media END WHERE id = ? AND status = 'PENDING'";
  private static final String DELETE_IF_DONE =
      "DELETE FROM flex_media_attach_task t WHERE workspace_sid = ? AND task_sid = ?"
      + " AND claim_id = ? AND NOT EXISTS (SELECT 1 FROM flex_media_attach a"
      + " WHERE a.workspace_sid = t.workspace_sid AND a.task_sid = t.task_sid"
      + " AND a.status = 'PENDING')";
  private static final String FREE =
      "UPDATE flex_media_attach_task SET claim_id = NULL, claimed_by = NULL, available_at = ?"
      + " WHERE workspace_sid = ? AND task_sid = ? AND claim_id = ?";
  private static final String STATS =
      "SELECT (SELECT count(*) FROM flex_media_attach WHERE status = 'PENDING'),"
      + " (SELECT count(*) FROM flex_media_attach a JOIN flex_media_attach_task t"
      + " USING (workspace_sid, task_sid) WHERE a.status = 'PENDING'"
      + " AND t.claim_id IS NOT NULL AND t.available_at > now()),"
      + " (SELECT count(*) FROM flex_media_attach_task"
      + " WHERE claim_id IS NOT NULL AND available_at <= now()),"
      + " (SELECT count(*) FROM flex_media_attach WHERE status = 'FAILED')";
  private static final String PURGE =
      "DELETE FROM flex_media_attach WHERE status IN ('ATTACHED', 'UNCHANGED', 'EXPIRED')"
      + " AND completed_at < now() - ? * interval '1 millisecond'";
  private static final String COLUMNS =
      "SELECT id, workspace_sid, task_sid, status, error_kind, completed_at FROM flex_media_attach";

  private final DataSource dataSource;
  private final Duration retention;
  private final AtomicLong nextPurge = new AtomicLong();

  private JdbcAttachStore(Builder b) {
    this.dataSource = b.dataSource;
    this.retention = b.retention;
  }

  /**
   * Starts a store over {@code dataSource}: successes kept for a day, failures until removed.
   *
   * @param dataSource where the tables are (a pooling data source)
   * @return a new builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Creates the tables if this store's migrations have not run yet, under a transaction-scoped
   * advisory lock so that instances starting together run them once. Records what it ran in
   * {@code flex_media_schema_version}. Skip it when Flyway or Liquibase runs {@link #MIGRATION_V1}.
   *
   * @return how many migrations ran (0 when the schema is current)
   */
  public int migrate() {
    return inTransaction("migrate", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(7239164011)");
        s.execute("CREATE TABLE IF NOT EXISTS flex_media_schema_version"
            + " (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        try (ResultSet r = s.executeQuery(
            "SELECT count(*) FROM flex_media_schema_version WHERE version = 1")) {
          r.next();
          if (r.getLong(1) > 0) {
            return 0;
          }
        }
        s.execute(resource(MIGRATION_V1));
        s.execute("INSERT INTO flex_media_schema_version (version) VALUES (1)");
        return 1;
      }
    });
  }

  private static String resource(String name) {
    try (InputStream in = JdbcAttachStore.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean save(PendingAttach attach) {
    Objects.requireNonNull(attach, "attach");
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(SAVE)) {
      // committed when it returns, even from a pool that hands back a connection as the last
      // transaction left it (remove and purge likewise)
      c.setAutoCommit(true);
      p.setString(1, attach.workspaceSid());
      p.setString(2, attach.taskSid());
      p.setString(3, attach.id());
      p.setString(4, attach.workspaceSid());
      p.setString(5, attach.taskSid());
      p.setString(6, attach.media().toJson());
      p.setTimestamp(7, Timestamp.from(attach.deadline()));
      p.executeUpdate();
      return true;
    } catch (SQLException e) {
      throw new AttachStoreException("save", e);
    }
  }

  @Override
  public List<AttachClaim> claim(String owner, int maxTasks, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be at least 1");
    }
    purgeNowAndThen();
    return inTransaction("claim", c -> {
      List<AttachClaim> claims = new ArrayList<>();
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(CLAIM)) {
        p.setInt(1, maxTasks);
        p.setString(2, owner);
        p.setLong(3, lease.toMillis());
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            rows.add(new Object[] {r.getString(1), r.getString(2), r.getString(3),
                r.getTimestamp(4).toInstant(), r.getBoolean(5)});
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement(CLAIMED_ATTACHES)) {
        for (Object[] row : rows) {
          String ws = (String) row[0];
          String wt = (String) row[1];
          p.setString(1, ws);
          p.setString(2, wt);
          List<PendingAttach> attaches = new ArrayList<>();
          List<String> unreadable = new ArrayList<>();
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              try {
                attaches.add(new PendingAttach(r.getString(1), ws, wt,
                    MediaAttributes.fromTaskAttributes(r.getString(2)),
                    r.getTimestamp(3).toInstant()));
              } catch (MalformedAttributesException e) {
                unreadable.add(r.getString(1));
              }
            }
          }
          // A row no version of flex-media wrote (edited by hand, cut short) would otherwise fail
          // every claim that reaches it, the whole fleet's: it fails alone, kept for an operator.
          failUnreadable(c, ws, wt, unreadable);
          if (attaches.isEmpty()) {
            // nothing pending (removed by an operator): the task row goes
            end(c, ws, wt, (String) row[2], Instant.now());
          } else {
            claims.add(new AttachClaim((String) row[2], ws, wt, attaches, (Instant) row[3],
                (Boolean) row[4]));
          }
        }
      }
      return claims;
    });
  }

  private static void failUnreadable(Connection c, String ws, String wt, List<String> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement(RECORD)) {
      for (String id : ids) {
        addRecord(p, id, AttachOutcome.Status.FAILED, UNREADABLE);
      }
      p.executeBatch();
    }
    LOG.log(System.Logger.Level.WARNING, () -> ids.size() + " stored attach(es) of task " + wt
        + " in " + ws + " could not be read and were marked FAILED (" + UNREADABLE + "): " + ids);
  }

  /**
   * Adds one row's outcome to a batch of {@link #RECORD}: a FAILED attach keeps its media (for
   * {@code replay}), any other outcome drops them.
   */
  private static void addRecord(PreparedStatement p, String id, AttachOutcome.Status status,
      String errorKind) throws SQLException {
    p.setString(1, status.name());
    p.setString(2, errorKind);
    p.setBoolean(3, status == AttachOutcome.Status.FAILED);
    p.setString(4, id);
    p.addBatch();
  }

  @Override
  public Map<String, AttachOutcome> complete(
      AttachClaim claim, Map<String, AttachOutcome> outcomes) {
    return inTransaction("complete", c -> {
      lockTask(c, claim);
      Map<String, AttachOutcome> recorded = new LinkedHashMap<>();
      Set<String> claimed = new HashSet<>();
      claim.attaches().forEach(a -> claimed.add(a.id()));
      List<Map.Entry<String, AttachOutcome>> batch = new ArrayList<>();
      outcomes.entrySet().stream().filter(e -> claimed.contains(e.getKey())).forEach(batch::add);
      if (!batch.isEmpty()) {
        try (PreparedStatement p = c.prepareStatement(RECORD)) {
          for (Map.Entry<String, AttachOutcome> e : batch) {
            AttachOutcome o = e.getValue();
            addRecord(p, e.getKey(), o.status(), errorKind(o.cause()));
          }
          int[] counts = p.executeBatch();
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              recorded.put(batch.get(i).getKey(), batch.get(i).getValue());
            }
          }
        }
      }
      end(c, claim.workspaceSid(), claim.taskSid(), claim.id(), Instant.now());
      return recorded;
    });
  }

  @Override
  public void release(AttachClaim claim, Instant retryAt) {
    inTransaction("release", c -> {
      lockTask(c, claim);
      end(c, claim.workspaceSid(), claim.taskSid(), claim.id(), retryAt);
      return null;
    });
  }

  /** Work done in one transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
   * (a driver's exception becomes an {@link AttachStoreException} naming {@code operation}).
   */
  private <T> T inTransaction(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AttachStoreException(operation, e);
    }
  }

  /** Locks the task row first, so that a concurrent save waits for this claim to end. */
  private static void lockTask(Connection c, AttachClaim claim) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(LOCK_TASK)) {
      p.setString(1, claim.workspaceSid());
      p.setString(2, claim.taskSid());
      p.executeQuery().close();
    }
  }

  /**
   * Ends a claim, if it is still the task's: the task row goes when nothing is pending for it,
   * else it is freed, claimable from {@code availableAt}. Runs after the row is locked, so the
   * pending check sees every save that committed before.
   */
  private static void end(Connection c, String ws, String wt, String claimId, Instant availableAt)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(DELETE_IF_DONE)) {
      p.setString(1, ws);
      p.setString(2, wt);
      p.setObject(3, UUID.fromString(claimId));
      if (p.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement p = c.prepareStatement(FREE)) {
      p.setTimestamp(1, Timestamp.from(availableAt));
      p.setString(2, ws);
      p.setString(3, wt);
      p.setObject(4, UUID.fromString(claimId));
      p.executeUpdate();
    }
  }

  /** The cause's type and HTTP status: what an operator needs, and never a message. */
  static String errorKind(RuntimeException cause) {
    if (cause == null) {
      return null;
    }
    String kind = cause.getClass().getSimpleName();
    if (cause instanceof TaskRouterException t) {
      // a passed deadline has no status code: its kind says what happened
      kind += " " + (t.statusCode() != 0 ? String.valueOf(t.statusCode()) : t.kind().name());
    }
    // error_kind is varchar(200)
    return kind.substring(0, Math.min(kind.length(), 200));
  }

  @Override
  public AttachStoreStats stats() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(STATS)) {
      r.next();
      return new AttachStoreStats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
    } catch (SQLException e) {
      throw new AttachStoreException("stats", e);
    }
  }

  /**
   * One attach's row, for operators and tests.
   *
   * @param id the attach's id
   * @return the row, empty when there is none (never saved, or purged)
   */
  public Optional<StoredAttach> find(String id) {
    List<StoredAttach> found = query(COLUMNS + " WHERE id = ?", id, 1);
    return found.stream().findFirst();
  }

  /**
   * The failed attaches, oldest first: what to look at and replay.
   *
   * @param limit at most this many
   * @return the failed attaches
   */
  public List<StoredAttach> failed(int limit) {
    return query(COLUMNS + " WHERE status = 'FAILED' ORDER BY completed_at, id LIMIT ?", null,
        limit);
  }

  /**
   * Every attach of one task, oldest first.
   *
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @return its rows
   */
  public List<StoredAttach> forTask(String workspaceSid, String taskSid) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(
            COLUMNS + " WHERE workspace_sid = ? AND task_sid = ? ORDER BY created_at, id")) {
      p.setString(1, workspaceSid);
      p.setString(2, taskSid);
      return rows(p);
    } catch (SQLException e) {
      throw new AttachStoreException("find", e);
    }
  }

  private List<StoredAttach> query(String sql, String id, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      if (id != null) {
        p.setString(1, id);
      } else {
        p.setInt(1, limit);
      }
      return rows(p);
    } catch (SQLException e) {
      throw new AttachStoreException("find", e);
    }
  }

  private static List<StoredAttach> rows(PreparedStatement p) throws SQLException {
    List<StoredAttach> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        Timestamp done = r.getTimestamp(6);
        out.add(new StoredAttach(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getString(5), done == null ? null : done.toInstant()));
      }
    }
    return out;
  }

  /**
   * Puts a failed attach back in the queue with a new deadline (the old one may have passed).
   *
   * @param id the attach's id
   * @param deadline no write is started after this instant
   * @return whether a failed attach with that id was there
   */
  public boolean replay(String id, Instant deadline) {
    return inTransaction("replay", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE flex_media_attach SET status = 'PENDING', error_kind = NULL,"
              + " completed_at = NULL, deadline = ? WHERE id = ? AND status = 'FAILED'"
              + " RETURNING workspace_sid, task_sid");
          PreparedStatement t = c.prepareStatement(
              "INSERT INTO flex_media_attach_task (workspace_sid, task_sid, available_at)"
                  + " VALUES (?, ?, now()) ON CONFLICT (workspace_sid, task_sid) DO NOTHING")) {
        p.setTimestamp(1, Timestamp.from(deadline));
        p.setString(2, id);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return false;
          }
          t.setString(1, r.getString(1));
          t.setString(2, r.getString(2));
        }
        t.executeUpdate();
        return true;
      }
    });
  }

  /**
   * Deletes a finished attach's row (a failure that was looked at, say). A pending one stays.
   *
   * @param id the attach's id
   * @return whether a finished attach with that id was deleted
   */
  public boolean remove(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(
            "DELETE FROM flex_media_attach WHERE id = ? AND status <> 'PENDING'")) {
      c.setAutoCommit(true);
      p.setString(1, id);
      return p.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new AttachStoreException("remove", e);
    }
  }

  /**
   * Deletes the successes and expiries older than the retention; failures stay. Claims run it
   * about once a minute by themselves.
   *
   * @return how many rows were deleted
   */
  public int purge() {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(PURGE)) {
      c.setAutoCommit(true);
      p.setLong(1, retention.toMillis());
      return p.executeUpdate();
    } catch (SQLException e) {
      throw new AttachStoreException("purge", e);
    }
  }

  private void purgeNowAndThen() {
    long now = System.nanoTime();
    long due = nextPurge.get();
    if ((due == 0 || now - due >= 0)
        && nextPurge.compareAndSet(due, now + Duration.ofMinutes(1).toNanos())) {
      purge();
    }
  }

  /** Configures a {@link JdbcAttachStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private Duration retention = Duration.ofDays(1);

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * How long attaches that ended {@code ATTACHED}, {@code UNCHANGED} or {@code EXPIRED} stay in
     * the table; a day by default. {@code FAILED} ones stay until removed.
     *
     * @param retention the retention, zero or more
     * @return this builder
     */
    public Builder retention(Duration retention) {
      if (retention.isNegative()) {
        throw new IllegalArgumentException("retention must not be negative");
      }
      this.retention = retention;
      return this;
    }

    /**
     * The store.
     *
     * @return the store
     */
    public JdbcAttachStore build() {
      return new JdbcAttachStore(this);
    }
  }

  @Override
  public String toString() {
    return "JdbcAttachStore[retention=" + retention + "]";
  }

}
