package io.github.flexmedia.twilio.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Callback parameters at their edges: an absent SID stays absent; the first millisecond value. */
class ParamsEdgesTest {
  @Test
  void anAbsentSidStaysAbsent() {
    assertThat(Params.sid("TaskSid", null, "WT")).isNull();
  }

  @Test
  void aTimestampOfOneHundredBillionIsReadAsMillisecondsAndOneLessAsSeconds() {
    assertThat(Params.epochSeconds("Timestamp", "100000000000"))
        .isEqualTo(Instant.ofEpochSecond(100_000_000L));
    assertThat(Params.epochSeconds("Timestamp", "99999999999"))
        .isEqualTo(Instant.ofEpochSecond(99_999_999_999L));
  }
}
