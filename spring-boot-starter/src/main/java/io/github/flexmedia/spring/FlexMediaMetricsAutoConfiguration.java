package io.github.flexmedia.spring;

import io.github.flexmedia.spring.internal.Instrumentation;
import io.github.flexmedia.spring.internal.MicrometerInstrumentation;
import io.github.flexmedia.twilio.RateLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
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

  /**
   * Meters for every {@link RateLimiter} bean, tagged {@code limiter} with its bean name: {@code
   * flex_media.rate_limiter.rate} (the pace, requests/s), {@code .in_flight}, {@code
   * .pause_left} (seconds every caller still waits), and the counters {@code .rate_limited} (429s
   * answered) and {@code .pauses}.
   *
   * @param registry the application's registry
   * @param beans where the limiters are looked up, once every singleton exists
   * @return the registration, run when the context has started its singletons
   */
  @Bean
  public SmartInitializingSingleton flexMediaRateLimiterMeters(
      MeterRegistry registry, ListableBeanFactory beans) {
    return () -> {
      Map<String, RateLimiter> limiters = beans.getBeansOfType(RateLimiter.class, false, false);
      limiters.forEach((name, l) -> {
        String p = "flex_media.rate_limiter.";
        Gauge.builder(p + "rate", l, RateLimiter::rate).tag("limiter", name)
            .baseUnit("requests_per_second").register(registry);
        Gauge.builder(p + "in_flight", l, RateLimiter::inFlight).tag("limiter", name)
            .register(registry);
        Gauge.builder(p + "pause_left", l, x -> x.pauseLeft().toNanos() / 1e9)
            .tag("limiter", name).baseUnit("seconds").register(registry);
        FunctionCounter.builder(p + "rate_limited", l, RateLimiter::rateLimitedCount)
            .tag("limiter", name).register(registry);
        FunctionCounter.builder(p + "pauses", l, RateLimiter::pauseCount)
            .tag("limiter", name).register(registry);
      });
    };
  }
}
