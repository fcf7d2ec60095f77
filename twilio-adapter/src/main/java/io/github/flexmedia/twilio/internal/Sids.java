package io.github.flexmedia.twilio.internal;

import io.github.flexmedia.Sid;

/**
 * Checks the shape of the SIDs the adapter sends, before anything goes over the network, with
 * core's {@link Sid} check: one rule and one message for every SID in flex-media.
 */
public final class Sids {
  private Sids() {}

  /**
   * Returns {@code sid} when it is {@code prefix} followed by 32 hex digits.
   *
   * @throws io.github.flexmedia.InvalidMediaException naming {@code field} and the rule, with the
   *     prefix expected and the one found (never the value)
   */
  public static String require(String field, String sid, String prefix) {
    return Sid.require(field, sid, prefix);
  }
}
