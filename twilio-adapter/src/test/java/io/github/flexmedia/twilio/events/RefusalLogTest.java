package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.internal.events.RefusalLog;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
  @Test
  void theFirstRefusalIsLoggedAtOnceAndTheRestOncePerMinuteWithTheirCount() {
    TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    RefusalLog refusals = new RefusalLog(System.getLogger(RefusalLogTest.class.getName()), clock);
    try (LogCapture log = LogCapture.of(RefusalLogTest.class)) {
      refusals.refused(Level.WARNING, "forged");
      for (int i = 0; i < 999; i++) {
        refusals.refused(Level.WARNING, "forged");
      }
      clock.advance(Duration.ofSeconds(59));
      refusals.refused(Level.WARNING, "forged");
      clock.advance(Duration.ofSeconds(1));
      refusals.refused(Level.WARNING, "forged");

      assertThat(log.lines()).containsExactly(
          "WARNING webhook refused: forged",
          "WARNING webhook refused: forged (1001 refused since the last report)");
    }
  }

  @Test
  void aFloodThatStopsIsToldWhenTheMinuteEnds() {
    TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    List<Duration> delays = new ArrayList<>();
    List<Runnable> scheduled = new ArrayList<>();
    RefusalLog refusals = new RefusalLog(System.getLogger(RefusalLogTest.class.getName()), clock,
        (delay, task) -> {
          delays.add(delay);
          scheduled.add(task);
        });
    try (LogCapture log = LogCapture.of(RefusalLogTest.class)) {
      refusals.refused(Level.WARNING, "forged");
      assertThat(scheduled).as("nothing held back yet").isEmpty();
      clock.advance(Duration.ofSeconds(20));
      for (int i = 0; i < 500; i++) {
        refusals.refused(Level.WARNING, "forged");
      }
      assertThat(delays).as("one report for the whole flood").containsExactly(Duration.ofSeconds(40));

      clock.advance(Duration.ofSeconds(40));
      scheduled.get(0).run(); // the minute ended; the flood had stopped
      clock.advance(Duration.ofSeconds(30));
      refusals.refused(Level.WARNING, "forged"); // within a minute of that report: held back

      assertThat(log.lines()).containsExactly(
          "WARNING webhook refused: forged",
          "WARNING webhook refused: forged (500 refused since the last report)");
      assertThat(scheduled).hasSize(2);
    }
  }
}
