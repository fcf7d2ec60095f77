package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.internal.events.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingCallbackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsEveryParameterOfACompletedDualChannelRecording() {
    RecordingCallback cb = RecordingCallback.fromForm(Callbacks.recording());

    assertThat(cb.accountSid()).isEqualTo(Callbacks.AC);
    assertThat(cb.callSid()).isEqualTo(Callbacks.CA);
    assertThat(cb.recordingSid()).isEqualTo(Callbacks.RE);
    assertThat(cb.status()).isEqualTo("completed");
    assertThat(cb.isCompleted()).isTrue();
    assertThat(cb.startTime()).isEqualTo(Instant.parse("2019-11-21T15:32:00Z"));
    assertThat(cb.channels()).isEqualTo(2);
    assertThat(cb.duration()).isEqualTo(Duration.ofSeconds(42));
    assertThat(cb.source()).isEqualTo("StartCallRecordingAPI");
  }

  @Test
  void readsRfc2822WithAnOffset() {
    Map<String, String> p = Callbacks.recording();
    p.put("RecordingStartTime", "Wed, 5 Aug 2020 21:47:04 +0200");
    assertThat(RecordingCallback.fromForm(p).startTime()).isEqualTo(Instant.parse("2020-08-05T19:47:04Z"));
  }

  @Test
  void toMediaLinkIsTheVoiceRecordingFlexPlays() throws Exception {
    MediaAttributes media = MediaAttributes.builder()
        .media(RecordingCallback.fromForm(Callbacks.recording()).toMediaLink()).build();

    assertThat(JSON.readTree(media.toJson())).isEqualTo(JSON.readTree(
        "{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\",\"url\":\"" + Callbacks.RECORDING_URL
            + "\",\"start_time\":1574350320000,\"channels\":[\"customer\",\"others\"]}]}}"));
  }

  @Test
  void aSingleChannelRecordingHasNoChannelsAndAbsentOptionalsStayAbsent() {
    Map<String, String> p = Callbacks.recording();
    p.put("RecordingChannels", "1");
    p.remove("RecordingStartTime");
    p.remove("RecordingDuration");
    p.remove("CallSid");
    p.remove("RecordingSource");
    RecordingCallback cb = RecordingCallback.fromForm(p);

    assertThat(cb.toMediaLink().channels()).isEmpty();
    assertThat(cb.toMediaLink().startTime()).isNull();
    assertThat(cb.callSid()).isNull();
    assertThat(cb.duration()).isNull();
    assertThat(cb.source()).isNull();
    p.remove("RecordingChannels");
    assertThat(RecordingCallback.fromForm(p).channels()).isEqualTo(1);
  }

  @Test
  void aStatusOtherThanCompletedIsVisibleAndMakesNoLink() {
    Map<String, String> p = Callbacks.recording();
    p.put("RecordingStatus", "absent");
    RecordingCallback cb = RecordingCallback.fromForm(p);

    assertThat(cb.isCompleted()).isFalse();
    assertThat(cb.status()).isEqualTo("absent");
    assertThatThrownBy(cb::toMediaLink).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("isCompleted()");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AccountSid", "RecordingSid", "RecordingStatus"})
  void aMissingOrBlankRequiredParameterIsNamed(String name) {
    Map<String, String> p = Callbacks.recording();
    p.remove(name);
    assertThatThrownBy(() -> RecordingCallback.fromForm(p))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter " + name + " is required");
    p.put(name, " ");
    assertThatThrownBy(() -> RecordingCallback.fromForm(p))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter " + name + " is required");
  }

  @ParameterizedTest
  @CsvSource({
      "AccountSid, SECRET-not-a-sid",
      "RecordingSid, RE-SECRET"})
  void aGarbledRequiredParameterIsNamedAndItsValueNeverRepeated(String name, String value) {
    Map<String, String> p = Callbacks.recording();
    p.put(name, value);
    assertThatThrownBy(() -> RecordingCallback.fromForm(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter " + name)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value).doesNotContain("SECRET"));
  }

  @ParameterizedTest
  @CsvSource({
      "CallSid, CASECRETSECRETSECRETSECRETSECRETSEC",
      "RecordingStartTime, 2019-11-21T15:32:00Z-SECRET",
      "RecordingChannels, 3",
      "RecordingChannels, 0",
      "RecordingChannels, SECRET",
      "RecordingDuration, -1",
      "RecordingDuration, -1SECRET"})
  void aGarbledOptionalParameterIsAbsentAndReportedAtFineWithoutItsValue(String name, String value) {
    Map<String, String> p = Callbacks.recording();
    p.put(name, value);
    Map<String, String> without = Callbacks.recording();
    without.remove(name);
    try (LogCapture log = LogCapture.of(Params.class)) {
      assertThat(RecordingCallback.fromForm(p)).isEqualTo(RecordingCallback.fromForm(without));
      assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
          .startsWith("FINE ignored: parameter " + name).doesNotContain(value));
    }
  }

  @Test
  void anInProgressCallbackWithDurationMinusOneIsReadAndNotCompleted() {
    Map<String, String> p = Callbacks.recording();
    p.put("RecordingStatus", "in-progress");
    p.put("RecordingDuration", "-1");
    RecordingCallback cb = RecordingCallback.fromForm(p);
    assertThat(cb.isCompleted()).isFalse();
    assertThat(cb.duration()).isNull();
    assertThat(cb.channels()).isEqualTo(2);
  }

  @Test
  void unknownParametersAreIgnored() {
    Map<String, String> p = Callbacks.recording();
    p.put("SomethingTwilioAddsTomorrow", "x");
    assertThat(RecordingCallback.fromForm(p)).isEqualTo(RecordingCallback.fromForm(Callbacks.recording()));
  }

  @Test
  void channelsAreCustomerThenOthers() {
    assertThat(RecordingCallback.fromForm(Callbacks.recording()).toMediaLink().channels())
        .containsExactly(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS);
  }
}
