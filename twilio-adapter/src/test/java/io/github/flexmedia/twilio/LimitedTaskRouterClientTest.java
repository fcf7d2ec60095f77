package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.internal.ratelimit.AdaptiveLimiter;
import io.github.flexmedia.twilio.internal.ratelimit.LimitedTaskRouterClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The client decorator that takes a permit per request and reports each answer to the limiter. */
class LimitedTaskRouterClientTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }

  private AdaptiveLimiter limiter(int max) {
    return new AdaptiveLimiter(max, now::get, null, null);
  }

  @Test
  void theClientReportsEachAnswerAndReleasesItsPermit() {
    AdaptiveLimiter l = limiter(1);
    List<RuntimeException> answers = new ArrayList<>(List.of(
        new RateLimitedException("limited", 20429, Duration.ofSeconds(1), null),
        new TaskRouterException("gone", 404, 20404, null),
        new TaskRouterException("down", 503, 20500, null)));
    TaskRouterClient failing = new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String w, String t) {
        throw answers.remove(0);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String w, String t, String json, String ifMatch) {
        throw answers.remove(0);
      }

      @Override
      public TaskSnapshot createTask(String w, String wf, String json) {
        throw answers.remove(0);
      }
    };
    LimitedTaskRouterClient client = new LimitedTaskRouterClient(failing, l);
    assertThat(client.limiter()).isSameAs(l);
    assertThatThrownBy(() -> client.fetchTask("WS", "WT")).isInstanceOf(RateLimitedException.class);
    assertThat(l.pauseLeft()).isEqualTo(Duration.ofSeconds(1));
    assertThat(l.inFlight()).isZero();
    advanceMillis(1000);
    assertThatThrownBy(() -> client.updateTaskAttributes("WS", "WT", "{}", null))
        .isInstanceOf(TaskRouterException.class);
    advanceMillis(1000); // the next pacing slot
    assertThatThrownBy(() -> client.createTask("WS", "WW", "{}"))
        .isInstanceOf(TaskRouterException.class);
    assertThat(l.inFlight()).isZero();
    assertThat(l.rateLimited()).isEqualTo(1);
  }

  @Test
  void aCallerInterruptedWhileWaitingForAPermitGetsAnInterruptedFailure() {
    AdaptiveLimiter l = limiter(1);
    l.tryAcquire(); // the only permit, never returned
    LimitedTaskRouterClient client = new LimitedTaskRouterClient(new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String w, String t) {
        throw new AssertionError("must not be called");
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String w, String t, String json, String ifMatch) {
        throw new AssertionError("must not be called");
      }

      @Override
      public TaskSnapshot createTask(String w, String wf, String json) {
        throw new AssertionError("must not be called");
      }
    }, l);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> client.fetchTask("WS", "WT"))
          .isInstanceOfSatisfying(TaskRouterException.class, e -> {
            assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED);
            assertThat(e.mayHaveWritten()).isFalse();
          });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
