package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * The Spring Boot on the test class path is the one the build asked for ({@code
 * -Dspring-boot.version=3.5.7} switches it), so a green run on 3.5 is a measurement, not a guess.
 */
class SpringBootVersionTest {

  @Test
  void theTestsRunOnTheSpringBootTheBuildAskedFor() {
    assertThat(System.getProperty("expected.spring-boot.version")).as("set by the POM").isNotBlank();
    assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("expected.spring-boot.version"));
  }
}
