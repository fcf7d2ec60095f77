package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.TaskRouterException.Kind;
import java.io.IOException;
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
    assertThat(new AttachInterruptedException("interrupted", false, null).isRetryable()).isFalse();
    assertThat(new AttributesTooLargeException("WT1", 5000).kind()).isEqualTo(Kind.POLICY);
    assertThat(new TaskRouterException(Kind.LOCAL_FAILURE, "twilio-java refused", 0, 0, null, null)
        .isRetryable()).isFalse();
  }

  @Test
  void theAttemptCountIsSetOnceAndKeptByEverySubclass() {
    AttributesTooLargeException e = new AttributesTooLargeException("WT1", 5000);

    assertThat(e.afterAttempts(3)).isSameAs(e);
    e.afterAttempts(7);

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e).hasMessageEndingWith("(gave up after 3 attempts)");
    assertThat(new TaskConflictException("c", 0, null).afterAttempts(1))
        .hasMessageEndingWith("(gave up after 1 attempt)");
    assertThatThrownBy(() -> e.afterAttempts(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
