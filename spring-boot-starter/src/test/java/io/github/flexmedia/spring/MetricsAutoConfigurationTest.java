package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.spring.internal.Instrumentation;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RateLimiter;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The conditions of {@link FlexMediaMetricsAutoConfiguration} and the meters it records. */
class MetricsAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          FlexMediaMetricsAutoConfiguration.class, FlexMediaAutoConfiguration.class))
      .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
          "flex-media.twilio.auth-token=" + TOKEN,
          "flex-media.attach.initial-backoff=0ms", "flex-media.attach.max-backoff=0ms");

  private LocalTaskRouterServer server;

  @BeforeEach
  void startEmulator() {
    server = Sids.taskRouter();
    server.router().putTask(WS, WT, "{}");
  }

  @AfterEach
  void stopEmulator() {
    server.close();
  }

  @Test
  void everyHttpRequestIsTimedByOperationAndOutcomeWith412sAnd429sCountedApart() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(TwilioHttpClientCustomizer.class, () -> Sids.routeTo(server))
        .run(context -> {
          server.router()
              .failNext(Operation.UPDATE, 1, Fault.conflict())
              .failNext(Operation.UPDATE, 1, Fault.rateLimited());

          context.getBean(MediaAttacher.class).attach(WS, WT, MediaAttributes.builder()
              .media(MediaLink.referenced("https://crm.example.com/t/1", "Ticket")).build());

          MeterRegistry registry = context.getBean(MeterRegistry.class);
          // fetch, update 412, fetch, update 429, update: five HTTP requests, five timings.
          assertThat(server.requestCount()).isEqualTo(5);
          assertThat(count(registry, "fetch", "success")).isEqualTo(2);
          assertThat(count(registry, "update", "conflict")).isEqualTo(1);
          assertThat(count(registry, "update", "rate_limited")).isEqualTo(1);
          assertThat(count(registry, "update", "success")).isEqualTo(1);
          assertThat(registry.get("flex_media.taskrouter.requests").timers())
              .allSatisfy(t -> assertThat(t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive());
        });
  }

  private static long count(MeterRegistry registry, String operation, String outcome) {
    return registry.get("flex_media.taskrouter.requests")
        .tag("operation", operation).tag("outcome", outcome).timer().count();
  }

  @Test
  void withoutAMeterRegistryBeanNothingIsMetered() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(Instrumentation.class);
      assertThat(context.getBean(TaskRouterClient.class)).isInstanceOf(TwilioTaskRouterClient.class);
    });
  }

  @Test
  void withoutMicrometerOnTheClassPathTheStarterStillWorks() {
    runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(Instrumentation.class);
      assertThat(context.getBean(TaskRouterClient.class)).isInstanceOf(TwilioTaskRouterClient.class);
    });
  }

  @Test
  void metricsCanBeSwitchedOff() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("flex-media.metrics.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(Instrumentation.class));
  }

  /** The application's {@link RateLimiter} bean paces the starter's attacher; its state is metered. */
  @Test
  void aRateLimitedWriteIsSeenByTheLimiterBeanAndItsMeters() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(TwilioHttpClientCustomizer.class, () -> Sids.routeTo(server))
        .withBean("accountLimiter", RateLimiter.class,
            () -> RateLimiter.adaptive(RateLimiter.DEFAULT_MAX_CONCURRENCY, Duration.ofMillis(200)))
        .run(context -> {
          RateLimiter limiter = context.getBean(RateLimiter.class);
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          server.router().failNext(Operation.UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(1)));

          context.getBean(MediaAttacher.class).attach(WS, WT, MediaAttributes.builder()
              .media(MediaLink.referenced("https://crm.example.com/t/1", "Ticket")).build());

          // fetch, update 429, (pause, capped at 200 ms) update: the 429 went through the bean.
          assertThat(server.requestCount()).isEqualTo(3);
          assertThat(limiter.rateLimitedCount()).isEqualTo(1);
          assertThat(limiterCounter(registry, "rate_limited")).isEqualTo(1.0);
          assertThat(limiterCounter(registry, "pauses")).isEqualTo(1.0);
          assertThat(limiterGauge(registry, "rate")).isEqualTo(limiter.rate()).isPositive();
          assertThat(limiterGauge(registry, "in_flight")).isZero();
          assertThat(limiterGauge(registry, "pause_left"))
              .isEqualTo(limiter.pauseLeft().toNanos() / 1e9, offset(0.2));
        });
  }

  @Test
  void withoutALimiterBeanNoLimiterIsMetered() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> assertThat(context.getBean(MeterRegistry.class)
            .find("flex_media.rate_limiter.rate").gauges()).isEmpty());
  }

  private static double limiterCounter(MeterRegistry registry, String name) {
    return registry.get("flex_media.rate_limiter." + name).tag("limiter", "accountLimiter")
        .functionCounter().count();
  }

  private static double limiterGauge(MeterRegistry registry, String name) {
    return registry.get("flex_media.rate_limiter." + name).tag("limiter", "accountLimiter")
        .gauge().value();
  }

  @Test
  void theApplicationsOwnTaskRouterClientIsNotWrapped() {
    io.github.flexmedia.twilio.testing.InMemoryTaskRouter own =
        new io.github.flexmedia.twilio.testing.InMemoryTaskRouter();
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(TaskRouterClient.class, () -> own)
        .run(context -> assertThat(context.getBean(TaskRouterClient.class)).isSameAs(own));
  }
}
