package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One attach end to end against {@link InMemoryTaskRouter}: fetch, merge into the 4 KB document,
 * size check, conditional update. The CPU cost of an attach; run with {@code -prof gc} for the
 * allocation per attach. REPLACE mode alternating two lists, so that every call writes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AttachBenchmarks {
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final String WT = "WT0123456789abcdef0123456789abcdef";

  private MediaAttacher attacher;
  private MediaAttributes first;
  private MediaAttributes second;
  private boolean flip;

  /** A router holding the 4 KB task. */
  @Setup
  public void setUp() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, Fixtures.attributes4k());
    attacher = MediaAttacher.builder(router).mergeMode(MergeMode.REPLACE).build();
    first = Fixtures.threeLinks();
    second = first.toBuilder().media(MediaLink.chatTranscript("CHfedcba9876543210fedcba9876543210")).build();
  }

  /** One read–merge–write. */
  @Benchmark
  public AttachResult attachInMemory() {
    flip = !flip;
    return attacher.attach(WS, WT, flip ? first : second);
  }
}
