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
 * }
 * }</pre>
 */
public class InvalidMediaException extends IllegalArgumentException {
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
}
