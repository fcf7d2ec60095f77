package io.github.flexmedia.twilio;

import java.util.Objects;

/**
 * How one attach ended, whether it ran alone, in {@link MediaAttacher#attachAll} or in an {@link
 * io.github.flexmedia.twilio.events.AttachQueue}: either an {@link AttachResult} or the exception
 * that ended it. One task's failure never stops the others.
 *
 * @param workspaceSid the workspace
 * @param taskSid the task
 * @param status how it ended
 * @param result what the attacher did, for {@link Status#ATTACHED} and {@link Status#UNCHANGED};
 *     else {@code null}
 * @param cause why it did not attach, for {@link Status#EXPIRED} and {@link Status#FAILED}; else
 *     {@code null}
 */
public record AttachOutcome(
    String workspaceSid, String taskSid, Status status, AttachResult result, RuntimeException cause) {

  /** How an attach ended. */
  public enum Status {
    /** The media were written to the task. */
    ATTACHED,
    /** Every link was already on the task: nothing was written. */
    UNCHANGED,
    /**
     * Too late: the attach's deadline passed before a write could start, or the task is gone
     * (HTTP 404, deleted about two minutes after it ended). Nothing was written, and retrying
     * cannot help.
     */
    EXPIRED,
    /** The attach failed; see {@link AttachOutcome#cause()}. */
    FAILED
  }

  /**
   * Checks that a result comes with success and a cause with failure.
   *
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param status how it ended
   * @param result the attacher's result, or {@code null}
   * @param cause the failure, or {@code null}
   */
  public AttachOutcome {
    Objects.requireNonNull(workspaceSid, "workspaceSid");
    Objects.requireNonNull(taskSid, "taskSid");
    Objects.requireNonNull(status, "status");
    boolean succeeded = status == Status.ATTACHED || status == Status.UNCHANGED;
    if (succeeded != (result != null) || succeeded == (cause != null)) {
      throw new IllegalArgumentException(
          "ATTACHED and UNCHANGED carry a result and no cause; EXPIRED and FAILED a cause and no result");
    }
  }

  /**
   * The outcome of an attach that returned {@code result}: {@link Status#ATTACHED} when it wrote,
   * {@link Status#UNCHANGED} when every link was already there.
   *
   * @param result what the attacher returned
   * @return the outcome
   */
  public static AttachOutcome of(AttachResult result) {
    TaskSnapshot task = result.task();
    return new AttachOutcome(task.workspaceSid(), task.taskSid(),
        result.changed() ? Status.ATTACHED : Status.UNCHANGED, result, null);
  }

  /**
   * The outcome of an attach that threw {@code cause}: {@link Status#EXPIRED} when the task is
   * gone ({@link TaskRouterException.Kind#NOT_FOUND}) or the deadline passed ({@link
   * TaskRouterException.Kind#DEADLINE_PASSED}), {@link Status#FAILED} otherwise.
   *
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param cause what the attacher threw
   * @return the outcome
   */
  public static AttachOutcome failed(String workspaceSid, String taskSid, RuntimeException cause) {
    boolean late = cause instanceof TaskRouterException
        && (((TaskRouterException) cause).kind() == TaskRouterException.Kind.NOT_FOUND
            || ((TaskRouterException) cause).kind() == TaskRouterException.Kind.DEADLINE_PASSED);
    return new AttachOutcome(workspaceSid, taskSid, late ? Status.EXPIRED : Status.FAILED, null,
        cause);
  }

  /**
   * Whether the media are on the task now ({@link Status#ATTACHED} or {@link Status#UNCHANGED}).
   *
   * @return whether the media are on the task
   */
  public boolean succeeded() {
    return result != null;
  }
}
