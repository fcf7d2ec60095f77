package io.github.flexmedia.twilio;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one task in {@link MediaAttacher#attachAll}: either an {@link AttachResult} or the
 * exception that ended its attach. One task's failure never stops the others.
 *
 * @param taskSid the task
 * @param result the result when it succeeded, else {@code null}
 * @param error the failure when it failed, else {@code null}
 */
public record TaskOutcome(String taskSid, AttachResult result, RuntimeException error) {

  /**
   * Exactly one of {@code result} and {@code error} is present.
   *
   * @param error the failure when the attach failed, else {@code null}
   * @param result the result when the attach succeeded, else {@code null}
   * @param taskSid the task: {@code WT} and 32 hex digits
   */
  public TaskOutcome {
    Objects.requireNonNull(taskSid, "taskSid");
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of result and error must be given");
    }
  }

  /**
   * Whether the attach succeeded.
   *
   * @return whether the attach succeeded
   */
  public boolean succeeded() {
    return result != null;
  }

  /**
   * The result, if it succeeded.
   *
   * @return the result, if it succeeded
   */
  public Optional<AttachResult> resultIfSucceeded() {
    return Optional.ofNullable(result);
  }
}
