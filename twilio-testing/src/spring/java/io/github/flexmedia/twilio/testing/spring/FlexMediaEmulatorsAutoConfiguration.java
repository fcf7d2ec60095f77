package io.github.flexmedia.twilio.testing.spring;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The emulators as beans, and the starter's Twilio client routed to them; imported by {@link
 * AutoConfigureFlexMediaEmulators}, never by itself.
 *
 * <ul>
 *   <li>{@link LocalTaskRouterServer} and {@link FlexTokenEmulator} on loopback, closed with the
 *       context; each backs off when the application (a test) defines its own, to seed it;
 *   <li>a {@link TwilioRestClient} with the emulators' credentials on the production HTTP stack
 *       ({@link TwilioTaskRouterClient#singleAttemptHttpClient}), requests for {@code iam.*}
 *       routed to the token emulator and every other to the TaskRouter emulator. Ordered before
 *       flex-media-spring-boot-starter's auto-configuration, whose client then backs off: its
 *       {@code TaskRouterClient}, {@code MediaAttacher}, queue and token validator are built on
 *       this one, and the {@code flex-media.twilio.*} credentials are not read;
 *   <li>a {@link WebhookVerifier} on the emulators' auth token ({@link
 *       LocalTaskRouterServer#DEFAULT_AUTH_TOKEN}): sign test callbacks with it.
 * </ul>
 */
@AutoConfiguration(beforeName = "io.github.flexmedia.spring.FlexMediaAutoConfiguration")
public class FlexMediaEmulatorsAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(FlexMediaEmulatorsAutoConfiguration.class);

  /** Created by Spring. */
  public FlexMediaEmulatorsAutoConfiguration() {}

  /**
   * The TaskRouter emulator.
   *
   * @return a started server, with the default credentials
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public LocalTaskRouterServer flexMediaTaskRouterEmulator() {
    LocalTaskRouterServer server = LocalTaskRouterServer.start();
    LOG.info("flex-media emulators: TaskRouter on 127.0.0.1:{}", server.port());
    return server;
  }

  /**
   * The Flex token emulator (Twilio's {@code iam} token validation).
   *
   * @return a started emulator, with the default credentials
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public FlexTokenEmulator flexMediaTokenEmulator() {
    FlexTokenEmulator emulator = FlexTokenEmulator.start();
    LOG.info("flex-media emulators: Flex token validation on 127.0.0.1:{}", emulator.port());
    return emulator;
  }

  /**
   * The twilio-java client the starter builds everything on, routed to the emulators.
   *
   * @param taskRouter where TaskRouter requests go
   * @param tokens where token validations go
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public TwilioRestClient flexMediaEmulatorsTwilioRestClient(
      LocalTaskRouterServer taskRouter, FlexTokenEmulator tokens) {
    return new TwilioRestClient.Builder(
            LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(
            tokens.route(TwilioTaskRouterClient.defaultHttpClientBuilder(), taskRouter)))
        .build();
  }

  /**
   * Checks webhook signatures made with the emulators' auth token.
   *
   * @return the verifier
   */
  @Bean
  @ConditionalOnMissingBean
  public WebhookVerifier flexMediaEmulatorsWebhookVerifier() {
    return WebhookVerifier.of(LocalTaskRouterServer.DEFAULT_AUTH_TOKEN);
  }
}
