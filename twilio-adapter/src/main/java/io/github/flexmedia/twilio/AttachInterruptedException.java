package io.github.flexmedia.twilio;

/**
 * The thread working on an attach was interrupted (or its bulk attach was stopped), so the attach
 * ended without finishing. Not retryable: an interrupt is a request to stop, not a failure to try
 * again. {@link #mayHaveWritten()} says whether a write may have reached TaskRouter.
 */
public class AttachInterruptedException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /** Whether an update or create may have been sent before the interrupt. */
  private final boolean mayHaveWritten;

  /**
   * Creates the exception.
   *
   * @param message what was interrupted, without attributes, URLs or credentials
   * @param mayHaveWritten whether a write may have reached TaskRouter before the interrupt
   * @param cause the underlying failure, or {@code null}
   */
  public AttachInterruptedException(String message, boolean mayHaveWritten, Throwable cause) {
    super(Kind.INTERRUPTED, message, 0, 0, null, cause);
    this.mayHaveWritten = mayHaveWritten;
  }

  /**
   * Whether an update or create may have reached TaskRouter before the interrupt; {@code false}
   * when the attach had not started or was waiting between attempts after failed ones.
   *
   * @return whether a write may have happened
   */
  public boolean mayHaveWritten() {
    return mayHaveWritten;
  }

  /** {@code last} after {@code attempts} attempts; see {@link #gaveUp}. */
  AttachInterruptedException(AttachInterruptedException last, int attempts) {
    super(last, attempts);
    this.mayHaveWritten = last.mayHaveWritten;
  }
}
