package io.github.flexmedia.twilio.internal;

import java.util.regex.Pattern;

/** Checks the shape of the SIDs the adapter sends, before anything goes over the network. */
public final class Sids {
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  private Sids() {}

  /**
   * Returns {@code sid} when it is {@code prefix} followed by 32 hex digits.
   *
   * @throws IllegalArgumentException naming {@code field} otherwise (the value is not repeated
   *     unless it has the right length and prefix, which makes it a SID and not a secret)
   */
  public static String require(String field, String sid, String prefix) {
    if (sid == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (sid.length() != 34 || !sid.startsWith(prefix) || !HEX32.matcher(sid.substring(2)).matches()) {
      throw new IllegalArgumentException(
          field + " must be '" + prefix + "' followed by 32 hex digits (got " + sid.length()
              + " characters) [rule: sid-format]");
    }
    return sid;
  }
}
