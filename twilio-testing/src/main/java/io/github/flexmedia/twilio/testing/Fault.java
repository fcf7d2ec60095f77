package io.github.flexmedia.twilio.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure a test double answers with. By default the call is not carried out; {@link
 * #afterWrite()} gives the same answer after the call took effect, which is what makes a 5xx or a
 * lost answer to a write ambiguous in production ("did it happen?").
 *
 * <pre>{@code
 * router.failNext(Operation.UPDATE, 2, Fault.rateLimited(Duration.ofSeconds(1)));
 * router.failNext(3, Fault.unavailable());
 * router.failNext(Operation.CREATE, 1, Fault.serverError(500).afterWrite()); // created, then 500
 * }</pre>
 */
public final class Fault {
  /** What kind of failure a fault is. */
  public enum Kind {
    /** HTTP 412. */
    CONFLICT,
    /** HTTP 429. */
    RATE_LIMITED,
    /** Any 5xx. */
    SERVER_ERROR,
    /** HTTP 404. */
    NOT_FOUND,
    /** HTTP 401. */
    UNAUTHORIZED,
    /** No answer: the connection is dropped. */
    TIMEOUT
  }

  private final Kind kind;
  private final int status; // 0: no response at all
  private final int errorCode;
  private final Duration retryAfter;
  private final boolean afterWrite;

  private Fault(Kind kind, int status, int errorCode, Duration retryAfter, boolean afterWrite) {
    this.kind = kind;
    this.status = status;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
    this.afterWrite = afterWrite;
  }

  /**
   * HTTP 412 (Twilio error 20412, "Precondition Failed" in Twilio's error dictionary): the task
   * changed since it was read, so its {@code If-Match} did not match.
   *
   * @return the fault
   */
  public static Fault conflict() {
    return new Fault(Kind.CONFLICT, 412, 20412, null, false);
  }

  /**
   * HTTP 429 without {@code Retry-After} (Twilio error 20429). Twilio documents 429 with 20429
   * for TaskRouter's per-endpoint limits and does not promise a {@code Retry-After} ("TaskRouter
   * API rate limits"; error 20429 "Too Many Requests"), so a client must cope without one.
   *
   * @return the fault
   */
  public static Fault rateLimited() {
    return new Fault(Kind.RATE_LIMITED, 429, 20429, null, false);
  }

  /**
   * HTTP 429 with {@code Retry-After} in whole seconds (Twilio error 20429).
   *
   * @param retryAfter the wait to send in {@code Retry-After}
   * @return the fault
   */
  public static Fault rateLimited(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new Fault(Kind.RATE_LIMITED, 429, 20429, retryAfter, false);
  }

  /**
   * HTTP 503 Service Unavailable.
   *
   * @return the fault
   */
  public static Fault unavailable() {
    return serverError(503);
  }

  /**
   * HTTP 503 Service Unavailable with {@code Retry-After} in whole seconds.
   *
   * @param retryAfter the wait to send in {@code Retry-After}
   * @return the fault
   */
  public static Fault unavailable(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new Fault(Kind.SERVER_ERROR, 503, 20500, retryAfter, false);
  }

  /**
   * Any 5xx.
   *
   * @param status the HTTP status, 500 to 599
   * @return the fault
   */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("a server error is 5xx (was " + status + ")");
    }
    return new Fault(Kind.SERVER_ERROR, status, 20500, null, false);
  }

  /**
   * HTTP 404 (Twilio error 20404), as for a task deleted after it ended.
   *
   * @return the fault
   */
  public static Fault notFound() {
    return new Fault(Kind.NOT_FOUND, 404, 20404, null, false);
  }

  /**
   * HTTP 401 (Twilio error 20003), answered with the message {@code Authenticate}, as Twilio's
   * error dictionary names 20003.
   *
   * @return the fault
   */
  public static Fault unauthorized() {
    return new Fault(Kind.UNAUTHORIZED, 401, 20003, null, false);
  }

  /**
   * No response: the connection is dropped (the in-memory double throws an I/O failure).
   *
   * @return the fault
   */
  public static Fault timeout() {
    return new Fault(Kind.TIMEOUT, 0, 0, null, false);
  }

  /**
   * The same answer, given after the call took effect: the update or create is applied (a fetch
   * is simply done), then the client sees this failure. Models a 5xx or a lost answer whose write
   * landed anyway. Queued, it fires on the first call of its operation that gets as far as the
   * write; a call refused before that (412, 404, 400) leaves it queued.
   *
   * @return a fault that fires after the write
   * @throws IllegalStateException for a 412, 429, 404 or 401, which TaskRouter only answers to
   *     calls it did not carry out
   */
  public Fault afterWrite() {
    if (kind != Kind.SERVER_ERROR && kind != Kind.TIMEOUT) {
      throw new IllegalStateException(
          "only a server error or a timeout can come after the write (was " + kind + ")");
    }
    return new Fault(kind, status, errorCode, retryAfter, true);
  }

  /**
   * What kind of failure this is.
   *
   * @return what kind of failure this is
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP status, or 0 for {@link #timeout()}.
   *
   * @return the HTTP status, or 0 for {@link #timeout()}
   */
  public int status() {
    return status;
  }

  /**
   * The Twilio error code sent in the error body, or 0.
   *
   * @return the Twilio error code sent in the error body, or 0
   */
  public int errorCode() {
    return errorCode;
  }

  /**
   * The {@code Retry-After} sent with a 429 or 503, if any.
   *
   * @return the {@code Retry-After} sent with a 429 or 503, if any
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether the call is carried out before this failure is answered.
   *
   * @return whether the call is carried out before this failure is answered
   */
  public boolean isAfterWrite() {
    return afterWrite;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault f && f.kind == kind && f.status == status && f.errorCode == errorCode
        && Objects.equals(f.retryAfter, retryAfter) && f.afterWrite == afterWrite;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, errorCode, retryAfter, afterWrite);
  }

  @Override
  public String toString() {
    return "Fault[" + kind + (status != 0 ? " " + status : "")
        + (retryAfter != null ? ", Retry-After " + retryAfter.toSeconds() + "s" : "")
        + (afterWrite ? ", after the write" : "") + "]";
  }
}
