package io.github.flexmedia.twilio.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.internal.events.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A TaskRouter event: from the workspace's event callback (a form POST) or from an Event Streams
 * batch (CloudEvents JSON, types {@code com.twilio.taskrouter.*}).
 *
 * <pre>{@code
 * TaskRouterEvent e = TaskRouterEvent.fromForm(formParams);   // after WebhookVerifier
 * if (e.eventType().equals("reservation.wrapup")) { ... e.taskSid(), e.reservationSid() ... }
 * }</pre>
 *
 * @param eventType {@code EventType}, for example {@code reservation.wrapup} or {@code
 *     task.completed}
 * @param workspaceSid {@code WorkspaceSid} ({@code WS...})
 * @param taskSid {@code TaskSid} ({@code WT...}); {@code null} for events about no task (workers,
 *     activities)
 * @param reservationSid {@code ReservationSid} ({@code WR...}); {@code null} when absent
 * @param taskAttributes {@code TaskAttributes}, the task's attributes JSON as TaskRouter sent it;
 *     {@code null} when absent. It may hold PHI: {@link #toString()} leaves it out
 * @param timestamp {@code Timestamp} (epoch seconds on the wire, milliseconds accepted): when the event happened
 */
public record TaskRouterEvent(
    String eventType,
    String workspaceSid,
    String taskSid,
    String reservationSid,
    String taskAttributes,
    Instant timestamp) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLOUD_EVENT_PREFIX = "com.twilio.taskrouter.";

  /**
   * Checks the SIDs.
   *
   * @param eventType the event type
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @param taskSid the task: {@code WT} and 32 hex digits, or {@code null}
   * @param reservationSid the reservation: {@code WR} and 32 hex digits, or {@code null}
   * @param taskAttributes the task's attributes JSON, or {@code null}
   * @param timestamp when the event happened
   */
  public TaskRouterEvent {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(workspaceSid, "workspaceSid");
    Objects.requireNonNull(timestamp, "timestamp");
    Params.sid("WorkspaceSid", workspaceSid, "WS");
    Params.sid("TaskSid", taskSid, "WT");
    Params.sid("ReservationSid", reservationSid, "WR");
  }

  /**
   * Reads the form parameters of a TaskRouter event callback. Unknown parameters are ignored.
   *
   * @param params the POST parameters
   * @return the event
   * @throws IllegalArgumentException naming the parameter (never its value) when a required one
   *     ({@code EventType}, {@code WorkspaceSid}, {@code Timestamp}) is missing or garbled, or the
   *     {@code TaskSid} is garbled. {@code Timestamp} may be in seconds (as TaskRouter documents)
   *     or milliseconds; a garbled {@code ReservationSid} is read as absent (reported at FINE)
   */
  public static TaskRouterEvent fromForm(Map<String, String> params) {
    Objects.requireNonNull(params, "params");
    return new TaskRouterEvent(
        Params.required(params, "EventType"),
        Params.required(params, "WorkspaceSid"),
        Params.optional(params, "TaskSid"),
        Params.tolerant("ReservationSid", Params.optional(params, "ReservationSid"),
            v -> Params.sid("ReservationSid", v, "WR")),
        Params.optional(params, "TaskAttributes"),
        Params.epochSeconds("Timestamp", Params.required(params, "Timestamp")));
  }

  /**
   * Reads the TaskRouter events of an Event Streams delivery and drops, without a word, the
   * events it cannot read; see {@link #fromEventStreams(String, Instant, Consumer)} to be told.
   *
   * @param json the request body
   * @return the readable TaskRouter events, in the order received
   * @throws IllegalArgumentException when the body is not a JSON array or object
   * @deprecated since 0.3.0: it drops unreadable events silently and dates them now; use {@link
   *     #fromEventStreams(String, Instant, Consumer)}
   */
  @Deprecated(since = "0.3.0")
  public static List<TaskRouterEvent> fromEventStreams(String json) {
    return fromEventStreams(json, Instant.now(), skipped -> { });
  }

  /**
   * Reads the TaskRouter events of an Event Streams delivery: a JSON array of CloudEvents (or one
   * CloudEvent). Each event is read on its own, from {@code data.payload} ({@code eventtype},
   * {@code workspace_sid}, {@code task_sid}, {@code reservation_sid}, {@code task_attributes},
   * {@code timestamp}). An event that is not {@code com.twilio.taskrouter.*}, or lacks what a link
   * needs (a well-formed {@code workspace_sid}; a {@code task_sid}, when present, well formed), is
   * reported to {@code skipped} and left out; the others are returned. The optional fields are
   * read tolerantly: a garbled {@code reservation_sid} is absent; the {@code timestamp} may be ISO
   * 8601 or a number of seconds or milliseconds, else the CloudEvent's {@code time}, else {@code
   * receivedAt}.
   *
   * @param json the request body
   * @param receivedAt when the delivery arrived: the timestamp of an event that has none
   * @param skipped told of each event left out, with its index and field
   * @return the readable TaskRouter events, in the order received
   * @throws IllegalArgumentException when the body is not a JSON array or object
   */
  public static List<TaskRouterEvent> fromEventStreams(
      String json, Instant receivedAt, Consumer<SkippedEvent> skipped) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(skipped, "skipped");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the Event Streams body is not JSON");
    }
    if (root == null || !(root.isArray() || root.isObject())) {
      throw new IllegalArgumentException("the Event Streams body must be a JSON array or object");
    }
    List<JsonNode> cloudEvents = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(cloudEvents::add);
    } else {
      cloudEvents.add(root);
    }
    List<TaskRouterEvent> events = new ArrayList<>();
    for (int i = 0; i < cloudEvents.size(); i++) {
      JsonNode ce = cloudEvents.get(i);
      String type = ce.path("type").asText("");
      if (!type.startsWith(CLOUD_EVENT_PREFIX)) {
        skipped.accept(new SkippedEvent(i, "type", "not a com.twilio.taskrouter.* event"));
        continue;
      }
      JsonNode payload = ce.path("data").path("payload");
      String workspace = text(payload, "workspace_sid");
      if (workspace == null || !Sid.isValid(workspace, "WS")) {
        skipped.accept(new SkippedEvent(i, "data.payload.workspace_sid",
            "required: 'WS' followed by 32 hex digits"));
        continue;
      }
      JsonNode task = payload.get("task_sid");
      String taskSid = text(payload, "task_sid");
      if (task != null && !task.isNull() && (taskSid == null || !Sid.isValid(taskSid, "WT"))) {
        skipped.accept(new SkippedEvent(i, "data.payload.task_sid",
            "when present: 'WT' followed by 32 hex digits"));
        continue;
      }
      String eventType = text(payload, "eventtype");
      events.add(new TaskRouterEvent(
          eventType != null ? eventType : type.substring(CLOUD_EVENT_PREFIX.length()),
          workspace,
          taskSid,
          Params.tolerant("data.payload.reservation_sid", text(payload, "reservation_sid"),
              v -> Params.sid("data.payload.reservation_sid", v, "WR")),
          text(payload, "task_attributes"),
          timestamp(ce, receivedAt)));
    }
    return List.copyOf(events);
  }

  /** The event's time: not what a link needs, so never a reason to drop the event. */
  private static Instant timestamp(JsonNode ce, Instant receivedAt) {
    for (JsonNode v : new JsonNode[] {
        ce.path("data").path("payload").path("timestamp"), ce.path("data").path("timestamp"),
        ce.path("time")}) {
      Instant t = v.isNumber()
          ? Params.tolerant("timestamp", v.asText(), s -> Params.epochSeconds("timestamp", s))
          : v.isTextual() ? Params.tolerant("timestamp", v.asText(), s -> Params.iso("timestamp", s))
          : null;
      if (t != null) {
        return t;
      }
    }
    return receivedAt;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
  }

  /** Leaves the task attributes out: they may hold PHI. */
  @Override
  public String toString() {
    return "TaskRouterEvent[eventType=" + eventType + ", workspaceSid=" + workspaceSid
        + ", taskSid=" + taskSid + ", reservationSid=" + reservationSid + ", timestamp=" + timestamp
        + ", taskAttributes=" + (taskAttributes == null ? "none" : taskAttributes.length() + " chars")
        + "]";
  }
}
