package io.github.flexmedia.twilio.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure a test double answers with instead of doing the call. The call is not carried out.
 *
 * <pre>{@code
 * router.failNext(Operation.UPDATE, 2, Fault.rateLimited(Duration.ofSeconds(1)));
 * router.failNext(3, Fault.unavailable());
 * }</pre>
 */
public final class Fault {
  private final int status; // 0: no response at all
  private final int errorCode;
  private final Duration retryAfter;
  private final String description;

  private Fault(int status, int errorCode, Duration retryAfter, String description) {
    this.status = status;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
    this.description = description;
  }

  /**
   * HTTP 412: the task changed since it was read.
   *
   * @return the fault
   */
  public static Fault conflict() {
    return new Fault(412, 20010, null, "412 conflict");
  }

  /**
   * HTTP 429 without {@code Retry-After} (Twilio error 20429).
   *
   * @return the fault
   */
  public static Fault rateLimited() {
    return new Fault(429, 20429, null, "429 rate limited");
  }

  /**
   * HTTP 429 with {@code Retry-After} in whole seconds (Twilio error 20429).
   *
   * @param retryAfter the wait to send in {@code Retry-After}
   * @return the fault
   */
  public static Fault rateLimited(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new Fault(429, 20429, retryAfter, "429 rate limited, Retry-After " + retryAfter.toSeconds() + "s");
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
   * Any 5xx.
   *
   * @param status the HTTP status of the last response, or 0 when none arrived
   * @return the fault
   */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("a server error is 5xx (was " + status + ")");
    }
    return new Fault(status, 20500, null, status + " server error");
  }

  /**
   * HTTP 404 (Twilio error 20404), as for a task deleted after it ended.
   *
   * @return the fault
   */
  public static Fault notFound() {
    return new Fault(404, 20404, null, "404 not found");
  }

  /**
   * HTTP 401 (Twilio error 20003).
   *
   * @return the fault
   */
  public static Fault unauthorized() {
    return new Fault(401, 20003, null, "401 unauthorized");
  }

  /**
   * No response: the connection is dropped (the in-memory double throws an I/O failure).
   *
   * @return the fault
   */
  public static Fault timeout() {
    return new Fault(0, 0, null, "no response (timeout)");
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
   * The {@code Retry-After} sent with a 429, if any.
   *
   * @return the {@code Retry-After} sent with a 429, if any
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public String toString() {
    return "Fault[" + description + "]";
  }
}
