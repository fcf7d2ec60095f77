package io.github.flexmedia.spring;

import io.github.flexmedia.spring.internal.Instrumentation;
import io.github.flexmedia.spring.internal.MicrometerInstrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics for flex-media, when Micrometer is on the class path and the application has
 * a {@link MeterRegistry} (Spring Boot Actuator provides one). Meters are named {@code
 * flex_media.*}; see the README. No health indicator: one that called Twilio on every probe would
 * spend the account's rate limit on monitoring.
 *
 * <p>Switch off with {@code flex-media.metrics.enabled=false}.
 */
@AutoConfiguration(
    before = FlexMediaAutoConfiguration.class,
    afterName = {
      // Spring Boot 4 and Spring Boot 3.5: the MeterRegistry beans exist after these.
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "flex-media.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "flex-media.metrics.enabled", matchIfMissing = true)
public class FlexMediaMetricsAutoConfiguration {

  /** Created by Spring. */
  public FlexMediaMetricsAutoConfiguration() {}

  /**
   * The meters, recorded into the application's registry.
   *
   * @param registry the application's registry
   * @return the instrumentation the other flex-media beans report to
   */
  @Bean
  Instrumentation flexMediaInstrumentation(MeterRegistry registry) {
    return new MicrometerInstrumentation(registry);
  }
}
