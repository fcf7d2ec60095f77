package io.github.flexmedia.spring.internal;

import io.github.flexmedia.spring.TwilioHttpClientCustomizer;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Where a test asks for the emulators ({@code @AutoConfigureFlexMediaEmulators} of
 * flex-media-twilio-testing), the starter's own Twilio client is routed to them: requests for
 * {@code iam.*} to the token emulator, every other to the TaskRouter emulator.
 *
 * <p>The emulators' auto-configuration gives the starter their credentials as {@code
 * flex-media.twilio.*} properties, so the test runs what production runs: the client built from
 * properties on the production HTTP stack, the credential check, the timeouts, the verifier from
 * the auth token. Only the hosts differ. Active only when the testing artifact is on the class
 * path and the annotation imported its auto-configuration.
 */
@AutoConfiguration(
    afterName = EmulatorRoutingAutoConfiguration.EMULATORS,
    beforeName = "io.github.flexmedia.spring.FlexMediaAutoConfiguration")
@ConditionalOnClass(name = EmulatorRoutingAutoConfiguration.EMULATORS)
@ConditionalOnBean(type = EmulatorRoutingAutoConfiguration.EMULATORS)
public class EmulatorRoutingAutoConfiguration {
  static final String EMULATORS =
      "io.github.flexmedia.twilio.testing.spring.FlexMediaEmulatorsAutoConfiguration";

  /** Created by Spring. */
  public EmulatorRoutingAutoConfiguration() {}

  /**
   * Routes the starter's client to the emulators.
   *
   * @param taskRouter the TaskRouter emulator
   * @param tokens the Flex token emulator
   * @return the customizer
   */
  @Bean
  public TwilioHttpClientCustomizer flexMediaEmulatorsRoute(
      LocalTaskRouterServer taskRouter, FlexTokenEmulator tokens) {
    return builder -> tokens.route(builder, taskRouter);
  }
}
