package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import java.util.List;
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
 * Serialize, merge and parse, each next to the code a user would otherwise write (see {@link
 * Baselines}), in the same run so that the results are ratios. Quick by default (one fork, 3 × 1 s
 * warm-up, 5 × 1 s measurement); pass {@code -f 3 -wi 5 -i 10} for a careful run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CoreBenchmarks {
  private MediaAttributes media;
  private String attributes;

  /** Builds the inputs once. */
  @Setup
  public void setUp() {
    media = Fixtures.threeLinks();
    attributes = Fixtures.attributes4k();
  }

  /** The library: {@code MediaAttributes.toJson()}. */
  @Benchmark
  public String serializeLibrary() {
    return media.toJson();
  }

  /** Baseline: Jackson from hand-built maps. */
  @Benchmark
  public String serializeMapBaseline() {
    return Baselines.serializeWithMaps();
  }

  /** Floor: a streaming generator writing the same bytes. */
  @Benchmark
  public String serializeStreamingFloor() {
    return Baselines.serializeStreaming();
  }

  /** The library: {@code mergeInto(4 KB document, APPEND)}, with its duplicate check. */
  @Benchmark
  public String mergeLibrary() {
    return media.mergeInto(attributes, MergeMode.APPEND);
  }

  /** Baseline: readTree, append three nodes, writeValueAsString. */
  @Benchmark
  public String mergeTreeBaseline() {
    return Baselines.mergeWithTree(attributes);
  }

  /** The library: {@code fromTaskAttributes(4 KB document)}. */
  @Benchmark
  public MediaAttributes parseLibrary() {
    return MediaAttributes.fromTaskAttributes(attributes);
  }

  /** Baseline: readTree and walk it into the same records. */
  @Benchmark
  public List<MediaLink> parseTreeWalkBaseline() {
    return Baselines.parseWithTreeWalk(attributes);
  }
}
