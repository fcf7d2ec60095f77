package io.github.flexmedia.spring.internal;

import io.github.flexmedia.Sid;
import io.github.flexmedia.spring.FlexMediaConfigurationException;
import java.util.regex.Pattern;

/**
 * The shapes of Twilio's credentials, checked before any is used, so that a value that cannot work
 * stops startup instead of being sent to Twilio (or, for the auth token, used to accept webhooks
 * signed with it). Messages name the property and never show the value.
 *
 * <p>Shapes: an account SID is {@code AC} and 32 hex digits (Twilio's API reference, e.g. the
 * Accounts resource: {@code ^AC[0-9a-fA-F]{32}$}); an API key SID {@code SK} and 32 hex digits
 * (the Keys resource: {@code ^SK[0-9a-fA-F]{32}$}). Twilio's reference gives the auth token no
 * pattern; every auth token the Console issues is 32 hex digits, and that is the rule checked
 * here (a decision, not a documented fact). An API key's secret has no documented shape: only
 * placeholders and blanks are refused.
 */
public enum Credentials {
  /** {@code flex-media.twilio.account-sid}. */
  ACCOUNT_SID("flex-media.twilio.account-sid", "'AC' followed by 32 hex digits",
      "Copy the Account SID from the Twilio Console (Account Info) into flex-media.twilio.account-sid."),
  /** {@code flex-media.twilio.auth-token}. */
  AUTH_TOKEN("flex-media.twilio.auth-token", "32 hex digits",
      "Copy the Auth Token from the Twilio Console (Account Info) into flex-media.twilio.auth-token. "
          + "An API key (flex-media.twilio.api-key) can make the REST calls but cannot serve here: "
          + "Twilio signs webhooks with the auth token, so signature checks need it."),
  /** {@code flex-media.twilio.api-key}. */
  API_KEY("flex-media.twilio.api-key", "'SK' followed by 32 hex digits",
      "Copy the API key's SID (Twilio Console, API keys & tokens) into flex-media.twilio.api-key, "
          + "or remove it to authenticate with flex-media.twilio.auth-token. An API key serves the "
          + "REST calls only: webhook signature checks still need the auth token."),
  /** {@code flex-media.twilio.api-secret}. */
  API_SECRET("flex-media.twilio.api-secret", null,
      "Set it to the secret shown once when the API key was created, or remove "
          + "flex-media.twilio.api-key to use flex-media.twilio.auth-token.");

  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  private final String property;
  private final String shape;
  private final String advice;

  Credentials(String property, String shape, String advice) {
    this.property = property;
    this.shape = shape;
    this.advice = advice;
  }

  /**
   * Checks a value that is set: not blank, not an unresolved placeholder, of Twilio's shape.
   *
   * @param value the bound value, not null
   * @return the trimmed value
   * @throws FlexMediaConfigurationException naming the property and the rule, never the value
   */
  public String check(String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      throw new FlexMediaConfigurationException(property,
          "is blank (an environment variable it reads, such as ${TWILIO_AUTH_TOKEN:}, may be unset)",
          advice);
    }
    if (v.contains("${")) {
      // Spring Boot binds an unresolvable ${...} as its literal text: the variable it names is unset.
      throw new FlexMediaConfigurationException(property,
          "is an unresolved placeholder: the environment variable or property it names is not set",
          "Set that variable. " + advice);
    }
    if (shape != null && !matches(v)) {
      throw new FlexMediaConfigurationException(property,
          "is malformed: it must be " + shape + " (the value is not shown)", advice);
    }
    return v;
  }

  /**
   * Checks a value that is required.
   *
   * @param value the bound value, possibly null
   * @param whenUnset how to fix a missing value
   * @return the trimmed value
   * @throws FlexMediaConfigurationException naming the property and the rule, never the value
   */
  public String require(String value, String whenUnset) {
    if (value == null) {
      throw new FlexMediaConfigurationException(property, "is not set", whenUnset);
    }
    return check(value);
  }

  private boolean matches(String v) {
    switch (this) {
      case ACCOUNT_SID:
        return Sid.isValid(v, "AC");
      case API_KEY:
        return Sid.isValid(v, "SK");
      default:
        return HEX32.matcher(v).matches();
    }
  }
}
