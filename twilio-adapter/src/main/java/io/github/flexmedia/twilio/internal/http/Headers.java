package io.github.flexmedia.twilio.internal.http;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.Header;

/** Header look-ups: case-insensitive, since twilio-java's header map is case-sensitive. */
public final class Headers {
  private Headers() {}

  /** The first value of {@code name} in {@code headers}, ignoring case; {@code null} if absent. */
  public static String get(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The first value of {@code name} among raw headers, ignoring case; {@code null} if absent. */
  public static String get(Header[] headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Header h : headers) {
      if (h.getName() != null && h.getName().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** A wait beyond any cap: what a {@code Retry-After} too large to represent stands for. */
  public static final Duration BEYOND_ANY_CAP = Duration.ofSeconds(Long.MAX_VALUE);

  private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("dd-MMM-")
      .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
      .appendPattern(" HH:mm:ss 'GMT'")
      .toFormatter(Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
      .toFormatter(Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  /**
   * Parses {@code Retry-After} as RFC 9110 section 10.2.3 defines it: delta-seconds, or an
   * HTTP-date in any of its three formats (IMF-fixdate, the obsolete RFC 850 form, asctime).
   * {@code null} when absent, negative or unreadable; a date in the past is zero; a number of
   * seconds too large for a {@code long} is {@link #BEYOND_ANY_CAP}, like any wait over a cap.
   */
  public static Duration retryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException tooLarge) {
        return BEYOND_ANY_CAP;
      }
    }
    Instant at = httpDate(v, clock);
    if (at == null) {
      return null;
    }
    Duration d = Duration.between(clock.instant(), at);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static Instant httpDate(String v, Clock clock) {
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException notImf) {
      // the obsolete forms below
    }
    int comma = v.indexOf(", ");
    // The weekday is checked by name only: with a two-digit year it cannot be checked against
    // the date before the century is known.
    if (comma > 0 && isWeekday(v.substring(0, comma))) {
      try {
        Instant at = RFC_850.parse(v.substring(comma + 2), Instant::from);
        // RFC 9110: a two-digit year more than 50 years ahead is the most recent past such year.
        ZonedDateTime z = at.atZone(ZoneOffset.UTC);
        return z.isAfter(clock.instant().atZone(ZoneOffset.UTC).plusYears(50))
            ? z.minusYears(100).toInstant() : at;
      } catch (DateTimeParseException notRfc850) {
        return null;
      }
    }
    try {
      return ASCTIME.parse(v, Instant::from);
    } catch (DateTimeParseException garbage) {
      return null;
    }
  }

  private static boolean isWeekday(String name) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
