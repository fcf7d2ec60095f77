package io.github.flexmedia.twilio.internal.events;

import io.github.flexmedia.Sid;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads webhook parameters. Every failure names the parameter and the rule, never the value: a
 * value may be forged, huge, or hold PHI.
 */
public final class Params {
  private static final System.Logger LOG = System.getLogger(Params.class.getName());
  /** At or above this, an epoch number is milliseconds: 10^11 seconds is the year 5138. */
  private static final BigDecimal MILLIS_FROM = BigDecimal.valueOf(100_000_000_000L);
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");

  private Params() {}

  public static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("parameter " + name + " is required");
    }
    return v;
  }

  public static String optional(Map<String, String> params, String name) {
    String v = params.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  public static String sid(String name, String value, String prefix) {
    if (value == null) {
      return null;
    }
    if (!Sid.isValid(value, prefix)) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be '" + prefix + "' followed by 32 hex digits");
    }
    return value;
  }

  public static int positiveInt(String name, String value, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, without the value
    }
    throw new IllegalArgumentException(
        "parameter " + name + " must be a whole number from 0 to " + max);
  }

  /** RFC 2822 dates, as Twilio writes them: {@code Wed, 05 Aug 2020 19:47:04 +0000}. */
  public static Instant rfc2822(String name, String value) {
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be an RFC 2822 date such as 'Wed, 05 Aug 2020 19:47:04 +0000'");
    }
  }

  /**
   * Reads an optional value tolerantly: a value {@code read} refuses is reported at FINE (the
   * parameter's name and the rule, never the value) and read as absent.
   */
  public static <T> T tolerant(String name, String value, java.util.function.Function<String, T> read) {
    if (value == null) {
      return null;
    }
    try {
      return read.apply(value);
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "ignored: " + e.getMessage());
      return null;
    }
  }

  /**
   * Seconds or milliseconds since the epoch, with an optional fraction: TaskRouter documents
   * seconds, and some senders write milliseconds; a value of 10^11 or more is milliseconds.
   */
  public static Instant epochSeconds(String name, String value) {
    String v = value.trim();
    if (!SECONDS.matcher(v).matches() && !v.matches("[0-9]{13,15}")) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be seconds or milliseconds since the epoch");
    }
    BigDecimal seconds = new BigDecimal(v);
    if (seconds.compareTo(MILLIS_FROM) >= 0) {
      seconds = seconds.movePointLeft(3);
    }
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  /** ISO 8601 with an offset, as Event Streams writes them: {@code 2025-01-01T00:00:00.000Z}. */
  public static Instant iso(String name, String value) {
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO 8601 date-time with an offset, such as '2025-01-01T00:00:00.000Z'");
    }
  }
}
