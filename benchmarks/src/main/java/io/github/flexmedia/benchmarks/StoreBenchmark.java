package io.github.flexmedia.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.jdbc.JdbcAttachStore;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.events.AttachClaim;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.events.PendingAttachStore;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The attach store: {@code offer} latency (sample mode: p50, p99) through an {@link AttachQueue}
 * whose workers never run, and one attach's whole store cycle — save, claim, complete — as
 * throughput from four threads, on a real embedded PostgreSQL (14, from Maven-shipped binaries,
 * through a HikariCP pool) and, as the baseline in the same run, on the in-memory store. The goal:
 * the store is never the bottleneck under TaskRouter's 50 requests/s (at least 20 times that).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoreBenchmark {
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final MediaAttributes MEDIA = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  /** {@code memory} (the baseline) or {@code postgres}. */
  @Param({"memory", "postgres"})
  public String store;

  private EmbeddedPostgres pg;
  private HikariDataSource pool;
  private PendingAttachStore attaches;
  private AttachQueue queue;
  private final AtomicLong next = new AtomicLong();

  @Setup(Level.Trial)
  public void start() throws IOException {
    if (store.equals("postgres")) {
      pg = EmbeddedPostgres.builder().start();
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
      config.setMaximumPoolSize(8);
      pool = new HikariDataSource(config);
      JdbcAttachStore.builder(pool).build().migrate();
    }
  }

  @Setup(Level.Iteration)
  public void fresh() throws SQLException {
    if (pool != null) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("TRUNCATE flex_media_attach, flex_media_attach_task");
      }
      attaches = JdbcAttachStore.builder(pool).build();
    } else {
      attaches = PendingAttachStore.inMemory(Integer.MAX_VALUE, Clock.systemUTC());
    }
    // workers that never run: offer is the save and nothing else
    queue = AttachQueue.builder(new InMemoryTaskRouter()).store(attaches).executor(r -> { })
        .pollInterval(Duration.ZERO).build();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    if (pool != null) {
      pool.close();
      pg.close();
    }
  }

  private PendingAttach attach() {
    long n = next.incrementAndGet();
    return PendingAttach.of(WS, String.format("WT%032x", n), MEDIA,
        Instant.now().plus(Duration.ofMinutes(2)));
  }

  /**
   * One {@code offer}: what a webhook waits for before it answers 202.
   *
   * @return whether it was accepted
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean offer() {
    return queue.offer(attach());
  }

  /**
   * One attach's store cycle: saved, claimed (its task, under a lease), completed.
   *
   * @return the outcomes recorded
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public int saveClaimComplete() {
    attaches.save(attach());
    List<AttachClaim> claims = attaches.claim("bench", 1, Duration.ofSeconds(60));
    int recorded = 0;
    for (AttachClaim c : claims) {
      Map<String, AttachOutcome> outcomes = new LinkedHashMap<>();
      for (PendingAttach a : c.attaches()) {
        outcomes.put(a.id(), new AttachOutcome(a.workspaceSid(), a.taskSid(),
            AttachOutcome.Status.EXPIRED, null, new IllegalStateException("benchmark")));
      }
      recorded += attaches.complete(c, outcomes).size();
    }
    return recorded;
  }
}
