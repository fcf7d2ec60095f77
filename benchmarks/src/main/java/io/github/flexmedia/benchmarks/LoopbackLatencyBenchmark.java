package io.github.flexmedia.benchmarks;

import io.github.flexmedia.twilio.TaskSnapshot;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One task fetch through twilio-java's production stack against {@link LocalTaskRouterServer} on
 * loopback, with and without {@code -Dsun.net.httpserver.nodelay=true}: the switch the doubles no
 * longer flip on class loading. Each method runs in its own JVM, since the JDK server reads the
 * property once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LoopbackLatencyBenchmark {
  private LocalTaskRouterServer server;
  private TwilioTaskRouterClient client;

  /** Starts the server with the 4 KB task. */
  @Setup(Level.Trial)
  public void setUp() {
    server = LocalTaskRouterServer.start();
    server.router().putTask(AttachBenchmarks.WS, AttachBenchmarks.WT, Fixtures.attributes4k());
    client = new TwilioTaskRouterClient(server.restClient());
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
  }

  /** One fetch with TCP_NODELAY on the server's sockets. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
  public TaskSnapshot fetchNoDelay() {
    return client.fetchTask(AttachBenchmarks.WS, AttachBenchmarks.WT);
  }

  /** One fetch with the JDK server's default (Nagle's algorithm on). */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=false")
  public TaskSnapshot fetchDefault() {
    return client.fetchTask(AttachBenchmarks.WS, AttachBenchmarks.WT);
  }
}
