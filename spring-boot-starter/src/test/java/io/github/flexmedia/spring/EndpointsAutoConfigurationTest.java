package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.spring.properties.PlaybackProperties;
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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import jakarta.servlet.http.HttpServlet;

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
  void theProblemDetailsAdviceIsThereUnlessSwitchedOffOrTheApplicationBringsItsOwn() {
    FlexMediaProblemDetails own = new FlexMediaProblemDetails();
    web.run(context -> assertThat(context.getBean(FlexMediaProblemDetails.class))
        .isInstanceOf(FlexMediaProblemDetails.class));
    web.withPropertyValues("flex-media.problem-details.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(FlexMediaProblemDetails.class));
    web.withBean(FlexMediaProblemDetails.class, () -> own)
        .run(context -> assertThat(context.getBean(FlexMediaProblemDetails.class)).isSameAs(own));
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
    PlaybackProperties playback = new PlaybackProperties();
    assertThat(playback.getAllowedOrigins()).isEqualTo(RecordingUrlProvider.DEFAULT_ALLOWED_ORIGINS);
    assertThat(playback.getAllowedRoles()).as("empty: Flex Insights' own rule").isEmpty();
  }

  @Test
  void theSynchronousBudgetAndThePublicUrlReachTheEndpoint() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(Sids.WS, Sids.WT, "{}");
    web.withBean(TaskRouterClient.class, () -> router)
        .withPropertyValues("flex-media.webhooks.recording-callbacks.enabled=true",
            "flex-media.webhooks.synchronous-budget=5s",
            "flex-media.webhooks.public-url=https://hooks.example.com")
        .run(context -> {
          HttpServlet servlet = (HttpServlet) ((ServletRegistrationBean<?>)
              context.getBean("flexMediaRecordingCallbacksEndpoint")).getServlet();
          String query = "WorkspaceSid=" + Sids.WS + "&TaskSid=" + Sids.WT;
          Map<String, String> form = new java.util.LinkedHashMap<>();
          form.put("AccountSid", ACCOUNT);
          form.put("CallSid", "CA" + "1".repeat(32));
          form.put("RecordingSid", "RE" + "2".repeat(32));
          form.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT
              + "/Recordings/RE" + "2".repeat(32));
          form.put("RecordingStatus", "completed");
          form.put("RecordingChannels", "1");
          MockHttpServletRequest request = new MockHttpServletRequest("POST", "/flex-media/recording-callbacks");
          request.setQueryString(query);
          request.setContentType("application/x-www-form-urlencoded");
          request.setContent(form.entrySet().stream()
              .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
              .collect(java.util.stream.Collectors.joining("&")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          // Signed for the public URL, not for the http://localhost the server sees.
          request.addHeader("X-Twilio-Signature", Http.twilioSignature(TOKEN,
              "https://hooks.example.com/flex-media/recording-callbacks?" + query, form));
          MockHttpServletResponse response = new MockHttpServletResponse();

          servlet.service(request, response);

          assertThat(response.getStatus()).as("synchronous: answered once the write landed").isEqualTo(200);
          assertThat(router.attributes(Sids.WS, Sids.WT)).contains("RE" + "2".repeat(32));
        });
  }
}
