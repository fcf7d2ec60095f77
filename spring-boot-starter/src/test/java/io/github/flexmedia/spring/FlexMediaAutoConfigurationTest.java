package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every condition of {@link FlexMediaAutoConfiguration}, one context per case. */
class FlexMediaAutoConfigurationTest {
  private static final MediaAttributes TICKET = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/tickets/42", "Ticket 42"))
      .build();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          FlexMediaMetricsAutoConfiguration.class, FlexMediaAutoConfiguration.class));

  private LocalTaskRouterServer server;

  @BeforeEach
  void startEmulator() {
    server = Sids.taskRouter();
    server.router().putTask(WS, WT, "{\"routing\":{\"skill\":\"billing\"}}");
  }

  @AfterEach
  void stopEmulator() {
    server.close();
  }

  private ApplicationContextRunner withCredentials() {
    return runner
        .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
            "flex-media.twilio.auth-token=" + TOKEN)
        .withBean(TwilioHttpClientCustomizer.class, () -> Sids.routeTo(server));
  }

  @Test
  void credentialsFromPropertiesGiveAClientThatWritesTheTaskOverHttp() {
    withCredentials().run(context -> {
      assertThat(context).hasSingleBean(TaskRouterClient.class).hasSingleBean(MediaAttacher.class);
      assertThat(context.getBean(TaskRouterClient.class)).isInstanceOf(TwilioTaskRouterClient.class);

      context.getBean(MediaAttacher.class).attach(WS, WT, TICKET);

      assertThat(server.router().attributes(WS, WT))
          .contains("\"skill\":\"billing\"").contains("crm.example.com/tickets/42");
      assertThat(server.requestCount()).as("one fetch, one update").isEqualTo(2);
    });
  }

  @Test
  void thePropertiesClientDoesNotRetryARateLimitBehindTheAttachersBack() {
    withCredentials()
        .withPropertyValues("flex-media.attach.max-attempts=1")
        .run(context -> {
          server.router().failNext(Operation.UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(1)));

          assertThatThrownBy(() -> context.getBean(MediaAttacher.class).attach(WS, WT, TICKET))
              .isInstanceOf(RateLimitedException.class);
          // Apache's default retry strategy would have slept 1 s and sent the update again.
          assertThat(server.requestCount()).isEqualTo(2);
        });
  }

  @Test
  void thePropertiesClientSendsAnUpdateAnswered503Once() {
    withCredentials()
        .withPropertyValues("flex-media.attach.max-attempts=1")
        .run(context -> {
          server.router().failNext(Operation.UPDATE, 1, Fault.unavailable());

          assertThatThrownBy(() -> context.getBean(MediaAttacher.class).attach(WS, WT, TICKET))
              .isInstanceOf(TaskRouterException.class);
          // On twilio-java's default NetworkHttpClient, Apache's retry strategy sends it again
          // (measured: 3 requests with the starter's client swapped for it).
          assertThat(server.requestCount()).as("one fetch, one update").isEqualTo(2);
        });
  }

  @Test
  void anApiKeyIsUsedInsteadOfTheAuthTokenWhenSet() {
    String key = "SK" + "a".repeat(32);
    try (LocalTaskRouterServer keyed =
        LocalTaskRouterServer.start(new InMemoryTaskRouter(), key, "key-secret")) {
      keyed.router().putTask(WS, WT, "{}");
      runner
          .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
              "flex-media.twilio.api-key=" + key, "flex-media.twilio.api-secret=key-secret")
          .withBean(TwilioHttpClientCustomizer.class, () -> Sids.routeTo(keyed))
          .run(context -> {
            context.getBean(MediaAttacher.class).attach(WS, WT, TICKET);
            assertThat(keyed.router().attributes(WS, WT)).contains("tickets/42");
          });
    }
  }

  @Test
  void anExistingTwilioRestClientBeanIsUsedAndNoCredentialPropertiesAreNeeded() {
    runner.withBean(TwilioRestClient.class, server::restClient).run(context -> {
      context.getBean(MediaAttacher.class).attach(WS, WT, TICKET);
      assertThat(server.router().attributes(WS, WT)).contains("tickets/42");
    });
  }

  @Test
  void theApplicationsTaskRouterClientWinsAndTheAttacherUsesIt() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    runner.withBean(TaskRouterClient.class, () -> router).run(context -> {
      assertThat(context).hasSingleBean(TaskRouterClient.class);
      assertThat(context.getBean(TaskRouterClient.class)).isSameAs(router);
      context.getBean(MediaAttacher.class).attach(WS, WT, TICKET);
      assertThat(router.attributes(WS, WT)).contains("tickets/42");
    });
  }

  @Test
  void theApplicationsMediaAttacherWins() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    MediaAttacher own = MediaAttacher.builder(router).build();
    runner.withBean(MediaAttacher.class, () -> own).withBean(TaskRouterClient.class, () -> router)
        .run(context -> assertThat(context.getBean(MediaAttacher.class)).isSameAs(own));
  }

  @Test
  void theApplicationsMediaPolicyWinsOverThePolicyProperties() {
    MediaPolicy own = MediaPolicy.builder().allowHosts("own.example.com").build();
    runner.withBean(MediaPolicy.class, () -> own)
        .withBean(TaskRouterClient.class, InMemoryTaskRouter::new)
        .withPropertyValues("flex-media.policy.allowed-hosts=crm.example.com")
        .run(context -> assertThat(context.getBean(MediaPolicy.class)).isSameAs(own));
  }

  @Test
  void flexMediaEnabledFalseConfiguresNothing() {
    withCredentials().withPropertyValues("flex-media.enabled=false").run(context ->
        assertThat(context).doesNotHaveBean(TaskRouterClient.class)
            .doesNotHaveBean(MediaAttacher.class).doesNotHaveBean(MediaPolicy.class));
  }

  @Test
  void attachPropertiesReachTheAttacher() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT,
        "{\"conversations\":{\"media\":[{\"type\":\"Referenced\",\"url\":\"https://old.example.com/1\",\"title\":\"Old\"}]}}");
    runner.withBean(TaskRouterClient.class, () -> router)
        .withPropertyValues("flex-media.attach.merge-mode=replace", "flex-media.attach.max-attempts=2",
            "flex-media.attach.initial-backoff=0ms", "flex-media.attach.max-backoff=0ms")
        .run(context -> {
          MediaAttacher attacher = context.getBean(MediaAttacher.class);
          attacher.attach(WS, WT, TICKET);
          assertThat(router.attributes(WS, WT)).doesNotContain("old.example.com").contains("tickets/42");

          router.failNext(Operation.UPDATE, 3, Fault.conflict());
          MediaAttributes other = MediaAttributes.builder()
              .media(MediaLink.referenced("https://crm.example.com/tickets/43", "Ticket 43")).build();
          assertThatThrownBy(() -> attacher.attach(WS, WT, other))
              .isInstanceOfSatisfying(TaskConflictException.class,
                  e -> assertThat(e.attempts()).isEqualTo(2));
        });
  }

  @Test
  void policyPropertiesRefuseOtherHostsBeforeAnythingIsSent() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    runner.withBean(TaskRouterClient.class, () -> router)
        .withPropertyValues("flex-media.policy.allowed-hosts=records.example.com")
        .run(context -> {
          assertThatThrownBy(() -> context.getBean(MediaAttacher.class).attach(WS, WT, TICKET))
              .isInstanceOf(InvalidMediaException.class)
              .hasMessageContaining("conversations.media[0].url");
          assertThat(router.calls()).isEmpty();
        });
  }

  @Test
  void theInsecureHttpOptInReachesThePolicy() {
    runner.withBean(TaskRouterClient.class, InMemoryTaskRouter::new)
        .withPropertyValues("flex-media.policy.allow-insecure-http=true")
        .run(context -> assertThat(context.getBean(MediaPolicy.class).allowsInsecureHttp()).isTrue());
    runner.withBean(TaskRouterClient.class, InMemoryTaskRouter::new)
        .run(context -> assertThat(context.getBean(MediaPolicy.class)).isEqualTo(MediaPolicy.strict()));
  }

  @Test
  void theHipaaSwitchMakesTheAttacherRefuseDroppedInsightsFieldsBeforeAnyRequest() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    router.clearCalls();
    io.github.flexmedia.MediaAttributes media = io.github.flexmedia.MediaAttributes.builder()
        .insights(io.github.flexmedia.InsightsData.builder()
            .custom("customers.email", "jane@example.com").custom("crm_id", "7").build())
        .build();
    runner.withBean(TaskRouterClient.class, () -> router)
        .withPropertyValues("flex-media.hipaa=true")
        .run(context -> {
          assertThat(context.getBean(MediaPolicy.class).isHipaa()).isTrue();
          assertThatThrownBy(() -> context.getBean(MediaAttacher.class).attach(WS, WT, media))
              .isInstanceOf(InvalidMediaException.class)
              .hasMessageContaining("customers.email, crm_id")
              .hasMessageContaining("hipaa-preserved-list");
          assertThat(router.calls()).isEmpty();
        });
    runner.withBean(TaskRouterClient.class, InMemoryTaskRouter::new)
        .run(context -> assertThat(context.getBean(MediaPolicy.class).isHipaa()).isFalse());
  }
}
