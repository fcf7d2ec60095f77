package io.github.flexmedia.twilio.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

  /**
   * Parses {@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110). {@code null} when absent
   * or unreadable; a date in the past is zero.
   */
  public static Duration retryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit) && v.length() <= 9) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
