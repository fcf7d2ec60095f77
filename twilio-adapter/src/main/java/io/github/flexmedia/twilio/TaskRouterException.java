package io.github.flexmedia.twilio;

import java.time.Duration;
import java.util.Optional;

/**
 * A TaskRouter call failed. The root of the adapter's exceptions; subclasses name the cases a
 * caller handles differently.
 *
 * <table>
 *   <caption>HTTP status to exception</caption>
 *   <tr><th>situation</th><th>exception</th><th>retried by {@link MediaAttacher}</th></tr>
 *   <tr><td>404</td><td>{@link TaskNotFoundException}</td><td>no</td></tr>
 *   <tr><td>412</td><td>{@link TaskConflictException}</td><td>yes: fetch, merge again</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException}</td><td>yes, after the larger of {@code
 *       Retry-After} and the backoff; at once with this exception beyond {@code maxRetryAfter}</td></tr>
 *   <tr><td>401, 403</td><td>{@link TaskRouterAuthenticationException}</td><td>no</td></tr>
 *   <tr><td>5xx, no response (I/O)</td><td>{@code TaskRouterException}, {@link #isRetryable()}</td><td>yes, after {@code Retry-After} if a 503 sends one; never a create</td></tr>
 *   <tr><td>the thread was interrupted</td><td>{@link AttachInterruptedException}</td><td>no</td></tr>
 *   <tr><td>other 4xx</td><td>{@code TaskRouterException}</td><td>no</td></tr>
 *   <tr><td>over 4096 characters (not sent)</td><td>{@link AttributesTooLargeException}</td><td>no</td></tr>
 * </table>
 *
 * <p>Messages never contain attributes, URLs or credentials.
 */
public class TaskRouterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, or 0. */
  private final int statusCode;
  /** Twilio's error code, or 0. */
  private final int errorCode;
  /** Attempts made before giving up, or 0. */
  private final int attempts;
  /** The server's Retry-After; null when it sent none. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what failed, without attributes, URLs or credentials
   * @param statusCode the HTTP status, or 0 when no response arrived
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param cause the underlying failure, or {@code null}
   */
  public TaskRouterException(String message, int statusCode, int errorCode, Throwable cause) {
    this(message, statusCode, errorCode, null, 0, cause);
  }

  /**
   * Creates the exception for an answer that carried {@code Retry-After} (a 503, for example).
   *
   * @param message what failed, without attributes, URLs or credentials
   * @param statusCode the HTTP status, or 0 when no response arrived
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when absent
   * @param cause the underlying failure, or {@code null}
   */
  public TaskRouterException(
      String message, int statusCode, int errorCode, Duration retryAfter, Throwable cause) {
    this(message, statusCode, errorCode, retryAfter, 0, cause);
  }

  /**
   * Creates the exception after {@code attempts} attempts; see the other constructor.
   *
   * @param attempts how many attempts were made
   * @param cause the underlying failure, or {@code null}
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param message an explanation for people, without URLs or titles
   * @param statusCode the HTTP status, or 0 when no response arrived
   */
  protected TaskRouterException(
      String message, int statusCode, int errorCode, int attempts, Throwable cause) {
    this(message, statusCode, errorCode, null, attempts, cause);
  }

  /**
   * Creates the exception after {@code attempts} attempts, with the server's {@code Retry-After}.
   *
   * @param message what failed, without attributes, URLs or credentials
   * @param statusCode the HTTP status, or 0 when no response arrived
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when absent
   * @param attempts how many attempts were made
   * @param cause the underlying failure, or {@code null}
   */
  protected TaskRouterException(String message, int statusCode, int errorCode,
      Duration retryAfter, int attempts, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.attempts = attempts;
    this.retryAfter = retryAfter;
  }

  /**
   * The HTTP status, or 0 when no response arrived (I/O failure, timeout) or none was sent.
   *
   * @return the HTTP status, or 0 when no response arrived (I/O failure, timeout) or none was sent
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Twilio's error code (e.g. {@code 20404}, {@code 20429}), or 0 when unknown.
   *
   * @return Twilio's error code, or 0
   */
  public int errorCode() {
    return errorCode;
  }

  /**
   * How many attempts {@link MediaAttacher} made before giving up; 0 for a single call.
   *
   * @return how many attempts {@link MediaAttacher} made before giving up
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The wait the server asked for in {@code Retry-After} (RFC 9110: seconds or an HTTP-date), if
   * it sent one; TaskRouter may send it with a 429 or a 503.
   *
   * @return the wait the server asked for, if any
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether trying the same call again later may succeed: 5xx and I/O failures.
   *
   * @return whether trying the same call again later may succeed
   */
  public boolean isRetryable() {
    return statusCode == 0 || statusCode >= 500;
  }

  /**
   * The same failure, reported after {@code attempts} attempts. Subclasses return their own type.
   *
   * @param attempts how many attempts were made
   * @return a new exception whose message ends with the count and whose cause is this one
   */
  public TaskRouterException afterAttempts(int attempts) {
    return new TaskRouterException(
        withAttempts(attempts), statusCode, errorCode, retryAfter, attempts, this);
  }

  /**
   * The message with the attempt count appended, for {@link #afterAttempts(int)}.
   *
   * @param attempts how many attempts were made
   * @return the message with the attempt count appended, for {@link #afterAttempts(int)}
   */
  protected final String withAttempts(int attempts) {
    return getMessage() + " (gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")";
  }
}
