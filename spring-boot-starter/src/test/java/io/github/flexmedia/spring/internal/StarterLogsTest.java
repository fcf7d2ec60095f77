package io.github.flexmedia.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TaskSnapshot;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.events.PendingAttach;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the starter writes to the log, line by line. */
@ExtendWith(OutputCaptureExtension.class)
class StarterLogsTest {
  /** The deployment's auth token, of Twilio's shape. */

  private static final String WS = "WS" + "0".repeat(31) + "1";
  private static final String URL = "https://crm.example.com/cases/secret-case?patient=ada";

  /** A clock the test moves. */
  private static final class Ticking extends Clock {
    private Instant now = Instant.parse("2026-12-06T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static PendingAttach attach(int i) {
    return PendingAttach.of(WS, String.format("WT%032x", i),
        MediaAttributes.builder().media(MediaLink.referenced(URL, "Ada's case")).build(),
        Instant.parse("2026-12-06T00:02:00Z"));
  }

  private static AttachOutcome failed(int i) {
    TaskRouterException e = TaskRouterException.gaveUp(
        new TaskRouterException("Authenticate", 401, 20003, null), 1);
    PendingAttach a = attach(i);
    return new AttachOutcome(a.workspaceSid(), a.taskSid(), AttachOutcome.Status.FAILED, null, e);
  }

  private static List<String> lines(CapturedOutput output, String marker) {
    return output.getAll().lines().filter(l -> l.contains(marker)).collect(Collectors.toList());
  }

  @Test
  void aFloodIsCappedAndTheNextLineSaysHowManyWereLeftOut(CapturedOutput output) {
    Ticking clock = new Ticking();
    AttachFailureLog log = new AttachFailureLog(clock);
    for (int i = 0; i < 25; i++) {
      log.onOutcome(failed(i));
    }
    assertThat(lines(output, "flex-media attach not done")).hasSize(20);

    clock.now = clock.now.plus(Duration.ofMinutes(1));
    log.onOutcome(failed(99));

    List<String> all = lines(output, "flex-media attach not done");
    assertThat(all).hasSize(21);
    assertThat(all.get(20)).contains("outcome=failed", "error=authentication", "attempts=1",
        String.format("task=WT%032x", 99), "(5 more such lines were left out before this one)");
    assertThat(all.get(0)).doesNotContain("left out");
    assertThat(output.getAll()).doesNotContain("crm.example.com", "Ada");
  }

  @Test
  void aFloodThatStopsIsCountedWhenItsMinuteEnds(CapturedOutput output) {
    Ticking clock = new Ticking();
    List<Duration> delays = new ArrayList<>();
    List<Runnable> scheduled = new ArrayList<>();
    AttachFailureLog log = new AttachFailureLog(clock, (delay, task) -> {
      delays.add(delay);
      scheduled.add(task);
    });
    for (int i = 0; i < 20; i++) {
      log.onOutcome(failed(i));
    }
    assertThat(scheduled).as("nothing left out yet, nothing to report").isEmpty();

    clock.now = clock.now.plus(Duration.ofSeconds(15));
    for (int i = 20; i < 27; i++) {
      log.onOutcome(failed(i));
    }
    assertThat(scheduled).as("one report, however many lines are left out").hasSize(1);
    assertThat(delays).containsExactly(Duration.ofSeconds(45));

    clock.now = clock.now.plus(Duration.ofSeconds(45));
    scheduled.get(0).run(); // the minute ended and no further failure came

    assertThat(lines(output, "flex-media attach not done")).hasSize(21).last().asString()
        .contains("7 more such lines were left out in the last minute");
    log.onOutcome(failed(99)); // the count was told: the next line does not repeat it
    assertThat(lines(output, "flex-media attach not done")).hasSize(22).last().asString()
        .contains(String.format("task=WT%032x", 99)).doesNotContain("left out");
  }

  @Test
  void anAttachThatLandedIsNotLogged(CapturedOutput output) {
    PendingAttach a = attach(1);
    AttachResult result = new AttachResult(
        new TaskSnapshot(WS, a.taskSid(), "{}", "\"1\"", "completed", "voice"), 1, true, List.of());
    new AttachFailureLog().onOutcome(new AttachOutcome(
        WS, a.taskSid(), AttachOutcome.Status.ATTACHED, result, null));
    assertThat(lines(output, "flex-media attach not done")).isEmpty();
  }
}
