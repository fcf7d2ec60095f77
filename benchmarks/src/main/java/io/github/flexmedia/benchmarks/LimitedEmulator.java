package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.TokenBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator the rate-limit benchmarks write to: {@link LocalTaskRouterServer} with a latency
 * added to every request, its JIT warmed, {@code tasks} tasks seeded, and then (only then) a
 * {@link TokenBucket} switched on, so that the bucket starts full when the measured run starts.
 */
final class LimitedEmulator implements AutoCloseable {
  final LocalTaskRouterServer server;
  final TokenBucket bucket;
  final List<String> sids;

  private LimitedEmulator(LocalTaskRouterServer server, TokenBucket bucket, List<String> sids) {
    this.server = server;
    this.bucket = bucket;
    this.sids = sids;
  }

  /**
   * Starts it.
   *
   * <p>The warm-up runs {@code warmClients × warmEach} attaches, each client a twilio-java stack
   * of its own, before the limit is on: a cold client is slower than the limit for its first
   * second, which would teach an adaptive limiter a rate that a service running for a while
   * never sees.
   */
  static LimitedEmulator start(int tasks, int limit, int burst, int latencyMillis,
      int warmClients, int warmEach, MediaAttributes media) {
    LocalTaskRouterServer server =
        LocalTaskRouterServer.start().latency(Duration.ofMillis(latencyMillis));
    for (int i = 0; i < warmClients; i++) {
      MediaAttacher cold =
          MediaAttacher.builder(new TwilioTaskRouterClient(server.restClient())).build();
      List<String> warm = new ArrayList<>();
      for (int j = 0; j < warmEach; j++) {
        String sid = String.format("WT%032x", Integer.MAX_VALUE - 1000 * i - j);
        server.router().putTask(RateLimitBenchmark.WS, sid, "{}");
        warm.add(sid);
      }
      cold.attachAll(RateLimitBenchmark.WS, warm, media, 8, AttachListener.NONE);
    }
    List<String> sids = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      String sid = String.format("WT%032x", i);
      server.router().putTask(RateLimitBenchmark.WS, sid, "{\"type\":\"inbound\",\"n\":" + i + "}");
      sids.add(sid);
    }
    TokenBucket bucket = TokenBucket.of(limit, burst);
    server.router().rateLimit(bucket);
    return new LimitedEmulator(server, bucket, List.copyOf(sids));
  }

  @Override
  public void close() {
    server.close();
  }
}
