package io.github.flexmedia.twilio.testing.spring;

import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The emulators as beans, and their credentials for flex-media-spring-boot-starter; imported by
 * {@link AutoConfigureFlexMediaEmulators}, never by itself.
 *
 * <ul>
 *   <li>{@link LocalTaskRouterServer} and {@link FlexTokenEmulator} on loopback, closed with the
 *       context; each backs off when the application (a test) defines its own, to seed it;
 *   <li>the emulators' credentials as the first property source, {@value #PROPERTY_SOURCE}:
 *       {@code flex-media.twilio.account-sid} and {@code auth-token} ({@link
 *       LocalTaskRouterServer#DEFAULT_ACCOUNT_SID}, {@link LocalTaskRouterServer#DEFAULT_AUTH_TOKEN}),
 *       {@code api-key} and {@code api-secret} blank, whatever the application's own files say.
 * </ul>
 *
 * <p>The starter then builds its client, its credential check, its verifier and its token
 * validator from those properties exactly as in production, and its {@code
 * EmulatorRoutingAutoConfiguration} routes that client's requests to the emulators ({@code iam.*}
 * to the token emulator, every other to TaskRouter's). Sign test callbacks with {@link
 * LocalTaskRouterServer#DEFAULT_AUTH_TOKEN}.
 */
@AutoConfiguration(beforeName = "io.github.flexmedia.spring.FlexMediaAutoConfiguration")
public class FlexMediaEmulatorsAutoConfiguration {
  /** The name of the property source holding the emulators' credentials. */
  public static final String PROPERTY_SOURCE = "flexMediaEmulators";

  private static final Logger LOG = LoggerFactory.getLogger(FlexMediaEmulatorsAutoConfiguration.class);

  /** Created by Spring. */
  public FlexMediaEmulatorsAutoConfiguration() {}

  /**
   * Puts the emulators' credentials first in the environment, before any bean binds {@code
   * flex-media.twilio.*}.
   *
   * @return the post-processor
   */
  @Bean
  public static BeanFactoryPostProcessor flexMediaEmulatorsCredentials() {
    return new Credentials();
  }

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

  /** Adds {@value #PROPERTY_SOURCE}. */
  private static final class Credentials implements BeanFactoryPostProcessor, EnvironmentAware {
    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
          "flex-media.twilio.account-sid", LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
          "flex-media.twilio.auth-token", LocalTaskRouterServer.DEFAULT_AUTH_TOKEN,
          "flex-media.twilio.api-key", "",
          "flex-media.twilio.api-secret", "")));
    }
  }
}
