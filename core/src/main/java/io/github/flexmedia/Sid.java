package io.github.flexmedia;

import io.github.flexmedia.internal.Checks;


/**
 * Checks the shape of a Twilio SID: two upper-case letters naming its kind ({@code WR} for a
 * reservation, {@code WT} for a task, {@code CH} for a channel or conversation, …) and 32 hex
 * digits. Use it on SIDs taken from webhooks or configuration before they reach an API call; the
 * library checks every SID it is given the same way.
 *
 * <pre>{@code
 * Sid.require("taskSid", params.get("TaskSid"), "WT");
 * // a workspace SID by mistake: InvalidMediaException
 * //   "taskSid: must be 'WT' followed by 32 hex digits (expected 'WT…', got 'WS…') [rule: sid-format]"
 * }</pre>
 *
 * <p>A failure never repeats the value: at most its first two letters, which name the kind of
 * SID (a token pasted by mistake is not leaked).
 */
public final class Sid {
  private Sid() {}

  /**
   * Returns {@code sid} when it is {@code prefix} followed by 32 hex digits.
   *
   * @param field the name to report a failure under, e.g. {@code taskSid}
   * @param sid the SID to check
   * @param prefix the expected two upper-case letters, e.g. {@code WR}
   * @return {@code sid}
   * @throws InvalidMediaException with rule {@code required} when {@code sid} is {@code null}, or
   *     {@code sid-format} when it has another shape; the message names the expected prefix and
   *     the prefix found, never the value
   * @throws IllegalArgumentException if {@code prefix} is not two upper-case letters
   */
  public static String require(String field, String sid, String prefix) {
    return Checks.sid(field, sid, prefix);
  }

  /**
   * Whether {@code sid} is {@code prefix} followed by 32 hex digits: the same rule as {@link
   * #require}, for callers that report a failure in their own terms (a configuration property, a
   * webhook parameter).
   *
   * <pre>{@code
   * if (!Sid.isValid(env.get("FLEX_WORKSPACE_SID"), "WS")) { ... }
   * }</pre>
   *
   * @param sid the SID to check, may be {@code null}
   * @param prefix the expected two letters, e.g. {@code WS}
   * @return whether it is well formed; {@code false} for {@code null}
   */
  public static boolean isValid(String sid, String prefix) {
    return Checks.isSid(sid, prefix);
  }
}
