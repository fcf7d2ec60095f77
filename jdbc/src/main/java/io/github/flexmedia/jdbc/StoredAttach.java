package io.github.flexmedia.jdbc;

import java.time.Instant;
import java.util.Objects;

/**
 * One attach as the {@link JdbcAttachStore} keeps it, for operators: no media (they may hold PHI).
 *
 * @param id the attach's id
 * @param workspaceSid the workspace
 * @param taskSid the task
 * @param status {@code PENDING}, {@code ATTACHED}, {@code UNCHANGED}, {@code EXPIRED} or {@code
 *     FAILED}
 * @param errorKind for {@code EXPIRED} and {@code FAILED}: the cause's type and HTTP status (for
 *     example {@code TaskRouterException 401}); else {@code null}
 * @param completedAt when the outcome was recorded; {@code null} while pending
 */
public record StoredAttach(
    String id,
    String workspaceSid,
    String taskSid,
    String status,
    String errorKind,
    Instant completedAt) {

  /**
   * Checks the required parts.
   *
   * @param id the id
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param status the status
   * @param errorKind the error kind, or {@code null}
   * @param completedAt the completion time, or {@code null}
   */
  public StoredAttach {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceSid, "workspaceSid");
    Objects.requireNonNull(taskSid, "taskSid");
    Objects.requireNonNull(status, "status");
  }
}
