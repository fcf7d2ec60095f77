package io.github.flexmedia.spring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * At most {@code perWindow} lines per window; the lines left out are counted, and the count is
 * told on the next line that is written or, if none comes, when the window ends: a flood (a wrong
 * token failing every attach) costs a bounded number of lines and still says how many there were,
 * also when it stops.
 */
final class LogLimiter {
  /** Runs a task after a delay; the JDK's shared delayed executor by default (no thread of ours). */
  static final BiConsumer<Duration, Runnable> DELAYED = (delay, task) ->
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(task);

  private final int perWindow;
  private final Duration window;
  private final Clock clock;
  private final BiConsumer<Duration, Runnable> scheduler;
  private final LongConsumer leftOut;
  private Instant windowStart;
  private int written;
  private long suppressed;
  private boolean reportScheduled;

  /**
   * A limiter.
   *
   * @param leftOut told how many lines were left out when a window with left-out lines ends and
   *     no line has told it yet
   */
  LogLimiter(int perWindow, Duration window, Clock clock, BiConsumer<Duration, Runnable> scheduler,
      LongConsumer leftOut) {
    this.perWindow = perWindow;
    this.window = window;
    this.clock = clock;
    this.scheduler = scheduler;
    this.leftOut = leftOut;
    this.windowStart = clock.instant();
  }

  /**
   * Whether a line may be written now.
   *
   * @return -1 when it may not (it was counted); else the number of lines left out before it
   */
  long admit() {
    Duration untilWindowEnd;
    synchronized (this) {
      Instant now = clock.instant();
      if (!now.isBefore(windowStart.plus(window))) {
        windowStart = now;
        written = 0;
      }
      if (written < perWindow) {
        written++;
        long before = suppressed;
        suppressed = 0;
        return before;
      }
      suppressed++;
      if (reportScheduled) {
        return -1;
      }
      reportScheduled = true;
      untilWindowEnd = Duration.between(now, windowStart.plus(window));
    }
    scheduler.accept(untilWindowEnd, this::windowEnded);
    return -1;
  }

  private void windowEnded() {
    long count;
    synchronized (this) {
      reportScheduled = false;
      count = suppressed;
      suppressed = 0;
    }
    if (count > 0) {
      leftOut.accept(count);
    }
  }
}
