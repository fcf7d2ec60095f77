package io.github.flexmedia.spring.internal;

import io.github.flexmedia.spring.properties.TwilioProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Checks at startup every credential the starter will build from, even though the beans that use
 * them are lazy: an unresolved {@code ${...}}, a blank value or a value not of Twilio's shape
 * stops the application before it answers anything, instead of failing on the first call (or,
 * for an auth token, accepting webhooks signed with the placeholder's text).
 *
 * <p>A credential not set at all is left to the bean that needs it, so that an application that
 * brings its own {@code TwilioRestClient} or {@code TaskRouterClient} needs none. The API key and
 * its secret are optional: blank counts as not set for them.
 */
public final class CredentialsCheck implements SmartInitializingSingleton {
  /** The starter's own client bean: present when the application defines none. */
  public static final String CLIENT_BEAN = "flexMediaTwilioRestClient";
  /** The starter's own verifier bean: present when the application defines none. */
  public static final String VERIFIER_BEAN = "flexMediaWebhookVerifier";

  private final ConfigurableListableBeanFactory beans;
  private final TwilioProperties twilio;

  /**
   * Creates the check.
   *
   * @param beans tells whether the starter's own client and verifier are in use
   * @param twilio the bound {@code flex-media.twilio.*} properties
   */
  public CredentialsCheck(ConfigurableListableBeanFactory beans, TwilioProperties twilio) {
    this.beans = beans;
    this.twilio = twilio;
  }

  @Override
  public void afterSingletonsInstantiated() {
    boolean ownClient = beans.containsBeanDefinition(CLIENT_BEAN);
    boolean ownVerifier = beans.containsBeanDefinition(VERIFIER_BEAN);
    boolean apiKey = isSet(twilio.getApiKey());
    if (ownClient && twilio.getAccountSid() != null) {
      Credentials.ACCOUNT_SID.check(twilio.getAccountSid());
    }
    if (ownClient && apiKey) {
      Credentials.API_KEY.check(twilio.getApiKey());
      Credentials.API_SECRET.require(twilio.getApiSecret(),
          "Set it to the API key's secret, or remove flex-media.twilio.api-key.");
    }
    if ((ownVerifier || ownClient && !apiKey) && twilio.getAuthToken() != null) {
      Credentials.AUTH_TOKEN.check(twilio.getAuthToken());
    }
  }

  /**
   * Whether an optional value is set: not null and not blank.
   *
   * @param value the bound value
   * @return whether it is set
   */
  static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
