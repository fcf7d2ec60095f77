package io.github.flexmedia.twilio.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskRouterEventTest {

  @Test
  void readsAReservationWrapupCallback() {
    TaskRouterEvent e = TaskRouterEvent.fromForm(Callbacks.wrapup(Callbacks.WT));

    assertThat(e.eventType()).isEqualTo("reservation.wrapup");
    assertThat(e.workspaceSid()).isEqualTo(Callbacks.WS);
    assertThat(e.taskSid()).isEqualTo(Callbacks.WT);
    assertThat(e.reservationSid()).isEqualTo(Callbacks.WR);
    assertThat(e.taskAttributes()).contains("Zoë Patient");
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2019-11-21T15:32:00Z"));
  }

  @Test
  void timestampMayCarryAFraction() {
    Map<String, String> p = Callbacks.wrapup(Callbacks.WT);
    p.put("Timestamp", "1574350320.250");
    assertThat(TaskRouterEvent.fromForm(p).timestamp()).isEqualTo(Instant.parse("2019-11-21T15:32:00.250Z"));
  }

  @Test
  void eventsWithoutATaskHaveNoTaskSid() {
    Map<String, String> p = Callbacks.wrapup(Callbacks.WT);
    p.put("EventType", "worker.activity.update");
    p.remove("TaskSid");
    p.remove("ReservationSid");
    p.remove("TaskAttributes");
    TaskRouterEvent e = TaskRouterEvent.fromForm(p);
    assertThat(e.taskSid()).isNull();
    assertThat(e.reservationSid()).isNull();
    assertThat(e.taskAttributes()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"EventType", "WorkspaceSid", "Timestamp"})
  void aMissingRequiredParameterIsNamed(String name) {
    Map<String, String> p = Callbacks.wrapup(Callbacks.WT);
    p.remove(name);
    assertThatThrownBy(() -> TaskRouterEvent.fromForm(p))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter " + name + " is required");
  }

  @ParameterizedTest
  @CsvSource({
      "Timestamp, 2019-11-21T15:32:00Z",
      "Timestamp, -5",
      "WorkspaceSid, WS-SECRET",
      "TaskSid, WT0123456789abcdef0123456789abcdeX"})
  void aGarbledParameterIsNamedAndItsValueNeverRepeated(String name, String value) {
    Map<String, String> p = Callbacks.wrapup(Callbacks.WT);
    p.put(name, value);
    assertThatThrownBy(() -> TaskRouterEvent.fromForm(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("parameter " + name + " must be")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
  }

  @Test
  void toStringLeavesTheTaskAttributesOut() {
    TaskRouterEvent e = TaskRouterEvent.fromForm(Callbacks.wrapup(Callbacks.WT));
    assertThat(e.toString()).contains(Callbacks.WT, "reservation.wrapup", "chars")
        .doesNotContain("Zoë", "+15550100");
  }

  @Test
  void readsTheTaskRouterEventsOfAnEventStreamsBatch() throws IOException {
    List<TaskRouterEvent> events = TaskRouterEvent.fromEventStreams(resource("events/event-streams-batch.json"));

    assertThat(events).containsExactly(
        new TaskRouterEvent("reservation.wrapup", Callbacks.WS, Callbacks.WT, Callbacks.WR,
            "{\"from\":\"+15550100\"}", Instant.parse("2025-01-01T00:00:00Z")),
        new TaskRouterEvent("task.completed", Callbacks.WS, Callbacks.WT, null, "{}",
            Instant.parse("2025-01-01T00:00:05.500Z")));
  }

  @Test
  void aSingleCloudEventIsABatchOfOne() {
    String one = "{\"type\":\"com.twilio.taskrouter.task.canceled\",\"data\":{\"timestamp\":"
        + "\"2025-01-01T00:00:00Z\",\"payload\":{\"workspace_sid\":\"" + Callbacks.WS + "\"}}}";
    assertThat(TaskRouterEvent.fromEventStreams(one)).singleElement()
        .satisfies(e -> assertThat(e.eventType()).isEqualTo("task.canceled"));
  }

  @Test
  void aGarbledReservationSidIsAbsent() {
    Map<String, String> p = Callbacks.wrapup(Callbacks.WT);
    p.put("ReservationSid", "SECRET");
    assertThat(TaskRouterEvent.fromForm(p).reservationSid()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"1574350320, 2019-11-21T15:32:00Z", "1574350320000, 2019-11-21T15:32:00Z",
      "1574350320123, 2019-11-21T15:32:00.123Z", "1574350320.5, 2019-11-21T15:32:00.500Z"})
  void theTimestampIsInSecondsOrMilliseconds(String wire, String instant) {
    Map<String, String> p = Callbacks.wrapup(Callbacks.WT);
    p.put("Timestamp", wire);
    assertThat(TaskRouterEvent.fromForm(p).timestamp()).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json SECRET | the Event Streams body is not JSON",
      "\"SECRET\" | the Event Streams body must be a JSON array or object"})
  void aBodyThatIsNoBatchIsRefused(String body, String message) {
    assertThatThrownBy(() -> TaskRouterEvent.fromEventStreams(body))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void eachEventOfABatchIsReadAloneAndTheUnreadableOnesAreSkippedNamingIndexAndField() {
    String ws = Callbacks.WS;
    String body = "[{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{}}},"
        + "{\"type\":\"com.twilio.voice.call\",\"data\":{}},"
        + "{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"workspace_sid\":\"" + ws
        + "\",\"task_sid\":\"WT-SECRET\"}}},"
        + "{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"workspace_sid\":\"" + ws
        + "\",\"task_sid\":\"" + Callbacks.WT + "\",\"timestamp\":1735689600,\"reservation_sid\":\"SECRET\"}}},"
        + "{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"workspace_sid\":\"" + ws
        + "\",\"timestamp\":\"SECRET\"}},\"time\":\"2025-01-01T00:00:09Z\"},"
        + "{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"workspace_sid\":\"" + ws
        + "\",\"timestamp\":1735689600123}}},"
        + "{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"workspace_sid\":\"" + ws
        + "\"}}}]";
    List<SkippedEvent> skipped = new java.util.ArrayList<>();
    Instant arrival = Instant.parse("2025-01-02T00:00:00Z");

    List<TaskRouterEvent> events = TaskRouterEvent.fromEventStreams(body, arrival, skipped::add);

    assertThat(skipped).containsExactly(
        new SkippedEvent(0, "data.payload.workspace_sid", "required: 'WS' followed by 32 hex digits"),
        new SkippedEvent(1, "type", "not a com.twilio.taskrouter.* event"),
        new SkippedEvent(2, "data.payload.task_sid", "when present: 'WT' followed by 32 hex digits"));
    assertThat(skipped).extracting(SkippedEvent::unknown).containsExactly(false, true, false);
    assertThat(events).containsExactly(
        new TaskRouterEvent("task.created", ws, Callbacks.WT, null, null,
            Instant.parse("2025-01-01T00:00:00Z")),
        new TaskRouterEvent("task.created", ws, null, null, null, Instant.parse("2025-01-01T00:00:09Z")),
        new TaskRouterEvent("task.created", ws, null, null, null,
            Instant.parse("2025-01-01T00:00:00.123Z")),
        new TaskRouterEvent("task.created", ws, null, null, null, arrival));
    assertThat(TaskRouterEvent.fromEventStreams(body)).hasSize(4);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = TaskRouterEventTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
