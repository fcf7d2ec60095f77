package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.PlaybackAuthorizer;
import io.github.flexmedia.twilio.playback.RecordingResolver;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** The endpoints' conditions and the beans behind them. */
class EndpointsAutoConfigurationTest {
  private static final RecordingResolver RESOLVER =
      (id, user) -> Optional.of("https://media.example.com/" + id + "?sig=x");

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FlexMediaAutoConfiguration.class,
          FlexMediaEndpointsAutoConfiguration.class))
      .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
          "flex-media.twilio.auth-token=" + TOKEN);

  @SuppressWarnings("rawtypes")
  private static Map<String, ServletRegistrationBean> endpoints(
      org.springframework.context.ApplicationContext context) {
    return context.getBeansOfType(ServletRegistrationBean.class);
  }

  @Test
  void everyEndpointIsOffByDefaultAndNoLazyBeanIsMade() {
    web.withBean(RecordingResolver.class, () -> RESOLVER).run(context -> {
      assertThat(endpoints(context)).isEmpty();
      // Defined, but lazy: nothing made them, so no queue thread runs and no token is checked.
      assertThat(context.getBeanFactory().containsSingleton("flexMediaAttachQueue")).isFalse();
      assertThat(context.getBeanFactory().containsSingleton("flexMediaTokenValidator")).isFalse();
    });
  }

  @Test
  void eachPropertySwitchesItsEndpointOnAtItsDefaultPath() {
    web.withBean(RecordingResolver.class, () -> RESOLVER)
        .withBean(TaskRouterEventMedia.class, () -> event -> Optional.empty())
        .withPropertyValues("flex-media.webhooks.recording-callbacks.enabled=true",
            "flex-media.webhooks.taskrouter-events.enabled=true",
            "flex-media.playback.url-provider.enabled=true")
        .run(context -> assertThat(endpoints(context).values())
            .extracting(r -> r.getUrlMappings().iterator().next())
            .containsExactlyInAnyOrder("/flex-media/recording-callbacks",
                "/flex-media/taskrouter-events", "/flex-media/url-provider"));
  }

  @Test
  void pathsAreConfigurable() {
    web.withPropertyValues("flex-media.webhooks.recording-callbacks.enabled=true",
            "flex-media.webhooks.recording-callbacks.path=/twilio/recordings")
        .run(context -> assertThat(endpoints(context).values())
            .extracting(r -> r.getUrlMappings().iterator().next())
            .containsExactly("/twilio/recordings"));
  }

  @Test
  void aWildcardPathIsRefusedByName() {
    web.withPropertyValues("flex-media.webhooks.recording-callbacks.enabled=true",
            "flex-media.webhooks.recording-callbacks.path=/twilio/*")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(FlexMediaConfigurationException.class)
            .hasMessageStartingWith("flex-media.webhooks.recording-callbacks.path must be an exact path"));
  }

  @Test
  void taskRouterEventsWithoutTheApplicationsMappingFailAtStartup() {
    web.withPropertyValues("flex-media.webhooks.taskrouter-events.enabled=true")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageStartingWith("flex-media.webhooks.taskrouter-events.enabled is true but the "
                + "application defines no TaskRouterEventMedia bean."));
  }

  @Test
  void theUrlProviderWithoutARecordingResolverFailsAtStartup() {
    web.withPropertyValues("flex-media.playback.url-provider.enabled=true")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageStartingWith("flex-media.playback.url-provider.enabled is true but the "
                + "application defines no RecordingResolver bean."));
  }

  @Test
  void webhooksWithoutAnAuthTokenFailAtStartupNamingIt() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FlexMediaAutoConfiguration.class,
            FlexMediaEndpointsAutoConfiguration.class))
        .withBean(TaskRouterClient.class, InMemoryTaskRouter::new)
        .withPropertyValues("flex-media.webhooks.recording-callbacks.enabled=true")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(FlexMediaConfigurationException.class)
            .hasMessageStartingWith("flex-media.twilio.auth-token is not set."));
  }

  @Test
  void outsideAServletApplicationNoEndpointIsRegistered() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FlexMediaAutoConfiguration.class,
            FlexMediaEndpointsAutoConfiguration.class))
        .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
            "flex-media.twilio.auth-token=" + TOKEN,
            "flex-media.webhooks.recording-callbacks.enabled=true")
        .run(context -> assertThat(endpoints(context)).isEmpty());
  }

  @Test
  void theApplicationsBeansWin() {
    WebhookVerifier verifier = WebhookVerifier.of("another-token");
    AttachQueue queue = AttachQueue.builder(new InMemoryTaskRouter()).build();
    FlexTokenValidator validator = token -> {
      throw new AssertionError("not called");
    };
    RecordingUrlProvider provider = RecordingUrlProvider.builder(validator, RESOLVER).build();
    try {
      web.withBean(WebhookVerifier.class, () -> verifier)
          .withBean(AttachQueue.class, () -> queue)
          .withBean(FlexTokenValidator.class, () -> validator)
          .withBean(RecordingUrlProvider.class, () -> provider)
          .run(context -> {
            assertThat(context.getBean(WebhookVerifier.class)).isSameAs(verifier);
            assertThat(context.getBean(AttachQueue.class)).isSameAs(queue);
            assertThat(context.getBean(FlexTokenValidator.class)).isSameAs(validator);
            assertThat(context.getBean(RecordingUrlProvider.class)).isSameAs(provider);
          });
    } finally {
      queue.shutdown(java.time.Duration.ZERO);
    }
  }

  @Test
  void noRecordingResolverMeansNoProvider() {
    web.run(context -> assertThat(context).doesNotHaveBean(RecordingUrlProvider.class));
  }

  @Test
  void theQueueIsShutDownWithTheContext() {
    AttachQueue[] made = new AttachQueue[1];
    web.run(context -> made[0] = context.getBean(AttachQueue.class));
    assertThat(made[0].offer(io.github.flexmedia.twilio.events.PendingAttach.of(Sids.WS, Sids.WT,
        io.github.flexmedia.MediaAttributes.empty(), java.time.Instant.now().plusSeconds(60))))
        .as("a shut queue refuses work").isFalse();
  }

  @Test
  void theDefaultsAreTheLibrarys() {
    FlexMediaProperties.Playback playback = new FlexMediaProperties().getPlayback();
    assertThat(playback.getAllowedOrigins()).isEqualTo(RecordingUrlProvider.DEFAULT_ALLOWED_ORIGINS);
    assertThat(playback.getAllowedRoles()).isEqualTo(PlaybackAuthorizer.DEFAULT_ROLES);
  }
}
