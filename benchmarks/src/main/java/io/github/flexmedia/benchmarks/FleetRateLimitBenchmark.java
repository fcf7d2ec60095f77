package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RateLimiter;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A fleet sharing one account's limit: four attacher instances, each with its own twilio-java
 * client, HTTP pool, {@link MediaAttacher} and (in {@code adaptive} mode) its own {@link
 * RateLimiter} — as four processes would have — write to one {@link LocalTaskRouterServer}
 * enforcing a {@link TokenBucket} ({@code limit}/s, bursts of {@code burst}, 429 with a
 * whole-second {@code Retry-After}), 20 ms added to every request. The tasks sit in one shared
 * queue that every instance's threads take from, as a store-backed fleet queue hands out claims,
 * so each instance's share of the tasks measures how fairly the limit was shared. Modes: {@code
 * fixed-4} (4 threads an instance, no limiter: the baseline) or {@code adaptive} (16 threads an
 * instance behind its own limiter).
 *
 * <p>The auxiliary counters give the requests admitted and answered 429 across the fleet, the
 * tasks that failed, and each instance's tasks ({@code tasks0}…{@code tasks3}); {@code
 * ratios.py} turns them into the share of the limit, the 429 share and Jain's fairness index
 * {@code (Σx)² / (n·Σx²)} over the instances' task counts. The full size is {@code -p tasks=5000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = 1)
public class FleetRateLimitBenchmark {
  static final String WS = RateLimitBenchmark.WS;
  static final int INSTANCES = 4;

  /** Tasks attached in the run, across the fleet. */
  @Param("5000")
  public int tasks;

  /** {@code fixed-4} (4 threads an instance) or {@code adaptive} (16 threads and a limiter each). */
  @Param({"fixed-4", "adaptive"})
  public String mode;

  /** The account's limit, requests per second. */
  @Param("50")
  public int limit;

  /** The bucket's size. */
  @Param("10")
  public int burst;

  /** Added to every request, milliseconds. */
  @Param("20")
  public int latencyMillis;

  private LimitedEmulator emulator;
  private final List<Instance> fleet = new ArrayList<>();
  private final MediaAttributes media = Fixtures.threeLinks();

  /** Requests by answer, failed tasks, and each instance's tasks, for the run. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    /** Requests that got a token (answered normally). */
    public long admitted;
    /** Requests answered 429. */
    public long limited;
    /** Tasks whose attach failed (attempts exhausted). */
    public long failedTasks;
    /** Tasks attached by instance 0. */
    public long tasks0;
    /** Tasks attached by instance 1. */
    public long tasks1;
    /** Tasks attached by instance 2. */
    public long tasks2;
    /** Tasks attached by instance 3. */
    public long tasks3;
    /** Pauses begun by the instances' limiters (adaptive mode). */
    public long pauses;
  }

  /** One member of the fleet: its own client stack, attacher, limiter and threads. */
  private static final class Instance {
    final MediaAttacher attacher;
    final RateLimiter limiter;
    final int threads;
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    Instance(TaskRouterClient client, RateLimiter limiter, int threads) {
      MediaAttacher.Builder b = MediaAttacher.builder(client);
      if (limiter != null) {
        b.rateLimiter(limiter);
      }
      this.attacher = b.build();
      this.limiter = limiter;
      this.threads = threads;
    }
  }

  /** Starts the emulator with a fresh bucket and the tasks (100 warm-up attaches per client), then the fleet. */
  @Setup(Level.Iteration)
  public void start() {
    boolean adaptive = mode.equals("adaptive");
    if (!adaptive && !mode.equals("fixed-4")) {
      throw new IllegalArgumentException("mode must be fixed-4 or adaptive");
    }
    emulator = LimitedEmulator.start(tasks, limit, burst, latencyMillis, INSTANCES, 100, media);
    fleet.clear();
    for (int i = 0; i < INSTANCES; i++) {
      // A client of its own for each instance: its own connection pool, as a process has.
      TaskRouterClient client = new TwilioTaskRouterClient(emulator.server.restClient());
      fleet.add(adaptive
          ? new Instance(client, RateLimiter.adaptive(), 16)
          : new Instance(client, null, 4));
    }
  }

  /** Stops the emulator. */
  @TearDown(Level.Iteration)
  public void stop() {
    emulator.close();
  }

  /**
   * Every instance's threads take tasks from one shared queue until it is empty.
   *
   * @param counters the run's counters
   * @return the tasks attached
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public long fleet(Counters counters) throws InterruptedException {
    Queue<String> queue = new ConcurrentLinkedQueue<>(emulator.sids);
    int threads = fleet.stream().mapToInt(f -> f.threads).sum();
    CountDownLatch finished = new CountDownLatch(threads);
    for (Instance instance : fleet) {
      for (int t = 0; t < instance.threads; t++) {
        Thread worker = new Thread(() -> {
          try {
            for (String sid = queue.poll(); sid != null; sid = queue.poll()) {
              try {
                instance.attacher.attach(WS, sid, media);
                instance.done.incrementAndGet();
              } catch (RuntimeException e) {
                instance.failed.incrementAndGet();
              }
            }
          } finally {
            finished.countDown();
          }
        });
        worker.setDaemon(true);
        worker.start();
      }
    }
    finished.await();
    long total = 0;
    long[] perInstance = new long[INSTANCES];
    for (int i = 0; i < INSTANCES; i++) {
      Instance instance = fleet.get(i);
      perInstance[i] = instance.done.get();
      total += perInstance[i];
      counters.failedTasks += instance.failed.get();
      counters.pauses += instance.limiter == null ? 0 : instance.limiter.pauseCount();
    }
    counters.tasks0 += perInstance[0];
    counters.tasks1 += perInstance[1];
    counters.tasks2 += perInstance[2];
    counters.tasks3 += perInstance[3];
    counters.admitted += emulator.bucket.taken();
    counters.limited += emulator.bucket.refused();
    return total;
  }
}
