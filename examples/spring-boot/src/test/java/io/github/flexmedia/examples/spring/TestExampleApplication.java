package io.github.flexmedia.examples.spring;

import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.spring.AutoConfigureFlexMediaEmulators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The example on the emulators, from the test class path only: {@code mvn spring-boot:test-run}
 * starts this {@code main}, which is {@link ExampleApplication}'s own {@code main} with {@link
 * LocalRun} added. The production jar holds neither this class nor the emulators.
 *
 * <pre>
 * mvn -B -pl examples/spring-boot -am spring-boot:test-run
 * </pre>
 */
public class TestExampleApplication {

  /** The task the emulator starts with, so that there is something to attach to. */
  static final String DEMO_TASK = "WT" + "0".repeat(31) + "1";

  private static final Logger LOG = LoggerFactory.getLogger(TestExampleApplication.class);

  /**
   * Starts the example against the emulators.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.from(ExampleApplication::main).with(LocalRun.class).run(args);
  }

  /**
   * The emulators ({@link AutoConfigureFlexMediaEmulators}) with a demo task, and a log line
   * saying how to try each endpoint with curl, including a supervisor's Flex token.
   */
  @TestConfiguration(proxyBeanMethods = false)
  @AutoConfigureFlexMediaEmulators
  static class LocalRun {

    /** The application's own TaskRouter emulator, seeded: the auto-configuration's backs off. */
    @Bean(destroyMethod = "close")
    LocalTaskRouterServer taskRouterEmulator(@Value("${example.workspace-sid}") String workspaceSid) {
      LocalTaskRouterServer server = LocalTaskRouterServer.start();
      server.router().putTask(workspaceSid, DEMO_TASK,
          "{\"type\":\"inbound\",\"customers\":{\"name\":\"Ada Lovelace\"}}");
      return server;
    }

    @Bean
    ApplicationRunner tellHowToTryIt(Environment environment, FlexTokenEmulator flexTokens) {
      return args -> {
        String base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        // The token goes to a file, not the log: even an emulator's token is not log material.
        Path tokenFile = Path.of("target", "supervisor-flex-token.txt").toAbsolutePath();
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, flexTokens.issue("supervisor@example.com", "supervisor"));
        LOG.info("Emulators up. Attach a CRM ticket:\n  curl -s -X POST -H 'Content-Type: application/json'"
            + " -d '{\"ticketId\":\"42\"}' {}/tasks/{}/tickets", base, DEMO_TASK);
        LOG.info("Play a recording as Flex Insights' player does, with a supervisor's Flex token"
            + " from the emulator (valid 1 hour):\n  curl -s -H 'Origin: https://flex.twilio.com'"
            + " -u \"token:$(cat {})\" '{}/flex-media/url-provider?recording=RE{}'",
            tokenFile, base, "a".repeat(32));
      };
    }
  }
}
