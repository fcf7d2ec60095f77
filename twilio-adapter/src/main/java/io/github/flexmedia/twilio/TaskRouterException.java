package io.github.flexmedia.twilio;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call failed: flex-media's one root for failed calls. Above all a TaskRouter call (the table
 * below), and with the same kinds a Flex token check that could not be made (the player's 503,
 * see {@link io.github.flexmedia.twilio.playback.FlexTokenValidator}) and an attach store's
 * database (flex-media-jdbc's {@code AttachStoreException}). Branch on {@link #kind()}; the
 * subclasses exist only for the cases callers catch on their own.
 *
 * <table>
 *   <caption>What failed, its kind and its type</caption>
 *   <tr><th>situation</th><th>{@link #kind()}</th><th>type</th><th>retried by {@link MediaAttacher}</th></tr>
 *   <tr><td>404</td><td>{@code NOT_FOUND}</td><td>{@link TaskNotFoundException}</td><td>no</td></tr>
 *   <tr><td>412</td><td>{@code CONFLICT}</td><td>{@link TaskConflictException}</td><td>yes: fetch, merge again</td></tr>
 *   <tr><td>429</td><td>{@code RATE_LIMITED}</td><td>{@link RateLimitedException}</td><td>yes, after the larger of {@code
 *       Retry-After} and the backoff; at once with this exception beyond {@code maxRetryAfter}</td></tr>
 *   <tr><td>401, 403</td><td>{@code AUTHENTICATION}</td><td>{@code TaskRouterException}</td><td>no</td></tr>
 *   <tr><td>5xx, no response (I/O)</td><td>{@code SERVER_ERROR}, {@code NO_RESPONSE}</td><td>{@code TaskRouterException}</td><td>yes, after {@code Retry-After} if a 503 sends one; never a create</td></tr>
 *   <tr><td>the thread was interrupted</td><td>{@code INTERRUPTED}</td><td>{@code TaskRouterException} ({@link #mayHaveWritten()})</td><td>no</td></tr>
 *   <tr><td>other 4xx</td><td>{@code REFUSED}</td><td>{@code TaskRouterException}</td><td>no</td></tr>
 *   <tr><td>over 4096 characters (not sent)</td><td>{@code TOO_LARGE}</td><td>{@code TaskRouterException}</td><td>no</td></tr>
 *   <tr><td>an attach deadline passed</td><td>{@code DEADLINE_PASSED}</td><td>{@code TaskRouterException}</td><td>no</td></tr>
 * </table>
 *
 * <p>The kind alone decides {@link #isRetryable()}: I/O failures, 5xx, 429 and 412 (after a fresh
 * read) are retryable; interrupts, other 4xx, this library's own refusals and local failures are
 * not. The two other roots are for what is not a failed call: bad input is a {@link
 * io.github.flexmedia.FlexMediaException} (from core), misconfiguration a {@link
 * ConfigurationException}.
 *
 * <p>Immutable. Messages never contain attributes, URLs or credentials.
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
    /** 5xx: TaskRouter failed (or the token service, or a store's database, failed the call); a
     * later try may succeed (a create is still never re-sent). */
    SERVER_ERROR(true),
    /** No response arrived: an I/O error or a timeout. */
    NO_RESPONSE(true),
    /** The calling thread was interrupted: a request to stop, not a failure to try again. */
    INTERRUPTED(false),
    /** This library refused to send a write without {@code If-Match} (see {@link
     * MediaAttacher.Builder#allowUnconditionalWrites()}). */
    POLICY(false),
    /** The attributes would exceed TaskRouter's 4096 characters, so nothing was sent; the same
     * merge would give the same size. */
    TOO_LARGE(false),
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
  /** Attempts made before giving up, or 0 for a single call. */
  private final int attempts;
  /** INTERRUPTED only: whether a write may have reached TaskRouter before the interrupt. */
  private final boolean mayHaveWritten;

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
    this.attempts = 0;
    this.mayHaveWritten = false;
  }

  private TaskRouterException(String message, boolean mayHaveWritten, Throwable cause) {
    super(message, cause);
    this.kind = Kind.INTERRUPTED;
    this.statusCode = 0;
    this.errorCode = 0;
    this.retryAfter = null;
    this.attempts = 0;
    this.mayHaveWritten = mayHaveWritten;
  }

  /**
   * The thread working on a call or an attach was interrupted (or its bulk attach was stopped), so
   * it ended without finishing: a failure of kind {@link Kind#INTERRUPTED}, not retryable, since
   * an interrupt is a request to stop. For a {@link TaskRouterClient} of your own, or a loop of
   * your own around one, that is interrupted while it waits.
   *
   * @param message what was interrupted, without attributes, URLs or credentials
   * @param mayHaveWritten whether an update or create may have reached TaskRouter before the
   *     interrupt
   * @param cause the underlying failure (an {@link InterruptedException}, say), or {@code null}
   * @return the exception to throw (the caller restores the thread's interrupt flag)
   */
  public static TaskRouterException interrupted(
      String message, boolean mayHaveWritten, Throwable cause) {
    return new TaskRouterException(message, mayHaveWritten, cause);
  }

  /**
   * The failure that ended a retry loop: {@code last} as it was, saying how many attempts were
   * made. Keeps its kind, status, code, {@code Retry-After}, cause and stack trace.
   */
  TaskRouterException(TaskRouterException last, int attempts) {
    super(last.rawMessage(), last.getCause());
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1 (was " + attempts + ")");
    }
    this.kind = last.kind;
    this.statusCode = last.statusCode;
    this.errorCode = last.errorCode;
    this.retryAfter = last.retryAfter;
    this.attempts = attempts;
    this.mayHaveWritten = last.mayHaveWritten;
    setStackTrace(last.getStackTrace());
    for (Throwable s : last.getSuppressed()) {
      addSuppressed(s);
    }
  }

  /**
   * {@code last}, as thrown by the loop that gave up after {@code attempts} attempts: a new
   * exception of the same type, kind, status, code, {@code Retry-After} and cause, whose {@link
   * #attempts()} is {@code attempts} and whose message ends with it. For retry loops of your own
   * around a {@link TaskRouterClient}; {@code last} is not changed (exceptions are immutable).
   *
   * @param last the failure of the last attempt
   * @param attempts how many attempts were made, at least 1
   * @return the exception to throw
   */
  public static TaskRouterException gaveUp(TaskRouterException last, int attempts) {
    Objects.requireNonNull(last, "last");
    if (last.attempts != 0) {
      return last; // already counted by an inner loop
    }
    if (last instanceof TaskNotFoundException) {
      return new TaskNotFoundException((TaskNotFoundException) last, attempts);
    } else if (last instanceof TaskConflictException) {
      return new TaskConflictException((TaskConflictException) last, attempts);
    } else if (last instanceof RateLimitedException) {
      return new RateLimitedException((RateLimitedException) last, attempts);
    }
    return new TaskRouterException(last, attempts);
  }

  private String rawMessage() {
    return super.getMessage();
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
   * For a failure of kind {@link Kind#INTERRUPTED}: whether an update or create may have reached
   * TaskRouter before the interrupt ({@code false} when the attach had not started, or was waiting
   * between attempts after failed ones). Always {@code false} for the other kinds, whose kind says
   * it already: no answer or a 5xx to a write may have written it; any other answer did not.
   *
   * @return whether a write may have happened before the interrupt
   */
  public boolean mayHaveWritten() {
    return mayHaveWritten;
  }

  /**
   * Whether trying the same call again later may succeed: {@link #kind()}{@code .retryable()}.
   *
   * @return whether trying the same call again later may succeed
   */
  public final boolean isRetryable() {
    return kind.retryable();
  }

  /** The message, ending with the attempt count when it is the failure a retry loop gave up on. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return attempts == 0 ? message
        : message + " (gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")";
  }
}
