package io.github.flexmedia.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flex-media.metrics.*}: Micrometer metrics. */
@ConfigurationProperties("flex-media.metrics")
public class MetricsProperties {
  /** Record flex_media.* meters when Micrometer and a MeterRegistry are present. */
  private boolean enabled = true;

  /** Creates the group with its defaults. */
  public MetricsProperties() {}

  /**
   * Whether metrics are recorded.
   *
   * @return whether metrics are recorded (true by default, when Micrometer is present)
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Switches metrics on or off.
   *
   * @param enabled whether metrics are recorded
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
