package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When an attach must stop starting calls, passed explicitly down the attach path (loop, creator,
 * coalescer) instead of through a thread-local or a wrapped sleeper, so that it holds whatever
 * {@link Sleeper} or client the attacher was built with.
 */
public final class Deadline {
  /** No deadline: only the retry policy bounds the attach. */
  public static final Deadline NONE = new Deadline(null, Clock.systemUTC(), List.of());

  private final Instant until;
  private final Clock clock;
  /** For a deadline made of several: each must hold. Empty otherwise. */
  private final List<Deadline> all;

  private Deadline(Instant until, Clock clock, List<Deadline> all) {
    this.until = until;
    this.clock = clock;
    this.all = all;
  }

  /**
   * A deadline at {@code until}, read on {@code clock}.
   *
   * @param until no call starts at or after this instant
   * @param clock the clock it is checked against
   * @return the deadline
   */
  public static Deadline at(Instant until, Clock clock) {
    return new Deadline(Objects.requireNonNull(until, "until"), Objects.requireNonNull(clock, "clock"),
        List.of());
  }

  /**
   * The deadline of a write done for several callers (a coalesced batch): it passes when any of
   * theirs does, so that no caller's media are written after its own deadline, whoever leads.
   *
   * @param deadlines each caller's deadline
   * @return one deadline that holds them all
   */
  public static Deadline allOf(List<Deadline> deadlines) {
    List<Deadline> real = new ArrayList<>();
    for (Deadline d : deadlines) {
      if (d.all.isEmpty() && d.until == null) {
        continue; // NONE
      }
      real.add(d);
    }
    return real.isEmpty() ? NONE : real.size() == 1 ? real.get(0)
        : new Deadline(null, null, List.copyOf(real));
  }

  /**
   * Whether the deadline has passed.
   *
   * @return whether it has passed ({@code false} for {@link #NONE})
   */
  public boolean passed() {
    return endsWithin(Duration.ZERO);
  }

  /** Whether the deadline is reached at or before {@code wait} from now. */
  private boolean endsWithin(Duration wait) {
    for (Deadline d : all) {
      if (d.endsWithin(wait)) {
        return true;
      }
    }
    return until != null && !clock.instant().plus(wait).isBefore(until);
  }

  /** Throws unless a call to {@code taskSid} may still start. */
  void checkBeforeCall(String taskSid) {
    if (passed()) {
      throw passedException(
          "task " + taskSid + ": the attach deadline passed before the next call could start");
    }
  }

  /**
   * Throws when a wait of {@code wait} would end at or past the deadline: a {@code Retry-After}
   * of 30 s must not hold a caller whose budget is 2 s, only for the next call to be refused.
   */
  void checkBeforeWait(String taskSid, Duration wait) {
    if (endsWithin(wait)) {
      throw passedException("task " + taskSid
          + ": the attach deadline would pass during the wait before the next retry");
    }
  }

  /**
   * The exception for a deadline that passed.
   *
   * @param message what was stopped, without attributes, URLs or credentials
   * @return an exception of kind {@link TaskRouterException.Kind#DEADLINE_PASSED}
   */
  public static TaskRouterException passedException(String message) {
    return new TaskRouterException(
        TaskRouterException.Kind.DEADLINE_PASSED, message, 0, 0, null, null);
  }
}
