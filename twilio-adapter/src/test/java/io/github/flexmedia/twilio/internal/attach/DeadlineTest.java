package io.github.flexmedia.twilio.internal.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
  private static final Clock NOW = Clock.fixed(T0, ZoneOffset.UTC);

  @Test
  void aDeadlinePassesAtItsInstantAndRefusesAWaitEndingThere() {
    Deadline in5 = Deadline.at(T0.plusSeconds(5), NOW);

    assertThat(in5.passed()).isFalse();
    assertThat(Deadline.at(T0, NOW).passed()).isTrue();
    in5.checkBeforeWait("WT1", Duration.ofSeconds(4));
    assertThatThrownBy(() -> in5.checkBeforeWait("WT1", Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(TaskRouterException.class,
            e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.DEADLINE_PASSED))
        .hasMessageContaining("WT1");
    assertThat(Deadline.NONE.passed()).isFalse();
    Deadline.NONE.checkBeforeWait("WT1", Duration.ofDays(365));
  }

  @Test
  void severalCallersDeadlinesHoldAtOnceAndNoneCountsForNothing() {
    Deadline in5 = Deadline.at(T0.plusSeconds(5), NOW);
    Deadline in60 = Deadline.at(T0.plusSeconds(60), NOW);
    Deadline passed = Deadline.at(T0.minusSeconds(1), NOW);

    assertThat(Deadline.allOf(List.of(Deadline.NONE, Deadline.NONE))).isSameAs(Deadline.NONE);
    assertThat(Deadline.allOf(List.of(Deadline.NONE, in60))).isSameAs(in60);
    Deadline both = Deadline.allOf(List.of(in60, Deadline.NONE, in5));
    assertThat(both.passed()).isFalse();
    both.checkBeforeWait("WT1", Duration.ofSeconds(4));
    assertThatThrownBy(() -> both.checkBeforeWait("WT1", Duration.ofSeconds(6)))
        .isInstanceOf(TaskRouterException.class);
    assertThat(Deadline.allOf(List.of(in60, passed)).passed()).isTrue();
    assertThatThrownBy(() -> Deadline.allOf(List.of(in60, passed)).checkBeforeCall("WT1"))
        .hasMessageContaining("deadline passed");
  }
}
