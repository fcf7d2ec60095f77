package io.github.flexmedia.twilio;

import java.util.Objects;

/**
 * A task as TaskRouter returned it at one moment.
 *
 * @param workspaceSid the workspace ({@code WS...})
 * @param taskSid the task ({@code WT...})
 * @param attributesJson the whole attributes document, as TaskRouter stores it
 * @param etag the task's version, verbatim (quotes included) for {@code If-Match}; {@code null}
 *     when the server sent none, which makes the next update unconditional
 * @param assignmentStatus {@code pending}, {@code reserved}, {@code assigned}, {@code wrapping},
 *     {@code completed} or {@code canceled}; {@code null} if unknown
 * @param taskChannel the task channel's unique name (e.g. {@code voice}); {@code null} if unknown
 */
public record TaskSnapshot(
    String workspaceSid,
    String taskSid,
    String attributesJson,
    String etag,
    String assignmentStatus,
    String taskChannel) {

  /**
   * Requires the SIDs; an absent attributes document is the empty object.
   *
   * @param assignmentStatus {@code pending}, {@code reserved}, {@code assigned}, {@code wrapping}, {@code completed} or {@code canceled}
   * @param attributesJson the whole attributes document
   * @param etag the task's version, verbatim, or {@code null}
   * @param taskChannel the task channel's unique name, e.g. {@code voice}
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   */
  public TaskSnapshot {
    Objects.requireNonNull(workspaceSid, "workspaceSid");
    Objects.requireNonNull(taskSid, "taskSid");
    if (attributesJson == null || attributesJson.isBlank()) {
      attributesJson = "{}";
    }
  }

  /** Leaves the attributes out: they may hold PHI. */
  @Override
  public String toString() {
    return "TaskSnapshot[workspaceSid=" + workspaceSid + ", taskSid=" + taskSid + ", etag=" + etag
        + ", assignmentStatus=" + assignmentStatus + ", taskChannel=" + taskChannel
        + ", attributes=" + attributesJson.length() + " chars]";
  }
}
