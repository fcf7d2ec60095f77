package io.github.flexmedia.twilio.events;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.internal.Sids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One attach waiting to be done: media for a task, and the moment after which writing it is
 * pointless because TaskRouter will have deleted the task.
 *
 * <p>A {@link PendingAttachStore} persists these; {@link MediaAttributes#toJson()} and {@link
 * MediaAttributes#fromTaskAttributes(String)} turn the media into text and back.
 *
 * @param id a unique id, for the store
 * @param workspaceSid the workspace ({@code WS...})
 * @param taskSid the task ({@code WT...})
 * @param media the media to merge into the task
 * @param deadline no write is started after this instant
 */
public record PendingAttach(
    String id, String workspaceSid, String taskSid, MediaAttributes media, Instant deadline) {

  /**
   * Checks every part.
   *
   * @param id a unique id, not blank
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param media the media
   * @param deadline no write is started after this instant
   */
  public PendingAttach {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    Sids.require("workspaceSid", workspaceSid, "WS");
    Sids.require("taskSid", taskSid, "WT");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(deadline, "deadline");
  }

  /**
   * A pending attach with a new random id.
   *
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param media the media
   * @param deadline no write is started after this instant
   * @return the pending attach
   */
  public static PendingAttach of(
      String workspaceSid, String taskSid, MediaAttributes media, Instant deadline) {
    return new PendingAttach(UUID.randomUUID().toString(), workspaceSid, taskSid, media, deadline);
  }

  /** Leaves the media out: their URLs and titles may hold PHI. */
  @Override
  public String toString() {
    return "PendingAttach[id=" + id + ", workspaceSid=" + workspaceSid + ", taskSid=" + taskSid
        + ", deadline=" + deadline + "]";
  }
}
