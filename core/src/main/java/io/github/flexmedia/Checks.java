package io.github.flexmedia;

import io.github.flexmedia.InvalidMediaException.Rule;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The schema's rules, shared by the records' compact constructors, the builders and the reader.
 *
 * <p>Messages name the field and the rule and never echo the offending value when it could be a
 * URL or a title.
 */
final class Checks {
  /** A link must leave room for the rest of a 4096-character attributes document. */
  static final int MAX_URL_LENGTH = 2048;

  /** Below this a {@code start_time} is before March 1973: almost certainly seconds. */
  static final long MIN_PLAUSIBLE_MILLIS = 100_000_000_000L;

  /** 9999-12-31T23:59:59.999Z; anything later is microseconds or nanoseconds mistaken for ms. */
  static final long MAX_PLAUSIBLE_MILLIS = 253_402_300_799_999L;

  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{2}");

  private Checks() {}

  /** Parses a URL given as text, refusing anything that is not a well-formed web URL. */
  static URI parseUrl(String field, String url) {
    if (url == null) {
      throw new InvalidMediaException(field, Rule.REQUIRED, "is required");
    }
    if (url.isBlank()) {
      throw new InvalidMediaException(field, Rule.REQUIRED, "must not be blank");
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new InvalidMediaException(
            field, Rule.NO_WHITESPACE, "must not contain whitespace or control characters");
      }
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      // The exception's own message repeats the input: report only the position.
      throw new InvalidMediaException(
          field, Rule.URI_SYNTAX, "is not a valid URI (syntax error at index " + e.getIndex() + ")");
    }
  }

  /**
   * The structural rules every stored URL obeys: absolute, {@code http} or {@code https}, a host,
   * no user-info, at most {@value #MAX_URL_LENGTH} characters. Whether plain {@code http} is
   * acceptable is the {@link io.github.flexmedia.MediaPolicy}'s decision.
   */
  static URI url(String field, URI url) {
    if (url == null) {
      throw new InvalidMediaException(field, Rule.REQUIRED, "is required");
    }
    String scheme = url.getScheme();
    if (scheme == null) {
      throw new InvalidMediaException(
          field, Rule.ABSOLUTE, "must be an absolute URL with an https scheme (a relative URL was given)");
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("https") && !lower.equals("http")) {
      throw new InvalidMediaException(
          field,
          Rule.WEB_SCHEME,
          "must use https (scheme '" + safeScheme(lower) + "' is not allowed)");
    }
    if (url.isOpaque() || url.getRawAuthority() == null) {
      throw new InvalidMediaException(field, Rule.HOST, "must have a host");
    }
    if (url.getRawUserInfo() != null) {
      throw new InvalidMediaException(
          field, Rule.NO_USER_INFO, "must not carry user-info (credentials) before the host");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      // java.net.URI leaves the host null for IDN (non-ASCII) and percent-encoded host names.
      throw new InvalidMediaException(
          field, Rule.HOST, "must have a valid ASCII host name (write IDN hosts in punycode, xn--)");
    }
    if (url.getPort() > 65_535) {
      throw new InvalidMediaException(field, Rule.PORT, "must have a port between 0 and 65535");
    }
    int length = url.toString().length();
    if (length > MAX_URL_LENGTH) {
      throw new InvalidMediaException(
          field,
          Rule.MAX_LENGTH,
          "must be at most " + MAX_URL_LENGTH + " characters (was " + length + ")");
    }
    return url;
  }

  private static String safeScheme(String scheme) {
    return scheme.length() > 16 ? scheme.substring(0, 16) + "…" : scheme;
  }

  /** Required for Raw, Embedded and Referenced. */
  static String requiredTitle(String field, String title) {
    if (title == null) {
      throw new InvalidMediaException(field, Rule.REQUIRED, "is required");
    }
    return optionalTitle(field, title);
  }

  /** Optional (VoiceRecording), but when present it obeys the same rules. */
  static String optionalTitle(String field, String title) {
    if (title == null) {
      return null;
    }
    if (title.isBlank()) {
      throw new InvalidMediaException(field, Rule.NOT_BLANK, "must not be blank");
    }
    for (int i = 0; i < title.length(); i++) {
      if (Character.isISOControl(title.charAt(i))) {
        throw new InvalidMediaException(
            field, Rule.NO_CONTROL_CHARS, "must not contain control characters (index " + i + ")");
      }
    }
    int surrogate = Json.firstUnpairedSurrogate(title);
    if (surrogate >= 0) {
      throw new InvalidMediaException(
          field, Rule.VALID_UNICODE, "must be valid Unicode (unpaired surrogate at index " + surrogate + ")");
    }
    return title;
  }

  /** A Programmable Chat channel or Conversations SID: {@code CH} and 32 hex digits. */
  static String chatSid(String field, String sid) {
    return sid(field, sid, "CH");
  }

  /** A TaskRouter reservation SID: {@code WR} and 32 hex digits. */
  static String reservationSid(String field, String sid) {
    return sid(field, sid, "WR");
  }

  /** Whether {@code key} is shaped like a reservation SID. */
  static boolean isReservationSid(String key) {
    return isSid(key, "WR");
  }

  /** Whether {@code sid} is {@code prefix} followed by 32 hex digits. */
  static boolean isSid(String sid, String prefix) {
    return sid != null && sid.length() == 34 && sid.startsWith(prefix) && HEX32.matcher(sid).region(2, 34).matches();
  }

  /**
   * A SID: {@code prefix} and 32 hex digits. The message names the prefix expected and the one
   * found, never the value.
   */
  static String sid(String field, String sid, String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("prefix must be two upper-case letters");
    }
    if (sid == null) {
      throw new InvalidMediaException(field, Rule.REQUIRED, "is required (expected '" + prefix + "…')");
    }
    if (!isSid(sid, prefix)) {
      throw new InvalidMediaException(
          field,
          Rule.SID_FORMAT,
          "must be '" + prefix + "' followed by 32 hex digits (" + found(sid, prefix) + ")");
    }
    return sid;
  }

  /**
   * What a wrong SID looks like, without its value: its first two letters and its length. When
   * the prefix is right, the message says what else is wrong, so that it does not read as if the
   * expected and the found SID were the same.
   */
  private static String found(String sid, String prefix) {
    if (sid.length() < 2 || !PREFIX.matcher(sid.substring(0, 2)).matches()) {
      return "expected '" + prefix + "…', got " + (sid.isEmpty()
          ? "an empty string"
          : sid.length() + " characters not starting with two upper-case letters");
    }
    String head = "'" + sid.substring(0, 2) + "…'";
    if (!sid.startsWith(prefix)) {
      return "expected '" + prefix + "…', got " + head;
    }
    return sid.length() != 34
        ? "it starts with '" + prefix + "' but has " + sid.length() + " characters, not 34"
        : "it starts with '" + prefix + "' but has a character that is not a hex digit";
  }

  /** Flex wants epoch milliseconds; seconds and microseconds are the usual mistakes. */
  static Instant startTime(String field, Instant startTime) {
    if (startTime == null) {
      return null;
    }
    long millis;
    try {
      millis = startTime.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new InvalidMediaException(field, Rule.EPOCH_MILLIS, "is out of range for epoch milliseconds");
    }
    if (millis < 0) {
      throw new InvalidMediaException(field, Rule.NOT_NEGATIVE, "must not be negative (was " + millis + ")");
    }
    if (millis < MIN_PLAUSIBLE_MILLIS) {
      throw new InvalidMediaException(
          field,
          Rule.EPOCH_MILLIS,
          "must be epoch milliseconds; " + millis + " looks like seconds (multiply by 1000)");
    }
    if (millis > MAX_PLAUSIBLE_MILLIS) {
      throw new InvalidMediaException(
          field,
          Rule.EPOCH_MILLIS,
          "must be epoch milliseconds; " + millis + " is after year 9999 and looks like micro- or nanoseconds");
    }
    return Instant.ofEpochMilli(millis);
  }

  /** Copies a list, refusing a null list element with its index in the message. */
  static <T> List<T> noNulls(String field, List<T> list) {
    if (list == null) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new InvalidMediaException(field + "[" + i + "]", Rule.NOT_NULL, "must not be null");
      }
    }
    return List.copyOf(list);
  }
}
