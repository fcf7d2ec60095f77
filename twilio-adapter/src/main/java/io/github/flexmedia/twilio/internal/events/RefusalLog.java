package io.github.flexmedia.twilio.internal.events;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Logs refused webhook requests at most once per interval, with how many were refused since the
 * last line: a flood of forged requests must not fill the logs (each line would cost the attacker
 * nothing and the operator disk and attention). The first refusal is logged at once; refusals
 * held back are told when the interval ends, even if no further refusal comes, so a flood that
 * stops is still counted.
 */
public final class RefusalLog {
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  /** The JDK's shared delayed executor: no thread of ours. */
  private static final BiConsumer<Duration, Runnable> DELAYED = (delay, task) ->
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(task);

  private final System.Logger log;
  private final Clock clock;
  private final BiConsumer<Duration, Runnable> scheduler;
  private long unreported;
  private Instant next = Instant.MIN;
  private boolean reportScheduled;
  private Level heldLevel;
  private String heldReason;

  public RefusalLog(System.Logger log, Clock clock) {
    this(log, clock, DELAYED);
  }

  /**
   * A log whose end-of-interval reports run through {@code scheduler}.
   *
   * @param scheduler runs a task after a delay
   */
  public RefusalLog(System.Logger log, Clock clock, BiConsumer<Duration, Runnable> scheduler) {
    this.log = log;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /**
   * Counts one refusal and logs it if the interval since the last line has passed.
   *
   * @param level the level of the line
   * @param reason why, without anything from the request
   */
  public void refused(Level level, String reason) {
    long count;
    synchronized (this) {
      unreported++;
      Instant now = clock.instant();
      if (now.isBefore(next)) {
        heldLevel = level;
        heldReason = reason;
        if (reportScheduled) {
          return;
        }
        reportScheduled = true;
        Duration untilNext = Duration.between(now, next);
        scheduler.accept(untilNext, this::intervalEnded);
        return;
      }
      next = now.plus(INTERVAL);
      count = unreported;
      unreported = 0;
    }
    write(level, reason, count);
  }

  private void intervalEnded() {
    long count;
    Level level;
    String reason;
    synchronized (this) {
      reportScheduled = false;
      count = unreported;
      level = heldLevel;
      reason = heldReason;
      if (count == 0) {
        return; // a refusal after the interval told them already
      }
      next = clock.instant().plus(INTERVAL);
      unreported = 0;
    }
    write(level, reason, count);
  }

  private void write(Level level, String reason, long count) {
    log.log(level, () -> "webhook refused: " + reason
        + (count > 1 ? " (" + count + " refused since the last report)" : ""));
  }
}
