package io.github.flexmedia.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flex-media.enabled}, the switch of the whole starter. Each group of {@code flex-media.*}
 * has its own class beside this one, bound on its own prefix as spring-cloud-aws does it, so that
 * a bean asks only for the settings it uses:
 *
 * <table>
 *   <caption>Property groups</caption>
 *   <tr><th>prefix</th><th>class</th></tr>
 *   <tr><td>{@code flex-media.twilio}</td><td>{@link TwilioProperties}</td></tr>
 *   <tr><td>{@code flex-media.attach}</td><td>{@link AttachProperties}</td></tr>
 *   <tr><td>{@code flex-media.policy}</td><td>{@link PolicyProperties}</td></tr>
 *   <tr><td>{@code flex-media.queue}</td><td>{@link QueueProperties}</td></tr>
 *   <tr><td>{@code flex-media.webhooks}</td><td>{@link WebhooksProperties}</td></tr>
 *   <tr><td>{@code flex-media.playback}</td><td>{@link PlaybackProperties}</td></tr>
 *   <tr><td>{@code flex-media.metrics}</td><td>{@link MetricsProperties}</td></tr>
 *   <tr><td>{@code flex-media.logging}</td><td>{@link LoggingProperties}</td></tr>
 * </table>
 *
 * <pre>{@code
 * flex-media:
 *   twilio:
 *     account-sid: ${TWILIO_ACCOUNT_SID}
 *     auth-token: ${TWILIO_AUTH_TOKEN}
 *   attach:
 *     max-attempts: 8
 *   policy:
 *     allowed-hosts: [crm.example.com, .recordings.example.com]
 * }</pre>
 */
@ConfigurationProperties("flex-media")
public class FlexMediaProperties {
  /** Whether flex-media's auto-configuration runs at all. */
  private boolean enabled = true;

  /**
   * Whether the Twilio account is HIPAA-enabled: Flex Insights fields Twilio's HIPAA filter would
   * drop are refused before anything is sent.
   */
  private boolean hipaa;

  /** Creates the properties with their defaults; Spring binds the configured values. */
  public FlexMediaProperties() {}

  /**
   * Whether the starter is on.
   *
   * @return true by default
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Switches the starter on or off.
   *
   * @param enabled whether flex-media's auto-configuration runs
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Whether the account is HIPAA-enabled ({@code flex-media.hipaa}): the {@code MediaPolicy} bean
   * then refuses Insights fields off Twilio's HIPAA preserved list.
   *
   * @return whether the account is HIPAA-enabled (false by default)
   */
  public boolean isHipaa() {
    return hipaa;
  }

  /**
   * Marks the account as HIPAA-enabled.
   *
   * @param hipaa whether the account is HIPAA-enabled
   */
  public void setHipaa(boolean hipaa) {
    this.hipaa = hipaa;
  }
}
