package io.github.flexmedia.twilio.internal;

import io.github.flexmedia.Sid;

/**
 * Checks the shape of the SIDs the adapter sends, before anything goes over the network, with
 * core's {@link Sid} check: one rule and one message for every SID in flex-media.
 */
public final class Sids {
  private Sids() {}

  /**
   * Checks that {@code sid} is {@code prefix} followed by 32 hex digits. (Nothing is returned: every
   * caller keeps the value it checked.)
   *
   * @throws io.github.flexmedia.InvalidMediaException naming {@code field} and the rule, with the
   *     prefix expected and the one found (never the value)
   */
  public static void require(String field, String sid, String prefix) {
    Sid.require(field, sid, prefix);
  }
}
