package io.github.flexmedia.twilio.internal.events;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs refused webhook requests at most once per interval, with how many were refused since the
 * last line: a flood of forged requests must not fill the logs (each line would cost the attacker
 * nothing and the operator disk and attention). The first refusal is logged at once.
 */
public final class RefusalLog {
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  private final System.Logger log;
  private final Clock clock;
  private long unreported;
  private Instant next = Instant.MIN;

  public RefusalLog(System.Logger log, Clock clock) {
    this.log = log;
    this.clock = clock;
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
        return;
      }
      next = now.plus(INTERVAL);
      count = unreported;
      unreported = 0;
    }
    log.log(level, () -> "webhook refused: " + reason
        + (count > 1 ? " (" + count + " refused since the last report)" : ""));
  }
}
