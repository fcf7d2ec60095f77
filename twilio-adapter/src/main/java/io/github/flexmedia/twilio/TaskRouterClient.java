package io.github.flexmedia.twilio;

/**
 * The three TaskRouter operations flex-media needs: the injection point between {@link
 * MediaAttacher} and TaskRouter.
 *
 * <p>Use {@link TwilioTaskRouterClient} in production, {@code
 * io.github.flexmedia.twilio.testing.InMemoryTaskRouter} in tests, or your own implementation (for
 * a proxy, another HTTP stack, or extra logging). Implementations must be thread-safe and report
 * failures with the exceptions below (a {@link TaskRouterException} of the {@link
 * TaskRouterException.Kind} its HTTP status implies otherwise), so that the attacher can tell a
 * conflict from a rate limit.
 *
 * @see TaskNotFoundException
 * @see TaskConflictException
 * @see RateLimitedException
 * @see TaskRouterException
 */
public interface TaskRouterClient {

  /**
   * Reads a task with its ETag.
   *
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the task with its ETag
   * @throws TaskNotFoundException if there is no such task (never created, or deleted after it
   *     ended)
   * @throws TaskRouterException for any other failure
   */
  TaskSnapshot fetchTask(String workspaceSid, String taskSid);

  /**
   * Replaces a task's whole attributes document.
   *
   * @param attributesJson the complete new document (TaskRouter keeps nothing of the old one)
   * @param ifMatch the ETag the update is conditional on, passed verbatim; {@code null} for an
   *     unconditional update
   * @return the task after the update, with its new ETag
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @throws TaskConflictException if {@code ifMatch} no longer matches (HTTP 412)
   * @throws TaskRouterException for any other failure
   */
  TaskSnapshot updateTaskAttributes(
      String workspaceSid, String taskSid, String attributesJson, String ifMatch);

  /**
   * Creates a task routed by {@code workflowSid}.
   *
   * @param attributesJson the whole attributes document
   * @param workflowSid the workflow that routes the task: {@code WW} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the new task with its ETag
   * @throws TaskRouterException on failure
   */
  TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson);
}
