package io.github.flexmedia;

import io.github.flexmedia.InvalidMediaException.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where a task is in its life, as far as Flex Insights cares: for {@link
 * MediaAttributes#lint(TaskState, Instant)}, which warns about writes Insights will not see.
 *
 * <p>The status is TaskRouter's {@code assignmentStatus} (what {@code TaskSnapshot} carries); the
 * time a task was completed or canceled is not in a task fetch, so the caller supplies it, usually
 * the {@code Timestamp} of the {@code task.completed} / {@code task.canceled} event.
 *
 * <pre>{@code
 * media.lint(TaskState.completed(event.timestamp()), Instant.now());
 * }</pre>
 *
 * @param assignmentStatus {@code pending}, {@code reserved}, {@code assigned}, {@code wrapping},
 *     {@code completed} or {@code canceled}
 * @param terminalAt when the task was completed or canceled; {@code null} for the other statuses
 */
public record TaskState(String assignmentStatus, Instant terminalAt) {
  /**
   * How long after completion media links may still be updated: two minutes, then the task is
   * deleted (Twilio, "Add Additional TaskRouter Data").
   */
  public static final Duration MEDIA_WINDOW = Duration.ofMinutes(2);

  private static final Set<String> OPEN = Set.of("pending", "reserved", "assigned", "wrapping");
  private static final Set<String> TERMINAL = Set.of("completed", "canceled");

  /**
   * Validates the status and that a completed or canceled task says when.
   *
   * @param assignmentStatus one of TaskRouter's six assignment statuses
   * @param terminalAt when the task was completed or canceled; {@code null} otherwise
   */
  public TaskState {
    Objects.requireNonNull(assignmentStatus, "assignmentStatus");
    if (TERMINAL.contains(assignmentStatus)) {
      if (terminalAt == null) {
        throw new InvalidMediaException("terminalAt", Rule.REQUIRED,
            "must be given for a " + assignmentStatus + " task");
      }
    } else if (OPEN.contains(assignmentStatus)) {
      if (terminalAt != null) {
        throw new InvalidMediaException("terminalAt", Rule.RANGE,
            "must be null for a " + assignmentStatus + " task");
      }
    } else {
      throw new InvalidMediaException("assignmentStatus", Rule.RANGE,
          "must be pending, reserved, assigned, wrapping, completed or canceled");
    }
  }

  /**
   * A task that is not completed or canceled yet.
   *
   * @param assignmentStatus {@code pending}, {@code reserved}, {@code assigned} or {@code wrapping}
   * @return the state
   */
  public static TaskState open(String assignmentStatus) {
    return new TaskState(assignmentStatus, null);
  }

  /**
   * A task completed at {@code at}.
   *
   * @param at when it was completed
   * @return the state
   */
  public static TaskState completed(Instant at) {
    return new TaskState("completed", Objects.requireNonNull(at, "at"));
  }

  /**
   * A task canceled at {@code at}.
   *
   * @param at when it was canceled
   * @return the state
   */
  public static TaskState canceled(Instant at) {
    return new TaskState("canceled", Objects.requireNonNull(at, "at"));
  }

  /**
   * Whether the task is completed or canceled, so Insights has taken its attributes.
   *
   * @return whether the task is completed or canceled
   */
  public boolean isTerminal() {
    return terminalAt != null;
  }
}
