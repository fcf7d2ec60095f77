package io.github.flexmedia.twilio;

import java.util.Objects;

/**
 * A builder, factory or environment variable was given a setting it cannot work with: thrown when
 * the object is configured, never while it runs, so it means "fix the configuration" rather than
 * "try again". One of flex-media's three roots (bad input is core's {@link
 * io.github.flexmedia.FlexMediaException}, a failed call a {@link TaskRouterException}); the
 * Spring Boot starter's {@code FlexMediaConfigurationException}, naming a {@code flex-media.*}
 * property, is one. It extends {@link IllegalArgumentException}, so code that catches that keeps
 * working.
 *
 * <p>The message names the setting and the rule, never the value given: environment variables
 * and tokens hold credentials.
 *
 * <pre>{@code
 * try {
 *   client = TwilioTaskRouterClient.fromEnvironment();
 * } catch (ConfigurationException e) {
 *   log.error("fix {}: {}", e.setting(), e.rule());
 * }
 * }</pre>
 */
public class ConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The builder method, parameter or environment variable at fault. */
  private final String setting;
  /** What the setting must satisfy. */
  private final String rule;

  /**
   * A setting that breaks {@code rule}; the message is the setting followed by the rule.
   *
   * @param setting the builder method, parameter or environment variable, for example {@code
   *     maxAttempts} or {@code TWILIO_ACCOUNT_SID}
   * @param rule what it must satisfy, for example {@code must be at least 1}
   */
  public ConfigurationException(String setting, String rule) {
    this(setting, rule, setting + " " + rule);
  }

  /**
   * A setting that breaks {@code rule}, with a message of the caller's wording.
   *
   * @param setting the builder method, parameter or environment variable
   * @param rule what it must satisfy
   * @param message the message: it names the setting and never holds a value that may be secret
   */
  public ConfigurationException(String setting, String rule, String message) {
    super(message);
    this.setting = Objects.requireNonNull(setting, "setting");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * The builder method, parameter or environment variable at fault.
   *
   * @return its name, for example {@code maxAttempts} or {@code TWILIO_ACCOUNT_SID}
   */
  public String setting() {
    return setting;
  }

  /**
   * What the setting must satisfy.
   *
   * @return the rule, for example {@code must be at least 1}
   */
  public String rule() {
    return rule;
  }
}
