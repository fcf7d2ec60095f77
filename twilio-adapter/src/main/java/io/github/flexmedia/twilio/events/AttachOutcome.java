package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.AttachResult;
import java.util.Objects;

/**
 * How one {@link PendingAttach} ended, as reported to an {@link AttachListener}.
 *
 * @param attach what was to be done
 * @param status how it ended
 * @param result what the attacher did, for {@link Status#ATTACHED} and {@link Status#UNCHANGED};
 *     else {@code null}
 * @param cause why it did not attach, for {@link Status#EXPIRED} and {@link Status#FAILED}; else
 *     {@code null}
 */
public record AttachOutcome(
    PendingAttach attach, Status status, AttachResult result, RuntimeException cause) {

  /** How an attach ended. */
  public enum Status {
    /** The media were written to the task. */
    ATTACHED,
    /** Every link was already on the task: nothing was written. */
    UNCHANGED,
    /**
     * Too late: the deadline passed before a write could start, or the task is gone (HTTP 404,
     * deleted about two minutes after it ended). Nothing was written, and retrying cannot help.
     */
    EXPIRED,
    /** The attach failed; see {@link AttachOutcome#cause()}. Nothing was written. */
    FAILED
  }

  /**
   * Checks that a result comes with success and a cause with failure.
   *
   * @param attach what was to be done
   * @param status how it ended
   * @param result the attacher's result, or {@code null}
   * @param cause the failure, or {@code null}
   */
  public AttachOutcome {
    Objects.requireNonNull(attach, "attach");
    Objects.requireNonNull(status, "status");
    boolean succeeded = status == Status.ATTACHED || status == Status.UNCHANGED;
    if (succeeded != (result != null) || succeeded == (cause != null)) {
      throw new IllegalArgumentException(
          "ATTACHED and UNCHANGED carry a result and no cause; EXPIRED and FAILED a cause and no result");
    }
  }

  /**
   * Whether the media are on the task now ({@link Status#ATTACHED} or {@link Status#UNCHANGED}).
   *
   * @return whether the media are on the task
   */
  public boolean landed() {
    return result != null;
  }
}
