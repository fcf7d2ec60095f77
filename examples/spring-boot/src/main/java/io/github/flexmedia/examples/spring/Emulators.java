package io.github.flexmedia.examples.spring;

import io.github.flexmedia.spring.TwilioHttpClientCustomizer;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The {@code emulators} profile: a TaskRouter emulator and a Flex token emulator on loopback stand
 * in for Twilio, and the starter's HTTP client is routed to them by host. Everything else —
 * properties, beans, the twilio-java stack, the endpoints — is what production runs.
 */
@Configuration(proxyBeanMethods = false)
@Profile("emulators")
class Emulators {
  /** The task the emulator starts with, so that there is something to attach to. */
  static final String DEMO_TASK = "WT" + "0".repeat(31) + "1";

  private static final Logger LOG = LoggerFactory.getLogger(Emulators.class);

  @Bean(destroyMethod = "close")
  LocalTaskRouterServer taskRouterEmulator(@Value("${example.workspace-sid}") String workspaceSid) {
    LocalTaskRouterServer server = LocalTaskRouterServer.start();
    server.router().putTask(workspaceSid, DEMO_TASK,
        "{\"type\":\"inbound\",\"customers\":{\"name\":\"Ada Lovelace\"}}");
    return server;
  }

  @Bean(destroyMethod = "close")
  FlexTokenEmulator tokenEmulator() {
    return FlexTokenEmulator.start();
  }

  /** iam.twilio.com (token validation) to the token emulator, every other host to TaskRouter's. */
  @Bean
  TwilioHttpClientCustomizer routeToTheEmulators(LocalTaskRouterServer taskRouter, FlexTokenEmulator iam) {
    return builder -> iam.route(builder, taskRouter);
  }

  @Bean
  ApplicationRunner tellHowToTryIt(Environment environment) {
    return args -> {
      String base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
      LOG.info("Emulators up. Attach a CRM ticket: curl -s -X POST -H 'Content-Type: application/json'"
          + " -d '{\"ticketId\":\"42\"}' {}/tasks/{}/tickets", base, DEMO_TASK);
      LOG.info("Twilio's callbacks: POST {}/flex-media/recording-callbacks?WorkspaceSid=...&TaskSid=..."
          + " (signed with the emulator's auth token); Flex Insights' player: GET"
          + " {}/flex-media/url-provider?recording=RE... with a Flex token", base, base);
    };
  }
}
