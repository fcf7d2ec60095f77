package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Sixteen threads attach three links each to one task at the same moment, over HTTP to {@link
 * LocalTaskRouterServer} with 20 ms added to every request, through the real twilio-java stack:
 * the wall time of one such burst, and (auxiliary counters) the HTTP requests it took and the
 * links it wrote, with per-task coalescing on and, as the baseline, off. Both attachers allow 64
 * attempts with a 1–20 ms backoff, so that the racing writers of the baseline all get through.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 2, batchSize = 1)
@Measurement(iterations = 10, batchSize = 1)
public class CoalescingBenchmark {
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final int THREADS = 16;
  static final int LINKS_EACH = 3;

  /** Per-task coalescing on (the default) or off (the baseline). */
  @Param({"true", "false"})
  public boolean coalescing;

  /** Added to every request, milliseconds. */
  @Param("20")
  public int latencyMillis;

  private LocalTaskRouterServer server;
  private MediaAttacher attacher;
  private ExecutorService pool;
  private final List<MediaAttributes> media = new ArrayList<>();
  private int round;
  private String task;

  /** HTTP requests and links written, summed over the measured bursts. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    /** HTTP requests the server received. */
    public long requests;
    /** Links written. */
    public long links;
  }

  /** Starts the emulator and the writers. */
  @Setup(Level.Trial)
  public void start() {
    server = LocalTaskRouterServer.start().latency(Duration.ofMillis(latencyMillis));
    attacher = MediaAttacher.builder(new TwilioTaskRouterClient(server.restClient()))
        .coalescing(coalescing)
        .retryPolicy(new RetryPolicy(64, Duration.ofMillis(1), Duration.ofMillis(20),
            Duration.ofSeconds(60), RetryPolicy.randomJitter()))
        .build();
    pool = Executors.newFixedThreadPool(THREADS);
    for (int t = 0; t < THREADS; t++) {
      MediaAttributes.Builder b = MediaAttributes.builder();
      for (int j = 0; j < LINKS_EACH; j++) {
        b.media(MediaLink.referenced("https://crm.example.com/" + t + "/" + j, "Record " + t + "-" + j));
      }
      media.add(b.build());
    }
  }

  /** A fresh task for every burst. */
  @Setup(Level.Invocation)
  public void seed() {
    task = String.format("WT%032x", round++);
    server.router().putTask(WS, task, "{\"type\":\"inbound\"}");
  }

  /** Stops the emulator and the writers. */
  @TearDown(Level.Trial)
  public void stop() {
    pool.shutdownNow();
    server.close();
  }

  /**
   * One burst: sixteen attaches released together; fails loudly if one failed or a link is
   * missing.
   */
  @Benchmark
  public int burst(Counters counters) throws Exception {
    int before = server.requestCount();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<AttachResult>> results = new ArrayList<>();
    for (MediaAttributes m : media) {
      results.add(pool.submit(() -> {
        go.await();
        return attacher.attach(WS, task, m);
      }));
    }
    go.countDown();
    for (Future<AttachResult> r : results) {
      if (!r.get(120, TimeUnit.SECONDS).changed()) {
        throw new IllegalStateException("an attach wrote nothing");
      }
    }
    int links = MediaAttributes.fromTaskAttributes(server.router().attributes(WS, task)).taskMedia().size();
    if (links != THREADS * LINKS_EACH) {
      throw new IllegalStateException("expected " + THREADS * LINKS_EACH + " links, found " + links);
    }
    counters.requests += server.requestCount() - before;
    counters.links += links;
    return links;
  }
}
