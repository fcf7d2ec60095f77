package io.github.flexmedia.twilio.events;

import java.util.Objects;

/**
 * One event of an Event Streams delivery that was not passed on: unreadable (a field the link
 * needs is missing or garbled) or unknown (not a TaskRouter event). The other events of the same
 * delivery are still handled. It names where, never what: no value from the request is kept.
 *
 * @param index the event's position in the delivery, from 0
 * @param field the field at fault, for example {@code data.payload.workspace_sid} or {@code type}
 * @param reason the rule it broke
 */
public record SkippedEvent(int index, String field, String reason) {

  /**
   * Checks the parts.
   *
   * @param index the position, not negative
   * @param field the field
   * @param reason the rule
   */
  public SkippedEvent {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Whether the event was skipped because it is not a TaskRouter event, rather than unreadable.
   *
   * @return whether the {@code type} is not {@code com.twilio.taskrouter.*}
   */
  public boolean unknown() {
    return field.equals("type");
  }
}
