package io.github.flexmedia.spring;

/**
 * Thrown at startup when a required {@code flex-media.*} property is missing or malformed. The
 * message names the property and the rule, never its value (it may be a secret).
 */
public class FlexMediaConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The property at fault. */
  private final String property;

  /** What is wrong with it. */
  private final String problem;

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
    super(property + " " + problem + ". " + action);
    this.property = property;
    this.problem = problem;
    this.action = action;
  }

  /**
   * The property at fault.
   *
   * @return the property's name, e.g. {@code flex-media.twilio.account-sid}
   */
  public String property() {
    return property;
  }

  /**
   * What is wrong with the property, without its value.
   *
   * @return the problem, e.g. {@code is not set}
   */
  public String problem() {
    return problem;
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
