package io.github.flexmedia.spring.internal;

import io.github.flexmedia.Sid;
import io.github.flexmedia.spring.FlexMediaConfigurationException;

/** Startup checks of {@code flex-media.*} values; messages name the property, never the value. */
public final class Settings {

  private Settings() {}

  /**
   * Runs {@code apply}, turning the library's {@code IllegalArgumentException} into a startup
   * failure that names {@code property}.
   *
   * @param property the property the value came from
   * @param apply applies the value
   */
  public static void check(String property, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException e) {
      // The library's messages name the rule and the builder's parameter, never a secret.
      throw new FlexMediaConfigurationException(property, "is out of range (" + e.getMessage() + ")",
          "Change " + property + ".");
    }
  }

  /**
   * The value of a required property.
   *
   * @param property the property's name
   * @param value its value, possibly null or blank
   * @param action how to fix a missing value
   * @return the trimmed value
   */
  public static String require(String property, String value, String action) {
    if (value == null || value.isBlank()) {
      throw new FlexMediaConfigurationException(property, "is not set", action);
    }
    return value.trim();
  }

  /**
   * Checks that {@code value} is a SID: {@code prefix} and 32 hex digits.
   *
   * @param property the property's name
   * @param value the trimmed value
   * @param prefix the SID's two letters
   * @return {@code value}
   */
  public static String requireSid(String property, String value, String prefix) {
    if (!Sid.isValid(value, prefix)) {
      throw new FlexMediaConfigurationException(property,
          "is malformed: it must be '" + prefix + "' followed by 32 hex digits (the value is not shown)",
          "Copy the SID from the Twilio Console into " + property + ".");
    }
    return value;
  }
}
