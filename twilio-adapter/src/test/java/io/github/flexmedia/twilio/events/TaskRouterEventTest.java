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
      "TaskSid, WT0123456789abcdef0123456789abcdeX",
      "ReservationSid, SECRET"})
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

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json SECRET | the Event Streams body is not JSON",
      "\"SECRET\" | the Event Streams body must be a JSON array or object",
      "[{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"timestamp\":\"2025-01-01T00:00:00Z\"}}}] | event 0: data.payload.workspace_sid is required",
      "[{},{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"workspace_sid\":\"" + Callbacks.WS + "\"}}}] | event 1: data.payload.timestamp is required",
      "[{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{\"workspace_sid\":\"" + Callbacks.WS + "\",\"timestamp\":\"SECRET\"}}}] | event 0: data.payload.timestamp must be an ISO 8601 date-time with an offset, such as '2025-01-01T00:00:00.000Z'"})
  void aBrokenBatchIsRefusedNamingTheEventAndField(String body, String message) {
    assertThatThrownBy(() -> TaskRouterEvent.fromEventStreams(body))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = TaskRouterEventTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
