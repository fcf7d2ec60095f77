package io.github.flexmedia.spring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code perWindow} lines per window; the lines left out are counted and the count is
 * told on the next line that is written, so a flood (a wrong token failing every attach) costs a
 * bounded number of lines and still says how many there were.
 */
final class LogLimiter {
  private final int perWindow;
  private final Duration window;
  private final Clock clock;
  private Instant windowStart;
  private int written;
  private long suppressed;

  LogLimiter(int perWindow, Duration window, Clock clock) {
    this.perWindow = perWindow;
    this.window = window;
    this.clock = clock;
    this.windowStart = clock.instant();
  }

  /**
   * Whether a line may be written now.
   *
   * @return -1 when it may not (it was counted); else the number of lines left out before it
   */
  synchronized long admit() {
    Instant now = clock.instant();
    if (!now.isBefore(windowStart.plus(window))) {
      windowStart = now;
      written = 0;
    }
    if (written >= perWindow) {
      suppressed++;
      return -1;
    }
    written++;
    long before = suppressed;
    suppressed = 0;
    return before;
  }
}
