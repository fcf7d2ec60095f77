package io.github.flexmedia.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot service on flex-media-spring-boot-starter. It reads {@code TWILIO_ACCOUNT_SID} and
 * {@code TWILIO_AUTH_TOKEN} (see application.yml) and talks to Twilio. To run it locally against
 * the emulators, with no account, use the test class path's {@code TestExampleApplication}:
 *
 * <pre>
 * mvn -B -pl examples/spring-boot -am spring-boot:test-run
 * </pre>
 */
@SpringBootApplication
public class ExampleApplication {

  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }
}
