package io.github.flexmedia.twilio.internal.playback;

import java.util.Locale;

/** What this package prints of an identifier: its kind, never the whole value. */
public final class Redact {
  private Redact() {}

  /** {@code WK1234…} for a SID, {@code null} for none. */
  public static String sid(String sid) {
    if (sid == null) {
      return null;
    }
    return sid.length() < 8 ? "?" : sid.substring(0, 6).toUpperCase(Locale.ROOT) + "…";
  }
}
