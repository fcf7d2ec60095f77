package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RateLimiter;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The application's {@link RateLimiter} bean paces the starter's attacher, and its state is on
 * the application's meter registry: the limiter's own readings, tagged with the bean's name.
 */
@Timeout(60)
class RateLimiterMetersTest {
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
  void aRateLimitedWriteIsSeenByTheLimiterBeanAndItsMeters() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(TwilioHttpClientCustomizer.class, () -> Sids.routeTo(server))
        .withBean("accountLimiter", RateLimiter.class,
            () -> RateLimiter.builder().maxPause(Duration.ofMillis(200)).build())
        .run(context -> {
          RateLimiter limiter = context.getBean(RateLimiter.class);
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          server.router().failNext(Operation.UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(1)));

          context.getBean(MediaAttacher.class).attach(WS, WT, MediaAttributes.builder()
              .media(MediaLink.referenced("https://crm.example.com/t/1", "Ticket")).build());

          // fetch, update 429, (pause, capped at 200 ms) update: the 429 went through the bean.
          assertThat(server.requestCount()).isEqualTo(3);
          assertThat(limiter.rateLimitedCount()).isEqualTo(1);
          assertThat(counter(registry, "rate_limited")).isEqualTo(1.0);
          assertThat(counter(registry, "pauses")).isEqualTo(1.0);
          assertThat(gauge(registry, "rate")).isEqualTo(limiter.rate()).isPositive();
          assertThat(gauge(registry, "in_flight")).isZero();
          assertThat(gauge(registry, "pause_left"))
              .isEqualTo(limiter.pauseLeft().toNanos() / 1e9, org.assertj.core.data.Offset.offset(0.2));
        });
  }

  @Test
  void withoutALimiterBeanNoLimiterIsMetered() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> assertThat(context.getBean(MeterRegistry.class)
            .find("flex_media.rate_limiter.rate").gauges()).isEmpty());
  }

  private static double counter(MeterRegistry registry, String name) {
    return registry.get("flex_media.rate_limiter." + name).tag("limiter", "accountLimiter")
        .functionCounter().count();
  }

  private static double gauge(MeterRegistry registry, String name) {
    return registry.get("flex_media.rate_limiter." + name).tag("limiter", "accountLimiter")
        .gauge().value();
  }
}
