package io.github.flexmedia.twilio;

import java.time.Duration;

/**
 * How {@link MediaAttacher} waits between attempts. The default sleeps the calling thread; tests
 * inject one that records the waits instead.
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
