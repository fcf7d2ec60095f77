package io.github.flexmedia.twilio;

import java.time.Duration;
import java.util.Optional;

/**
 * TaskRouter refused the call for now (HTTP 429, Twilio error 20429). A 429 is never processed, so
 * the same call is always safe to repeat; {@link MediaAttacher} waits {@link #retryAfter()} when
 * the server sent it, and backs off exponentially with jitter otherwise.
 */
public class RateLimitedException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /** The server's Retry-After; null when it sent none. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param retryAfter the server's {@code Retry-After}, or {@code null} when absent
   * @param cause the underlying failure, or {@code null}
   * @param errorCode Twilio's error code (e.g. 20404), or 0 when unknown
   * @param message an explanation for people, without URLs or titles
   */
  public RateLimitedException(String message, int errorCode, Duration retryAfter, Throwable cause) {
    this(message, errorCode, retryAfter, 0, cause);
  }

  private RateLimitedException(
      String message, int errorCode, Duration retryAfter, int attempts, Throwable cause) {
    super(message, 429, errorCode, attempts, cause);
    this.retryAfter = retryAfter;
  }

  /**
   * The wait the server asked for in {@code Retry-After}, if it sent one.
   *
   * @return the wait the server asked for in {@code Retry-After}, if it sent one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }

  @Override
  public RateLimitedException afterAttempts(int attempts) {
    return new RateLimitedException(withAttempts(attempts), errorCode(), retryAfter, attempts, this);
  }
}
