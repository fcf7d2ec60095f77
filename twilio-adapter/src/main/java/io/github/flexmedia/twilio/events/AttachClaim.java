package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.internal.Sids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The attaches of one task that a {@link PendingAttachStore} handed to one worker, under a lease.
 *
 * @param id this claim's id, unique per claim: a store ends only the claim it handed out
 * @param workspaceSid the task's workspace
 * @param taskSid the task
 * @param attaches every pending attach of the task at the time of the claim, at least one
 * @param leaseUntil when the claim ends unless completed or released first
 * @param takenOver whether the task was claimed before and that claim's lease ran out (its owner
 *     crashed or hung): a metric worth watching
 */
public record AttachClaim(
    String id,
    String workspaceSid,
    String taskSid,
    List<PendingAttach> attaches,
    Instant leaseUntil,
    boolean takenOver) {

  /**
   * Checks every part, and that every attach is for this task.
   *
   * @param id the claim's id, not blank
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param attaches the attaches, at least one
   * @param leaseUntil the lease's end
   * @param takenOver whether an expired claim was taken over
   */
  public AttachClaim {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    Sids.require("workspaceSid", workspaceSid, "WS");
    Sids.require("taskSid", taskSid, "WT");
    attaches = List.copyOf(attaches);
    if (attaches.isEmpty()) {
      throw new IllegalArgumentException("attaches must not be empty");
    }
    for (PendingAttach a : attaches) {
      if (!a.taskSid().equals(taskSid) || !a.workspaceSid().equals(workspaceSid)) {
        throw new IllegalArgumentException("attaches must all be for the claimed task");
      }
    }
    Objects.requireNonNull(leaseUntil, "leaseUntil");
  }
}
