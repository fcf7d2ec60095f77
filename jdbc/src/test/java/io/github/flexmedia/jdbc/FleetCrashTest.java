package io.github.flexmedia.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.TokenBucket;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet that loses nothing: three worker JVMs share one PostgreSQL and one TaskRouter; 2,000
 * attaches over 200 tasks are offered through all three while one of them is killed (SIGKILL)
 * every few seconds and restarted, and the database itself is stopped and started once. At the
 * end every attach has exactly one outcome, every link is on its task exactly once, and no task
 * holds a link it should not. Prints its numbers.
 */
@Timeout(600)
class FleetCrashTest {
  static final String WS = "WS" + "c".repeat(32);
  static final int TASKS = 200;
  static final int ATTACHES = 2_000;
  static final int WORKERS = 3;

  static String task(int n) {
    return String.format("WT%032x", n);
  }

  @TempDir
  Path dir;

  private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
  private final AtomicInteger kills = new AtomicInteger();
  private volatile String jdbcUrl;
  private volatile int routerPort;

  /** One child JVM and the thread that reads what it says. */
  private final class Worker {
    final String name;
    final Process process;
    final PrintWriter in;
    final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    final CompletableFuture<Void> ready = new CompletableFuture<>();

    Worker(String name) throws IOException {
      this.name = name;
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      this.process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), FleetWorker.class.getName(), jdbcUrl,
          String.valueOf(routerPort), name)
          .redirectError(dir.resolve(name + ".err").toFile()).start();
      this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Thread reader = new Thread(this::read, name + "-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String[] f = line.split(" ");
          if (f[0].equals("ready")) {
            ready.complete(null);
          } else if (f[0].equals("outcome")) {
            outcomes.merge(f[1], 1, Integer::sum);
          } else {
            CompletableFuture<String> answer = waiting.remove(f[1]);
            if (answer != null) {
              answer.complete(f[0]);
            }
          }
        }
      } catch (IOException e) {
        // killed
      }
    }

    /** Offers one attach as a webhook would; the answer: "ok" (202) or "err" (503). */
    CompletableFuture<String> send(int k) {
      String id = "attach-" + k;
      CompletableFuture<String> answer = new CompletableFuture<>();
      waiting.put(id, answer);
      in.println("offer " + id + " " + (k % TASKS) + " " + k);
      return answer;
    }

    String offer(int k) throws Exception {
      try {
        return send(k).get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        return null;
      }
    }
  }

  @Test
  void killedWorkersAndARestartedDatabaseLoseNothingAndDuplicateNothing() throws Exception {
    int pgPort = freePort();
    File data = dir.resolve("pg").toFile();
    EmbeddedPostgres pg = startPostgres(data, pgPort);
    jdbcUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres";
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start();
        HikariDataSource pool = Postgres.pool(jdbcUrl, 2)) {
      JdbcAttachStore store = JdbcAttachStore.builder(pool).build();
      store.migrate();
      // TaskRouter's own ceiling: 50 requests/s per account (429 past it)
      server.router().rateLimit(TokenBucket.of(50, 10));
      for (int t = 0; t < TASKS; t++) {
        server.router().putTask(WS, task(t), "{\"routing\":{\"skill\":\"crm\"}}");
      }
      routerPort = server.port();
      Worker[] workers = new Worker[WORKERS];
      for (int i = 0; i < WORKERS; i++) {
        workers[i] = new Worker("w" + i);
      }
      for (Worker w : workers) {
        w.ready.get(120, TimeUnit.SECONDS);
      }
      Random random = new Random(24);
      long nextKill = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_500);
      int refusedWhileDown = 0;
      long slowestRefusalMillis = 0;
      int retriedOffers = 0;

      // Webhooks arrive in batches of 50 every 250 ms, spread over the three instances; an
      // attach that got no 202 (its instance died, the database was down) is sent again through
      // another instance, with the same id, as Twilio's retry would.
      List<Integer> todo = new ArrayList<>();
      for (int k = 0; k < ATTACHES; k++) {
        todo.add(k);
      }
      int round = 0;
      boolean restarted = false;
      while (!todo.isEmpty()) {
        List<Integer> batch = new ArrayList<>(todo.subList(0, Math.min(50, todo.size())));
        todo.subList(0, batch.size()).clear();
        if (!restarted && todo.size() < ATTACHES / 2) {
          restarted = true;
          pg.close();   // the database goes away mid-run
          long start = System.nanoTime();
          Worker anyUp = workers[0];
          for (Worker w : workers) {
            anyUp = w.ready.isDone() ? w : anyUp;
          }
          String answer = anyUp.offer(batch.get(0));
          slowestRefusalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          assertThat(answer).as("offer fails while the database is down").isEqualTo("err");
          refusedWhileDown++;
          pg = startPostgres(data, pgPort);
        }
        if (System.nanoTime() > nextKill && readyCount(workers) >= 2) {
          int victim = readyVictim(workers, random);
          workers[victim].process.destroyForcibly().waitFor();
          kills.incrementAndGet();
          workers[victim] = new Worker("w" + victim + "-" + kills.get());
          nextKill = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3_000);
        }
        round++;
        List<Worker> up = new ArrayList<>();
        for (Worker w : workers) {
          if (w.ready.isDone()) {
            up.add(w);
          }
        }
        Map<Integer, CompletableFuture<String>> sent = new java.util.LinkedHashMap<>();
        for (int k : batch) {
          sent.put(k, up.get((k + round) % up.size()).send(k));
        }
        for (Map.Entry<Integer, CompletableFuture<String>> e : sent.entrySet()) {
          String answer;
          try {
            answer = e.getValue().get(10, TimeUnit.SECONDS);
          } catch (TimeoutException | java.util.concurrent.ExecutionException x) {
            answer = null;
          }
          if (!"ok".equals(answer)) {
            todo.add(e.getKey());
            retriedOffers++;
          }
        }
        Thread.sleep(250);
      }

      // keep killing until the fleet has drained
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
      while (store.stats().pending() > 0 && System.nanoTime() < end) {
        Thread.sleep(200);
        if (System.nanoTime() > nextKill && readyCount(workers) >= 2
            && store.stats().pending() > 100) {
          int victim = readyVictim(workers, random);
          workers[victim].process.destroyForcibly().waitFor();
          kills.incrementAndGet();
          workers[victim] = new Worker("w" + victim + "-" + kills.get());
          nextKill = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3_000);
        }
      }
      for (Worker w : workers) {
        w.process.destroyForcibly().waitFor();
      }

      // every attach: one row, one outcome, and it landed
      Map<String, Long> byStatus = new java.util.TreeMap<>();
      Set<String> ids = new HashSet<>();
      for (int t = 0; t < TASKS; t++) {
        for (StoredAttach a : store.forTask(WS, task(t))) {
          byStatus.merge(a.status(), 1L, Long::sum);
          assertThat(ids.add(a.id())).isTrue();
        }
      }
      // every link on its task exactly once, and only its own links
      for (int t = 0; t < TASKS; t++) {
        List<String> expected = new ArrayList<>();
        for (int k = t; k < ATTACHES; k += TASKS) {
          expected.add(FleetWorker.media(t, k).taskMedia().get(0).toString());
        }
        String attributes = server.router().attributes(WS, task(t));
        List<String> actual = MediaAttributes.fromTaskAttributes(attributes).taskMedia().stream()
            .map(MediaLink::toString).toList();
        assertThat(actual).as("task %d", t).hasSize(ATTACHES / TASKS)
            .doesNotHaveDuplicates();
        assertThat(attributes).contains("\"routing\":{\"skill\":\"crm\"}");
        List<String> urls = MediaAttributes.fromTaskAttributes(attributes).taskMedia().stream()
            .map(l -> ((MediaLink.Referenced) l).url().getPath()).toList();
        String own = "/t" + t + "/";
        assertThat(urls).allSatisfy(u -> assertThat(u).startsWith(own));
        assertThat(new HashSet<>(urls)).hasSize(expected.size());
      }
      double perLink = server.requestCount() / (double) ATTACHES;
      System.out.printf("fleet crash test: %d attaches over %d tasks, %d workers, %d kills,"
          + " 1 database restart (offer refused in %d ms while down, %d offers retried);"
          + " outcomes by status %s; %d outcomes reported by listeners (%d reported twice);"
          + " %d TaskRouter requests = %.2f per link%n", ATTACHES, TASKS, WORKERS, kills.get(),
          slowestRefusalMillis, retriedOffers, byStatus, outcomes.size(),
          outcomes.values().stream().filter(n -> n > 1).count(), server.requestCount(), perLink);

      assertThat(ids).hasSize(ATTACHES);
      assertThat(byStatus.keySet()).isSubsetOf("ATTACHED", "UNCHANGED");
      assertThat(outcomes.values()).as("no outcome reported twice").allMatch(n -> n == 1);
      assertThat(kills.get()).isGreaterThanOrEqualTo(2);
      assertThat(refusedWhileDown).isEqualTo(1);
      // Reported, not the goal (0.5) yet: see docs/fleet.md. Bounded so that a retry storm or
      // lost coalescing (a GET and a POST for every link, plus retries) fails the test.
      assertThat(perLink).as("HTTP requests per link").isLessThan(2.5);
    } finally {
      pg.close();
    }
  }

  /** How many workers are up: one is killed only while at least two are. */
  private static int readyCount(Worker[] workers) {
    int n = 0;
    for (Worker w : workers) {
      n += w.ready.isDone() ? 1 : 0;
    }
    return n;
  }

  private static int readyVictim(Worker[] workers, Random random) {
    while (true) {
      int victim = random.nextInt(workers.length);
      if (workers[victim].ready.isDone()) {
        return victim;
      }
    }
  }

  private static EmbeddedPostgres startPostgres(File data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setPort(port).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
