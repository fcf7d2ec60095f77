package io.github.flexmedia.spring;

import io.github.flexmedia.twilio.ConfigurationException;

/**
 * Thrown at startup when a required {@code flex-media.*} property is missing or malformed: a
 * {@link ConfigurationException} whose {@link #setting()} is the property, whose {@link #rule()}
 * says what is wrong and whose {@link #action()} says how to fix it. The message names the
 * property and the rule, never its value (it may be a secret).
 */
public class FlexMediaConfigurationException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  /** How to fix it. */
  private final String action;

  /**
   * Creates the exception.
   *
   * @param property the property at fault, e.g. {@code flex-media.twilio.account-sid}
   * @param problem what is wrong with it, without its value
   * @param action how to fix it
   */
  public FlexMediaConfigurationException(String property, String problem, String action) {
    super(property, problem, property + " " + problem + ". " + action);
    this.action = action;
  }

  /**
   * How to fix it.
   *
   * @return the suggested action
   */
  public String action() {
    return action;
  }
}
