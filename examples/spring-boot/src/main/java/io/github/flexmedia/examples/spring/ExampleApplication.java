package io.github.flexmedia.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot service on flex-media-spring-boot-starter. With the {@code emulators} profile it
 * starts a TaskRouter emulator on loopback and needs no Twilio account:
 *
 * <pre>
 * java -jar examples/spring-boot/target/flex-media-spring-boot-example.jar --spring.profiles.active=emulators
 * </pre>
 *
 * <p>Without it, it reads {@code TWILIO_ACCOUNT_SID} and {@code TWILIO_AUTH_TOKEN} (see
 * application.yml) and talks to Twilio.
 */
@SpringBootApplication
public class ExampleApplication {

  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments, e.g. {@code --spring.profiles.active=emulators}
   */
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }
}
