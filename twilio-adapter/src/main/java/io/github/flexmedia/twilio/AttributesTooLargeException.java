package io.github.flexmedia.twilio;

import io.github.flexmedia.MediaAttributes;

/**
 * The attributes document would exceed TaskRouter's limit of {@value
 * MediaAttributes#MAX_TASK_ATTRIBUTES_LENGTH} characters, so it was not sent. The task is
 * unchanged. Not retried: the same merge would give the same size.
 */
public class AttributesTooLargeException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /** The refused document's length. */
  private final int length;

  /**
   * Creates the exception.
   *
   * @param taskSid the task the document was meant for
   * @param length the document's length in characters
   */
  public AttributesTooLargeException(String taskSid, int length) {
    super(Kind.POLICY,
        "attributes for task " + taskSid + " would be " + length + " characters; TaskRouter"
            + " accepts at most " + MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH
            + " (nothing was sent)",
        0, 0, null, null);
    this.length = length;
  }

  /**
   * The refused document's length in characters.
   *
   * @return the refused document's length in characters
   */
  public int length() {
    return length;
  }
}
