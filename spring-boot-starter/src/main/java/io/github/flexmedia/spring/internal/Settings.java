package io.github.flexmedia.spring.internal;

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
    } catch (FlexMediaConfigurationException e) {
      throw e; // names its property already (it is an IllegalArgumentException too)
    } catch (IllegalArgumentException e) {
      // The library's messages name the rule and the builder's parameter, never a secret.
      throw new FlexMediaConfigurationException(property, "is out of range (" + e.getMessage() + ")",
          "Change " + property + ".");
    }
  }
}
