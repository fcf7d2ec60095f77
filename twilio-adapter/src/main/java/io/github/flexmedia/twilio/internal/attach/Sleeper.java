package io.github.flexmedia.twilio.internal.attach;

import java.time.Duration;

/**
 * How an attacher waits between attempts. Production sleeps the calling thread; the tests inject
 * one that records the waits or advances a test clock (through {@link AttacherAccess#sleeper}).
 * Users shorten waits with a {@link io.github.flexmedia.twilio.RetryPolicy} instead.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps the calling thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
