package io.github.flexmedia;

import java.util.Objects;

/**
 * A media link, SID or time value breaks one of the schema's rules.
 *
 * <p>Thrown at construction, so an invalid value never exists and nothing is written. The message
 * names the {@linkplain #field() field} and the {@linkplain #rule() rule}; it never contains a
 * URL's path or query, or a title, because those may hold PHI or secrets.
 *
 * <pre>{@code
 * try {
 *   MediaLink.embedded("http://crm.example.com/ticket/42", "Ticket");
 * } catch (InvalidMediaException e) {
 *   e.field(); // "url"
 *   e.rule();  // "https-only"
 *   e.is(InvalidMediaException.Rule.HTTPS_ONLY); // true
 * }
 * }</pre>
 */
public class InvalidMediaException extends FlexMediaException {
  private static final long serialVersionUID = 1L;

  /** The field that broke the rule. */
  private final String field;
  /** The rule's identifier. */
  private final String rule;
  /** The explanation alone. */
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param field the field that broke the rule, such as {@code url} or {@code
   *     conversations.media[2].title}
   * @param rule a short, stable identifier of the rule, such as {@code https-only}
   * @param message the human-readable explanation; must not contain URLs' paths or titles
   */
  public InvalidMediaException(String field, String rule, String message) {
    super(field + ": " + message + " [rule: " + rule + "]");
    this.field = Objects.requireNonNull(field, "field");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.detail = message;
  }

  /**
   * Creates the exception for one of core's own rules.
   *
   * @param field the field that broke the rule, such as {@code url} or {@code
   *     conversations.media[2].title}
   * @param rule the rule
   * @param message the human-readable explanation; must not contain URLs' paths or titles
   */
  public InvalidMediaException(String field, Rule rule, String message) {
    this(field, rule.id(), message);
  }

  /**
   * The field that broke the rule, e.g. {@code url}, {@code start_time} or a JSON path.
   *
   * @return the field that broke the rule
   */
  public String field() {
    return field;
  }

  /**
   * A short, stable identifier of the rule, e.g. {@code https-only} or {@code sid-format}.
   *
   * @return a short, stable identifier of the rule
   */
  public String rule() {
    return rule;
  }

  /**
   * Whether the broken rule is {@code rule}.
   *
   * @param rule one of core's rules
   * @return whether {@link #rule()} is {@code rule}'s id
   */
  public boolean is(Rule rule) {
    return this.rule.equals(rule.id());
  }

  /**
   * The field; the same as {@link #field()}.
   *
   * @return the field that broke the rule
   */
  @Override
  public String where() {
    return field;
  }

  /**
   * The explanation alone, without the field and the rule.
   *
   * @return the explanation alone, without the field and the rule
   */
  public String reason() {
    return detail;
  }

  /**
   * The same failure, reported for the field at {@code path} inside a larger structure.
   *
   * @param path the location of the value that holds {@link #field()}
   * @return a new exception whose field is {@code path + "." + field()}
   */
  public InvalidMediaException at(String path) {
    return new InvalidMediaException(path + "." + field, rule, detail);
  }

  /**
   * The rules core checks, each with the stable id {@link #rule()} reports. Other modules may
   * report rules of their own through the {@code String} constructor.
   */
  public enum Rule {
    /** A required value is missing or blank. */
    REQUIRED("required"),
    /** A URL is not valid URI syntax. */
    URI_SYNTAX("uri-syntax"),
    /** A URL contains whitespace or control characters. */
    NO_WHITESPACE("no-whitespace"),
    /** A URL is relative. */
    ABSOLUTE("absolute"),
    /** A URL's scheme is neither {@code https} nor {@code http}. */
    WEB_SCHEME("web-scheme"),
    /** A URL has no valid ASCII host. */
    HOST("host"),
    /** A URL carries user-info (credentials) before its host. */
    NO_USER_INFO("no-user-info"),
    /** A URL's port is out of range. */
    PORT("port"),
    /** A URL is longer than allowed. */
    MAX_LENGTH("max-length"),
    /** A text value is blank. */
    NOT_BLANK("not-blank"),
    /** A title contains control characters. */
    NO_CONTROL_CHARS("no-control-chars"),
    /** A title holds an unpaired UTF-16 surrogate. */
    VALID_UNICODE("valid-unicode"),
    /** A SID is not its two-letter prefix and 32 hex digits. */
    SID_FORMAT("sid-format"),
    /** A {@code start_time} is not plausible epoch milliseconds (seconds or microseconds, say). */
    EPOCH_MILLIS("epoch-millis"),
    /** A {@code start_time} is negative. */
    NOT_NEGATIVE("not-negative"),
    /** A list holds {@code null}. */
    NOT_NULL("not-null"),
    /** A {@code VoiceRecording} has neither {@code url} nor {@code url_provider}. */
    URL_OR_PROVIDER("url-or-provider"),
    /** A {@code VoiceRecording} repeats a channel. */
    DISTINCT("distinct"),
    /** A URL is plain {@code http} and the {@link MediaPolicy} does not allow it. */
    HTTPS_ONLY("https-only"),
    /** A URL's host is not on the {@link MediaPolicy}'s allow-list. */
    HOST_ALLOW_LIST("host-allow-list"),
    /** A title is longer than the {@link MediaPolicy} allows. */
    MAX_TITLE_LENGTH("max-title-length"),
    /** A configuration number is out of its range. */
    RANGE("range"),
    /** An {@link MediaLink.Unknown}'s JSON is not an object of its type. */
    JSON_OBJECT("json-object"),
    /** A stored link has no {@code type}. */
    TYPE_REQUIRED("type-required"),
    /** A stored link's {@code type} is not a string. */
    TYPE_STRING("type-string"),
    /** A stored link's {@code type} is not one Flex documents. */
    KNOWN_TYPE("known-type"),
    /** A stored link's field is not a string. */
    STRING("string"),
    /** A stored {@code start_time} is neither epoch milliseconds nor ISO 8601. */
    EPOCH_MILLIS_OR_ISO("epoch-millis-or-iso"),
    /** A stored link's {@code channels} is not an array. */
    ARRAY("array"),
    /** A stored channel is neither {@code customer} nor {@code others}. */
    CHANNEL_NAME("channel-name"),
    /** A valid link of a known type was made as an {@link MediaLink.Unknown}. */
    TYPED("typed"),
    /** A Flex Insights field was given a value of a JSON type Twilio does not document for it. */
    INSIGHTS_TYPE("insights-type"),
    /** A Flex Insights data path is not one the library can write (a container, or media). */
    INSIGHTS_PATH("insights-path"),
    /**
     * Under a HIPAA {@link MediaPolicy}: keys Twilio's HIPAA filter drops or removes as PII before
     * Flex Insights, refused before anything is sent.
     */
    HIPAA_PRESERVED_LIST("hipaa-preserved-list");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    /**
     * The stable id, as {@link InvalidMediaException#rule()} reports it, e.g. {@code https-only}.
     *
     * @return the rule's id
     */
    public String id() {
      return id;
    }
  }
}
