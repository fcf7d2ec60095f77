package io.github.flexmedia.twilio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate limit of the doubles, on a hand-moved clock. */
class TokenBucketTest {
  private static final String WS = "WS0123456789abcdef0123456789abcdef";
  private static final String WT = "WT0123456789abcdef0123456789abcdef";

  private final AtomicLong now = new AtomicLong(5_000_000_000L);

  private void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }

  @Test
  void aFullBucketAllowsItsBurstThenRefillsAtTheRate() {
    TokenBucket bucket = TokenBucket.of(50, 10, now::get);
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryTake()).as("request %d", i).isEmpty();
    }
    assertThat(bucket.tryTake()).contains(Duration.ofSeconds(1));
    advanceMillis(19);
    assertThat(bucket.tryTake()).isPresent();
    advanceMillis(1); // 20 ms at 50/s: one token
    assertThat(bucket.tryTake()).isEmpty();
    assertThat(bucket.tryTake()).isPresent();
    advanceMillis(10_000); // never more than the burst
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryTake()).isEmpty();
    }
    assertThat(bucket.tryTake()).isPresent();
    assertThat(bucket.taken()).isEqualTo(21);
    assertThat(bucket.refused()).isEqualTo(4);
  }

  @Test
  void retryAfterIsTheWaitForTheNextTokenInWholeSecondsAtLeastOne() {
    TokenBucket slow = TokenBucket.of(0.25, 1, now::get);
    assertThat(slow.tryTake()).isEmpty();
    assertThat(slow.tryTake()).isEqualTo(Optional.of(Duration.ofSeconds(4)));
    advanceMillis(2500);
    assertThat(slow.tryTake()).isEqualTo(Optional.of(Duration.ofSeconds(2)));
    assertThat(slow.requestsPerSecond()).isEqualTo(0.25);
    assertThat(slow.burst()).isEqualTo(1);
    assertThat(slow).hasToString("TokenBucket[0.25/s, burst 1]");
  }

  @Test
  void refusesRatesAndBurstsThatMeanNothing() {
    assertThatThrownBy(() -> TokenBucket.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestsPerSecond must be positive and finite (was 0.0)");
    assertThatThrownBy(() -> TokenBucket.of(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenBucket.of(1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst must be at least 1 (was 0)");
  }

  @Test
  void theInMemoryRouterAnswers429WithRetryAfterAndRecordsIt() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    router.rateLimit(TokenBucket.of(1, 2, now::get));
    router.fetchTask(WS, WT);
    router.updateTaskAttributes(WS, WT, "{\"a\":1}", null);
    assertThatThrownBy(() -> router.createTask(WS, "WW0123456789abcdef0123456789abcdef", "{}"))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
    assertThat(router.calls()).extracting(RecordedCall::status).containsExactly(200, 200, 429);
    assertThat(router.calls().get(2).fault()).isEqualTo(Fault.rateLimited(Duration.ofSeconds(1)));
    assertThat(router.calls().get(2).applied()).isFalse();
    router.rateLimit(null);
    router.fetchTask(WS, WT);
  }

  @Test
  void theServerSends429WithRetryAfterThroughTheProductionStack() {
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      server.router().putTask(WS, WT, "{}");
      server.router().rateLimit(TokenBucket.of(50, 2, now::get));
      TwilioTaskRouterClient client = new TwilioTaskRouterClient(server.restClient());
      client.fetchTask(WS, WT);
      client.fetchTask(WS, WT);
      assertThatThrownBy(() -> client.fetchTask(WS, WT))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.errorCode()).isEqualTo(20429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
          });
      assertThat(server.requestCount()).isEqualTo(3); // one HTTP exchange per call, 429 included
    }
  }
}
