package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.RateLimiter;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.util.List;
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
 * {@code attachAll} over many tasks against {@link LocalTaskRouterServer} enforcing TaskRouter's
 * kind of rate limit (a token bucket: {@code limit} requests/s, bursts of {@code burst}, 429 with
 * a whole-second {@code Retry-After}), with 20 ms added to every request, through the real
 * twilio-java stack and the attacher's default retry policy. Modes: a fixed concurrency of 4, 16
 * or 64 threads (the baselines), or {@code adaptive}: 64 threads paced by one {@link RateLimiter}
 * (its default cap of 64 in flight). The auxiliary counters give the requests answered normally and with 429, and the tasks
 * whose attach failed; the ratio script turns them into a share of the limit and a 429 share.
 *
 * <p>The full size is {@code -p tasks=5000} (10,000 requests: about 200 s per mode at 50/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = 1)
public class RateLimitBenchmark {
  static final String WS = "WS0123456789abcdef0123456789abcdef";

  /** Tasks attached in the run. */
  @Param("5000")
  public int tasks;

  /** {@code fixed-N} for N threads, or {@code adaptive} (64 threads, one rate limiter). */
  @Param({"fixed-4", "fixed-16", "fixed-64", "adaptive"})
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
  private MediaAttacher attacher;
  private int concurrency;
  private RateLimiter limiter;
  private final MediaAttributes media = Fixtures.threeLinks();

  /** Requests by answer, and failed tasks, for the run. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    /** Requests that got a token (answered normally). */
    public long admitted;
    /** Requests answered 429. */
    public long limited;
    /** Tasks whose attach failed (attempts exhausted). */
    public long failedTasks;
    /** Pauses the limiter began (adaptive mode). */
    public long pauses;
  }

  /** Starts the emulator with a fresh bucket and tasks (400 warm-up attaches first). */
  @Setup(Level.Iteration)
  public void start() {
    limiter = null;
    if (mode.equals("adaptive")) {
      concurrency = 64;
      limiter = RateLimiter.adaptive();
    } else if (mode.startsWith("fixed-")) {
      concurrency = Integer.parseInt(mode.substring("fixed-".length()));
    } else {
      throw new IllegalArgumentException("mode must be fixed-N or adaptive");
    }
    emulator = LimitedEmulator.start(tasks, limit, burst, latencyMillis, 1, 400, media);
    MediaAttacher.Builder b =
        MediaAttacher.builder(new TwilioTaskRouterClient(emulator.server.restClient()));
    if (limiter != null) {
      b.rateLimiter(limiter);
    }
    attacher = b.build();
  }

  /** Stops the emulator. */
  @TearDown(Level.Iteration)
  public void stop() {
    emulator.close();
  }

  /** Attaches to every task. */
  @Benchmark
  public List<AttachOutcome> attachAll(Counters counters) {
    List<AttachOutcome> outcomes =
        attacher.attachAll(WS, emulator.sids, media, concurrency, AttachListener.NONE);
    for (AttachOutcome o : outcomes) {
      if (!o.succeeded()) {
        counters.failedTasks++;
      }
    }
    counters.admitted += emulator.bucket.taken();
    counters.limited += emulator.bucket.refused();
    counters.pauses += limiter == null ? 0 : limiter.pauseCount();
    return outcomes;
  }
}
