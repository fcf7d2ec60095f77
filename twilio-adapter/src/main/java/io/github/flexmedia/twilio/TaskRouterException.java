package io.github.flexmedia.twilio;

import java.time.Duration;
import java.util.Objects;
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
 * <p>Every exception has one {@link Kind}, and the kind alone decides {@link #isRetryable()}: I/O
 * failures, 5xx, 429 and 412 (after a fresh read) are retryable; interrupts, other 4xx, this
 * library's own policy refusals and local failures are not. {@link #attempts()} is set once, by
 * {@link #afterAttempts(int)}, by whoever gives up.
 *
 * <p>Messages never contain attributes, URLs or credentials.
 */
public class TaskRouterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, and so whether trying again may help. */
  public enum Kind {
    /** 404: the task (or workspace, workflow) does not exist. */
    NOT_FOUND(false),
    /** 412: the task changed since it was read; retryable after a fresh read and merge. */
    CONFLICT(true),
    /** 429: TaskRouter asks the caller to slow down. */
    RATE_LIMITED(true),
    /** 401 or 403: the credentials were refused or lack the permission. */
    AUTHENTICATION(false),
    /** Any other 4xx: TaskRouter refused the request as it was. */
    REFUSED(false),
    /** 5xx: TaskRouter failed; a later try may succeed (a create is still never re-sent). */
    SERVER_ERROR(true),
    /** No response arrived: an I/O error or a timeout. */
    NO_RESPONSE(true),
    /** The calling thread was interrupted: a request to stop, not a failure to try again. */
    INTERRUPTED(false),
    /** This library refused to send the request (too large, or a write without If-Match). */
    POLICY(false),
    /** A deadline the caller set passed before the next call could start. */
    DEADLINE_PASSED(false),
    /** The call failed in this process without an answer from TaskRouter (twilio-java refused
     * it, an executor refused the job, an {@code Error} escaped). */
    LOCAL_FAILURE(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    /**
     * Whether trying the same call again later may succeed.
     *
     * @return whether trying the same call again later may succeed
     */
    public boolean retryable() {
      return retryable;
    }

    /**
     * The kind of a failed HTTP answer, or of none.
     *
     * @param statusCode the HTTP status, or 0 when no response arrived
     * @return the kind for that status
     */
    public static Kind forStatus(int statusCode) {
      if (statusCode == 0) {
        return NO_RESPONSE;
      } else if (statusCode == 404) {
        return NOT_FOUND;
      } else if (statusCode == 412) {
        return CONFLICT;
      } else if (statusCode == 429) {
        return RATE_LIMITED;
      } else if (statusCode == 401 || statusCode == 403) {
        return AUTHENTICATION;
      }
      return statusCode >= 500 ? SERVER_ERROR : REFUSED;
    }
  }

  /** What went wrong. */
  private final Kind kind;
  /** The HTTP status, or 0. */
  private final int statusCode;
  /** Twilio's error code, or 0. */
  private final int errorCode;
  /** The server's Retry-After; null when it sent none. */
  private final Duration retryAfter;
  /** Attempts made before giving up, or 0; set once, by afterAttempts, before the throw. */
  private int attempts;

  /**
   * Creates the exception, of the kind its status implies ({@link Kind#forStatus(int)}).
   *
   * @param message what failed, without attributes, URLs or credentials
   * @param statusCode the HTTP status, or 0 when no response arrived
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param cause the underlying failure, or {@code null}
   */
  public TaskRouterException(String message, int statusCode, int errorCode, Throwable cause) {
    this(Kind.forStatus(statusCode), message, statusCode, errorCode, null, cause);
  }

  /**
   * Creates the exception for an answer that carried {@code Retry-After} (a 503, for example), of
   * the kind its status implies.
   *
   * @param message what failed, without attributes, URLs or credentials
   * @param statusCode the HTTP status, or 0 when no response arrived
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when absent
   * @param cause the underlying failure, or {@code null}
   */
  public TaskRouterException(
      String message, int statusCode, int errorCode, Duration retryAfter, Throwable cause) {
    this(Kind.forStatus(statusCode), message, statusCode, errorCode, retryAfter, cause);
  }

  /**
   * Creates the exception of the given kind.
   *
   * @param kind what went wrong; decides {@link #isRetryable()}
   * @param message what failed, without attributes, URLs or credentials
   * @param statusCode the HTTP status, or 0 when no response arrived
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when absent
   * @param cause the underlying failure, or {@code null}
   */
  public TaskRouterException(Kind kind, String message, int statusCode, int errorCode,
      Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  /**
   * What went wrong.
   *
   * @return what went wrong
   */
  public final Kind kind() {
    return kind;
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
   * Whether trying the same call again later may succeed: {@link #kind()}{@code .retryable()}.
   *
   * @return whether trying the same call again later may succeed
   */
  public final boolean isRetryable() {
    return kind.retryable();
  }

  /**
   * Records that the caller gave up after {@code attempts} attempts: {@link #attempts()} returns
   * it and the message ends with it. Set once; a later call changes nothing.
   *
   * @param attempts how many attempts were made, at least 1
   * @return this exception, for {@code throw e.afterAttempts(n)}
   */
  public final TaskRouterException afterAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1 (was " + attempts + ")");
    }
    if (this.attempts == 0) {
      this.attempts = attempts;
    }
    return this;
  }

  /** The message, ending with the attempt count once {@link #afterAttempts(int)} set one. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return attempts == 0 ? message
        : message + " (gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")";
  }
}
