package io.github.flexmedia.twilio.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param timestamp {@code Timestamp} (epoch seconds on the wire): when the event happened
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
   *     ({@code EventType}, {@code WorkspaceSid}, {@code Timestamp}) is missing or any is garbled
   */
  public static TaskRouterEvent fromForm(Map<String, String> params) {
    Objects.requireNonNull(params, "params");
    return new TaskRouterEvent(
        Params.required(params, "EventType"),
        Params.required(params, "WorkspaceSid"),
        Params.optional(params, "TaskSid"),
        Params.optional(params, "ReservationSid"),
        Params.optional(params, "TaskAttributes"),
        Params.epochSeconds("Timestamp", Params.required(params, "Timestamp")));
  }

  /**
   * Reads the TaskRouter events of an Event Streams delivery: a JSON array of CloudEvents (or one
   * CloudEvent). Events whose {@code type} is not {@code com.twilio.taskrouter.*} are skipped;
   * each TaskRouter event is read from {@code data.payload} ({@code eventtype}, {@code
   * workspace_sid}, {@code task_sid}, {@code reservation_sid}, {@code task_attributes}, {@code
   * timestamp} in ISO 8601).
   *
   * @param json the request body
   * @return the TaskRouter events, in the order received
   * @throws IllegalArgumentException naming the event's index and the field (never its value)
   *     when the body is not JSON or a TaskRouter event lacks a required field
   */
  public static List<TaskRouterEvent> fromEventStreams(String json) {
    Objects.requireNonNull(json, "json");
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
        continue;
      }
      String where = "event " + i + ": ";
      JsonNode payload = ce.path("data").path("payload");
      String eventType = text(payload, "eventtype");
      try {
        String stamp = text(payload, "timestamp");
        if (stamp == null) {
          stamp = text(ce.path("data"), "timestamp");
        }
        if (stamp == null) {
          throw new IllegalArgumentException("data.payload.timestamp is required");
        }
        String workspace = text(payload, "workspace_sid");
        if (workspace == null) {
          throw new IllegalArgumentException("data.payload.workspace_sid is required");
        }
        events.add(new TaskRouterEvent(
            eventType != null ? eventType : type.substring(CLOUD_EVENT_PREFIX.length()),
            workspace,
            text(payload, "task_sid"),
            text(payload, "reservation_sid"),
            text(payload, "task_attributes"),
            Params.iso("data.payload.timestamp", stamp)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage());
      }
    }
    return List.copyOf(events);
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
