package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * {@code attachAll} over 1,000 tasks against {@link LocalTaskRouterServer} with 20 ms added to
 * every request, through the real twilio-java client. Each attach is two round trips (fetch,
 * update), so the ideal throughput is {@code concurrency / (2 × 20 ms)} tasks per second; the
 * ratio script reports the measured fraction of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 1, batchSize = 1)
public class BulkAttachBenchmark {
  static final String WS = "WS0123456789abcdef0123456789abcdef";

  /** Tasks attached per operation. */
  @Param("1000")
  public int tasks;

  /** Tasks worked on at once. */
  @Param({"1", "4", "16"})
  public int concurrency;

  /** Added to every request, milliseconds. */
  @Param("20")
  public int latencyMillis;

  private LocalTaskRouterServer server;
  private MediaAttacher attacher;
  private final MediaAttributes media = Fixtures.threeLinks();
  private List<String> sids;

  /** Starts the emulator. */
  @Setup(Level.Trial)
  public void start() {
    server = LocalTaskRouterServer.start().latency(Duration.ofMillis(latencyMillis));
    attacher = MediaAttacher.builder(new TwilioTaskRouterClient(server.restClient())).build();
  }

  /** Fresh tasks for every iteration, so that every attach writes. */
  @Setup(Level.Iteration)
  public void seed() {
    sids = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      String sid = String.format("WT%032x", i);
      server.router().putTask(WS, sid, "{\"type\":\"inbound\",\"n\":" + i + "}");
      sids.add(sid);
    }
  }

  /** Stops the emulator. */
  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  /** Attaches to every task; fails loudly if any attach failed. */
  @Benchmark
  public List<AttachOutcome> bulkAttach() {
    List<AttachOutcome> outcomes = attacher.attachAll(WS, sids, media, concurrency, AttachListener.NONE);
    for (AttachOutcome o : outcomes) {
      if (!o.succeeded()) {
        throw new IllegalStateException("attach failed: " + o.cause());
      }
    }
    return outcomes;
  }
}
