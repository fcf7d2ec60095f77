package io.github.flexmedia.twilio;

import java.time.Duration;

/**
 * TaskRouter refused the call for now (HTTP 429, Twilio error 20429). A 429 is never processed, so
 * the same call is always safe to repeat. {@link MediaAttacher} waits the longer of {@link
 * #retryAfter()} and its jittered backoff; a {@code Retry-After} over {@code maxRetryAfter} ends
 * the attach at once with this exception, whose {@link #retryAfter()} carries the value.
 */
public class RateLimitedException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when absent
   * @param cause the underlying failure, or {@code null}
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param message an explanation for people, without URLs or titles
   */
  public RateLimitedException(String message, int errorCode, Duration retryAfter, Throwable cause) {
    super(Kind.RATE_LIMITED, message, 429, errorCode, retryAfter, cause);
  }

  /** {@code last} after {@code attempts} attempts; see {@link #gaveUp}. */
  RateLimitedException(RateLimitedException last, int attempts) {
    super(last, attempts);
  }
}
