package io.github.flexmedia;

import java.util.Objects;

/**
 * Something Flex will display differently from what the media list seems to say. Produced by
 * {@link MediaAttributes#lint()}; never thrown.
 *
 * @param code what kind of problem it is
 * @param message an explanation for people, without URLs or titles
 * @param path where it is, e.g. {@code conversations.media[1]}
 */
public record MediaWarning(Code code, String message, String path) {

  /**
   * Validates that no part is null.
   *
   * @param code what kind of problem it is
   * @param message an explanation for people, without URLs or titles
   * @param path the JSON path the problem is at
   */
  public MediaWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
  }

  /** The Flex display rules a media list can run into. */
  public enum Code {
    /**
     * The first link is {@code Raw} and others follow: Flex opens the Raw URL in a new tab, the
     * Conversation Screen does not open, and the other links cannot be reached.
     */
    RAW_FIRST_HIDES_OTHERS,
    /** More than one {@code VoiceRecording} in a list: only the first is playable. */
    ONLY_FIRST_RECORDING_PLAYS,
    /** An {@code Embedded} link over plain {@code http}: browsers block or warn on it in Flex. */
    EMBEDDED_OVER_HTTP,
    /**
     * Custom media without a {@code VoiceRecording} or {@code ChatTranscript}: custom media
     * replaces Flex's default recording and transcript, which will no longer show.
     */
    DEFAULT_MEDIA_REPLACED,
    /**
     * A reservation has its own list while task-level links exist: that segment shows only its
     * own list, not the task-level links.
     */
    RESERVATION_HIDES_TASK_MEDIA,
    /** The media alone are over TaskRouter's 4096-character attributes limit. */
    ATTRIBUTES_TOO_LARGE,
    /**
     * A link someone else wrote that this library cannot model: an unknown or missing {@code
     * type}, or a field that breaks a rule (a {@code start_time} in seconds, a malformed SID, an
     * unknown channel, a URL with a space). It is read as {@link MediaLink.Unknown} and kept as
     * written; Flex may show it wrongly or not at all. The warning's path is the link's, and its
     * message names the field and the rule.
     */
    INVALID_LINK,
    /**
     * The media are within 4096 characters but their UTF-8 encoding passes 4096 bytes. Twilio
     * documents the limit as "4096 characters" and does not state the unit it measures; this
     * library counts characters ({@link MediaAttributes#MAX_TASK_ATTRIBUTES_LENGTH}), and warns
     * here so that a document of many non-ASCII characters does not meet a 400 unwarned, should
     * TaskRouter count bytes.
     */
    ATTRIBUTES_OVER_4096_UTF8_BYTES,
    /**
     * A key inside {@code conversations} or {@code customers} that Flex Insights does not
     * document: Insights ignores it silently ("Unknown task attributes are silently ignored",
     * Twilio, "Add Additional TaskRouter Data"). The message names the nearest known key when one
     * is close (a likely typo).
     */
    INSIGHTS_UNKNOWN_KEY,
    /**
     * A numbered field past its range, such as {@code conversation_attribute_11}: Insights has
     * {@code conversation_attribute_1..10}, {@code conversation_label_1..10}, {@code
     * conversation_measure_1..10}, {@code customer_attribute_1..3} and {@code
     * customer_label_1..3}.
     */
    INSIGHTS_NUMBER_OUT_OF_RANGE,
    /** A documented field whose value is not of the JSON type Twilio documents for it. */
    INSIGHTS_WRONG_TYPE,
    /** A text value over 128 characters: Insights loads only the first 128. */
    INSIGHTS_VALUE_TRUNCATED,
    /**
     * HIPAA accounts: a key that is not on Twilio's preserved list, which the HIPAA filter drops
     * before Insights ("HIPAA for Flex Insights Historical Reporting").
     */
    HIPAA_NOT_PRESERVED,
    /**
     * HIPAA accounts: a field Twilio removes as PII (customer phone, email, external ID, external
     * contact) before Insights.
     */
    HIPAA_PII_REMOVED,
    /**
     * Attributes written to a task that is already completed or canceled: Insights keeps the
     * attributes the task had then and ignores later updates; media links alone may still change,
     * for two minutes after completion ("Add Additional TaskRouter Data").
     */
    WRITTEN_AFTER_COMPLETION
  }
}
