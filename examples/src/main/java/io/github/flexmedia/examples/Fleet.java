package io.github.flexmedia.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.jdbc.JdbcAttachStore;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.TokenBucket;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Running a fleet" in one command, on a fresh machine: PostgreSQL (embedded: its binaries come
 * as Maven artifacts, no install, no Docker), the TaskRouter emulator paced at {@value #RATE}
 * requests/s, and three queue instances, each a JVM of its own ({@link FleetInstance}) sharing
 * the database through {@code JdbcAttachStore}. Attaches are offered through all three; one is
 * killed (SIGKILL) while it holds claims; its lease runs out and the others take its work over.
 * At the end every attach has one outcome and every link is on its task exactly once.
 *
 * <pre>{@code java -jar examples/target/flex-media-examples.jar fleet}</pre>
 */
public final class Fleet {
  static final String WORKSPACE = Main.LOCAL_WORKSPACE;
  static final Duration LEASE = Duration.ofSeconds(5);
  static final int TASKS = 60;
  static final int ATTACHES = 180;
  static final int RATE = 20;
  private static final String[] NAMES = {"a", "b", "c"};

  private final PrintStream out;
  private final Map<String, AtomicInteger> reported = new ConcurrentHashMap<>();
  private String jdbcUrl;
  private int port;

  private Fleet(PrintStream out) {
    this.out = out;
  }

  static String task(int n) {
    return String.format("WT%032x", n);
  }

  static String url(int n) {
    return "https://crm.example.com/cases/" + n;
  }

  /**
   * Runs the example.
   *
   * @param out where it says what happens
   * @return 0 when nothing was lost nor duplicated and the killed instance's work was taken over
   * @throws Exception when PostgreSQL or an instance cannot start
   */
  public static int run(PrintStream out) throws Exception {
    return new Fleet(out).run();
  }

  /** One instance: a child JVM, its standard input, and what it answers. */
  private final class Instance {
    final String name;
    final Process process;
    final PrintWriter in;
    final CountDownLatch ready = new CountDownLatch(1);
    final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    Instance(String name) throws IOException {
      this.name = name;
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      this.process = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), FleetInstance.class.getName(), jdbcUrl,
          String.valueOf(port), name)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Thread reader = new Thread(this::read, "fleet-" + name);
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.equals("ready")) {
            ready.countDown();
          } else if (line.startsWith("outcome ")) {
            reported.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
          } else {
            answers.add(line);
          }
        }
      } catch (IOException e) {
        // killed
      }
    }

    void awaitReady() throws InterruptedException {
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("instance " + name + " did not start in 60 s");
      }
    }

    String ask(String line) throws InterruptedException {
      in.println(line);
      String answer = answers.poll(30, TimeUnit.SECONDS);
      if (answer == null) {
        throw new IllegalStateException("instance " + name + " did not answer in 30 s");
      }
      return answer;
    }
  }

  private int run() throws Exception {
    long started = System.nanoTime();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        LocalTaskRouterServer server = LocalTaskRouterServer.start();
        HikariDataSource db = pool(postgres.getJdbcUrl("postgres", "postgres"))) {
      jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      port = server.port();
      JdbcAttachStore.builder(db).build().migrate();
      server.router().rateLimit(TokenBucket.of(RATE, 5));
      for (int t = 0; t < TASKS; t++) {
        server.router().putTask(WORKSPACE, task(t), "{\"routing\":{\"skill\":\"billing\"}}");
      }
      out.println("flex-media fleet: PostgreSQL (embedded) on 127.0.0.1:" + postgres.getPort()
          + ", the TaskRouter emulator on 127.0.0.1:" + port + " at " + RATE + " requests/s");
      List<Instance> fleet = new ArrayList<>();
      for (String name : NAMES) {
        fleet.add(new Instance(name));
      }
      for (Instance i : fleet) {
        i.awaitReady();
      }
      out.println("instances a, b, c started, each a JVM with its own pool (lease "
          + LEASE.toSeconds() + " s, poll 0.5 s)");
      try {
        return work(fleet, server, db, started);
      } finally {
        for (Instance i : fleet) {
          i.process.destroyForcibly().waitFor();
        }
      }
    }
  }

  private int work(List<Instance> fleet, LocalTaskRouterServer server, HikariDataSource db,
      long started) throws Exception {
    int refused = 0;
    for (int k = 0; k < ATTACHES; k++) {
      Instance i = fleet.get(k % fleet.size());
      if (!i.ask("offer attach-" + k + " " + (k % TASKS) + " " + k).startsWith("ok ")) {
        refused++;
      }
    }
    out.println("offered " + ATTACHES + " attaches over " + TASKS + " tasks, a third through each"
        + " instance: " + (ATTACHES - refused) + " committed before the instance answered");

    // Kill a while it holds claims: what it held is stuck until its lease runs out. (Should it
    // finish its claims between the look and the kill, a new a starts and the next one is killed.)
    Instance victim = fleet.get(0);
    long[] held = {0, 0};
    for (int attempt = 1; ; attempt++) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (count(db, claimsOf(victim.name)) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      victim.process.destroyForcibly().waitFor();
      held[0] = count(db, claimsOf(victim.name));
      held[1] = count(db, "SELECT count(*) FROM flex_media_attach a JOIN flex_media_attach_task t"
          + " USING (workspace_sid, task_sid) WHERE a.status = 'PENDING' AND t.claimed_by = '"
          + victim.name + "' AND t.claim_id IS NOT NULL");
      if (held[0] > 0 || attempt == 3) {
        break;
      }
      victim = new Instance("a" + (attempt + 1));
      fleet.set(0, victim);
      victim.awaitReady();
    }
    out.printf("killed instance %s (SIGKILL) while it held %d claims (%d attaches); they wait for"
        + " its lease to run out%n", victim.name, held[0], held[1]);

    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (count(db, "SELECT count(*) FROM flex_media_attach WHERE status = 'PENDING'") > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    long takenOver = 0;
    for (Instance i : fleet.subList(1, fleet.size())) {
      long n = Long.parseLong(i.ask("stats").substring("stats ".length()));
      takenOver += n;
      out.println("instance " + i.name + " took over " + n + " expired claim(s) and reported "
          + reported.getOrDefault(i.name, new AtomicInteger()).get() + " outcomes");
    }
    out.println("instance " + victim.name + " reported "
        + reported.getOrDefault(victim.name, new AtomicInteger()).get()
        + " outcomes before it was killed");

    Map<String, Long> byStatus = new TreeMap<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT status, count(*) FROM flex_media_attach GROUP BY status")) {
      while (r.next()) {
        byStatus.put(r.getString(1), r.getLong(2));
      }
    }
    int wrong = 0;
    for (int t = 0; t < TASKS; t++) {
      List<String> urls = new ArrayList<>();
      MediaAttributes.fromTaskAttributes(server.router().attributes(WORKSPACE, task(t)))
          .taskMedia().forEach(m -> urls.add(((MediaLink.Page) m).url().toString()));
      List<String> expected = new ArrayList<>();
      for (int k = t; k < ATTACHES; k += TASKS) {
        expected.add(url(k));
      }
      if (urls.size() != expected.size() || !urls.containsAll(expected)) {
        wrong++;
      }
    }
    int requests = server.requestCount();
    boolean ok = refused == 0 && wrong == 0 && takenOver > 0
        && byStatus.equals(Map.of("ATTACHED", (long) ATTACHES));
    out.printf("outcomes in the table %s; %d of %d tasks hold exactly their links; %d TaskRouter"
        + " requests = %.2f per link; %.1f s%n", byStatus, TASKS - wrong, TASKS, requests,
        requests / (double) ATTACHES, (System.nanoTime() - started) / 1e9);
    out.println(ok ? "Nothing lost, nothing twice: the killed instance's work was taken over."
        : "FAILED: see the counts above.");
    return ok ? 0 : 1;
  }

  private static String claimsOf(String name) {
    return "SELECT count(*) FROM flex_media_attach_task WHERE claimed_by = '" + name
        + "' AND claim_id IS NOT NULL";
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  private static long count(HikariDataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
