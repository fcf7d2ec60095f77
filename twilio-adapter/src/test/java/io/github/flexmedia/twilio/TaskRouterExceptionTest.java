package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.TaskRouterException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TaskRouterExceptionTest {
  @Test
  void onlyIoFailures5xx429AndConflictsAreRetryable() {
    EnumSet<Kind> retryable = EnumSet.noneOf(Kind.class);
    for (Kind k : Kind.values()) {
      if (k.retryable()) {
        retryable.add(k);
      }
    }
    assertThat(retryable).containsExactlyInAnyOrder(
        Kind.NO_RESPONSE, Kind.SERVER_ERROR, Kind.RATE_LIMITED, Kind.CONFLICT);
  }

  @Test
  void statusDecidesTheKindWhenNoneIsGiven() {
    assertThat(new TaskRouterException("x", 0, 0, new IOException()).kind()).isEqualTo(Kind.NO_RESPONSE);
    assertThat(new TaskRouterException("x", 400, 0, null).kind()).isEqualTo(Kind.REFUSED);
    assertThat(new TaskRouterException("x", 409, 0, null).isRetryable()).isFalse();
    assertThat(new TaskRouterException("x", 502, 0, null).kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(Kind.forStatus(403)).isEqualTo(Kind.AUTHENTICATION);
    assertThat(Kind.forStatus(404)).isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void aStatusZeroThatIsNotIoIsNotRetryable() {
    assertThat(TaskRouterException.interrupted("interrupted", false, null).isRetryable()).isFalse();
    assertThat(new TaskRouterException(Kind.TOO_LARGE, "too large", 0, 0, null, null).isRetryable())
        .isFalse();
    assertThat(new TaskRouterException(Kind.LOCAL_FAILURE, "twilio-java refused", 0, 0, null, null)
        .isRetryable()).isFalse();
  }

  @Test
  void givingUpMakesANewExceptionOfTheSameTypeAndLeavesTheLastOneAsItWas() {
    IOException io = new IOException("reset");
    RateLimitedException last = new RateLimitedException("rate limited", 20429,
        Duration.ofSeconds(3), io);

    TaskRouterException thrown = TaskRouterException.gaveUp(last, 3);

    assertThat(thrown).isNotSameAs(last).isInstanceOf(RateLimitedException.class)
        .hasMessage("rate limited (gave up after 3 attempts)").hasCause(io);
    assertThat(thrown.attempts()).isEqualTo(3);
    assertThat(thrown.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(thrown.statusCode()).isEqualTo(429);
    assertThat(thrown.errorCode()).isEqualTo(20429);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(thrown.getStackTrace()).isEqualTo(last.getStackTrace());
    assertThat(last.attempts()).isZero();
    assertThat(last).hasMessage("rate limited");
  }

  @Test
  void everySubclassKeepsItsTypeAndAnInnerCountIsNotReplaced() {
    assertThat(TaskRouterException.gaveUp(new TaskNotFoundException("gone", 20404, null), 1))
        .isInstanceOf(TaskNotFoundException.class).hasMessage("gone (gave up after 1 attempt)");
    assertThat(TaskRouterException.gaveUp(new TaskConflictException("c", 0, null), 2))
        .isInstanceOf(TaskConflictException.class);
    TaskRouterException stopped = TaskRouterException.gaveUp(
        TaskRouterException.interrupted("stopped", true, null), 4);
    assertThat(stopped.kind()).isEqualTo(Kind.INTERRUPTED);
    assertThat(stopped.mayHaveWritten()).isTrue();
    assertThat(stopped.attempts()).isEqualTo(4);
    TaskRouterException plain = TaskRouterException.gaveUp(
        new TaskRouterException("down", 503, 0, null), 5);
    assertThat(plain.getClass()).isEqualTo(TaskRouterException.class);
    assertThat(plain.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(plain.mayHaveWritten()).isFalse();

    assertThat(TaskRouterException.gaveUp(plain, 9)).isSameAs(plain);
    assertThatThrownBy(() -> TaskRouterException.gaveUp(new TaskRouterException("x", 500, 0, null), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
