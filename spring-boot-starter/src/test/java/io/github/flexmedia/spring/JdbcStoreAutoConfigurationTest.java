package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.jdbc.AttachStoreException;
import io.github.flexmedia.jdbc.JdbcAttachStore;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.events.PendingAttachStore;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.flexmedia.spring.properties.QueueProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * {@code flex-media.queue.store=jdbc} on a real PostgreSQL (embedded, started by the test): the
 * store on the application's {@code DataSource}, its migration, its meters, and the startup
 * failures when the {@code DataSource} or the jar is missing.
 */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
class JdbcStoreAutoConfigurationTest {
  private static final Duration AT_MOST = Duration.ofSeconds(30);
  private static final String TABLES = "SELECT count(*) FROM information_schema.tables"
      + " WHERE table_name IN ('flex_media_attach', 'flex_media_attach_task')";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          FlexMediaMetricsAutoConfiguration.class, FlexMediaAutoConfiguration.class))
      .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
          "flex-media.twilio.auth-token=" + TOKEN,
          "flex-media.attach.initial-backoff=0ms", "flex-media.attach.max-backoff=0ms");

  private LocalTaskRouterServer server;
  private HikariDataSource db;

  @BeforeEach
  void start() {
    server = Sids.taskRouter();
    db = EmbeddedDatabase.fresh();
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  private ApplicationContextRunner jdbc(String... properties) {
    return runner.withBean(DataSource.class, () -> db)
        .withBean(TwilioHttpClientCustomizer.class, () -> Sids.routeTo(server))
        .withPropertyValues("flex-media.queue.store=jdbc")
        .withPropertyValues(properties);
  }

  private static MediaAttributes link(String url) {
    return MediaAttributes.builder().media(MediaLink.referenced(url, "Case")).build();
  }

  private String status(String id) {
    return EmbeddedDatabase.count(db, "SELECT count(*) FROM flex_media_attach WHERE id = '" + id
        + "' AND status = 'ATTACHED'") == 1 ? "ATTACHED" : "other";
  }

  @Test
  void theQueueKeepsItsAttachesInTheApplicationsDataSourceMigratedAtStartup() {
    jdbc("flex-media.queue.jdbc.migrate=true").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(PendingAttachStore.class)).isInstanceOf(JdbcAttachStore.class);
      assertThat(EmbeddedDatabase.count(db, TABLES)).as("created at startup").isEqualTo(2);
      server.router().putTask(WS, WT, "{\"customers\":{\"name\":\"Ada\"}}");
      AttachQueue queue = context.getBean(AttachQueue.class);

      PendingAttach attach = PendingAttach.of(WS, WT, link("https://crm.example.com/c/1"),
          Instant.now().plus(Duration.ofMinutes(2)));
      assertThat(queue.offer(attach)).isTrue();

      assertThat(EmbeddedDatabase.count(db,
          "SELECT count(*) FROM flex_media_attach WHERE id = '" + attach.id() + "'"))
          .as("saved before offer returned").isEqualTo(1);
      await().atMost(AT_MOST).until(() -> status(attach.id()).equals("ATTACHED"));
      assertThat(server.router().attributes(WS, WT))
          .contains("crm.example.com/c/1").contains("\"name\":\"Ada\"");
      assertThat(server.requestCount()).as("one fetch, one update").isEqualTo(2);
    });
  }

  @Test
  void theQueueStartsWithTheApplicationAndDoesWhatAnotherInstanceLeft() {
    JdbcAttachStore left = JdbcAttachStore.builder(db).build();
    left.migrate();
    server.router().putTask(WS, WT, "{}");
    PendingAttach attach = PendingAttach.of(WS, WT, link("https://crm.example.com/c/9"),
        Instant.now().plus(Duration.ofMinutes(2)));
    left.save(attach);

    jdbc("flex-media.queue.jdbc.poll-interval=100ms").run(context -> {
      assertThat(context).hasNotFailed();
      // no webhook, nothing asks for the queue: it polls the table from startup
      await().atMost(AT_MOST).until(() -> status(attach.id()).equals("ATTACHED"));
      assertThat(server.router().attributes(WS, WT)).contains("crm.example.com/c/9");
    });
  }

  @Test
  void theMetersCountPendingClaimedExpiredTakenOverAndFailedFromTheTable() {
    String crashed = "WT" + "7".repeat(32);
    String waiting = "WT" + "8".repeat(32);
    String refused = "WT" + "9".repeat(32);
    // A poll far away: the queue claims only when an offer tells it to, so the test sees the
    // expired lease before the queue takes it over.
    jdbc("flex-media.queue.jdbc.migrate=true", "flex-media.queue.jdbc.poll-interval=1h",
        "flex-media.policy.allowed-hosts=crm.example.com")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          server.router().putTask(WS, crashed, "{}");
          server.router().putTask(WS, waiting, "{}");
          server.router().putTask(WS, refused, "{}");
          PendingAttachStore store = context.getBean(PendingAttachStore.class);
          Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
          // Another instance claimed two attaches of one task and died; a third attach waits.
          store.save(PendingAttach.of(WS, crashed, link("https://crm.example.com/c/1"), deadline));
          store.save(PendingAttach.of(WS, crashed, link("https://crm.example.com/c/2"), deadline));
          assertThat(store.claim("crashed-instance", 1, Duration.ofHours(1))).hasSize(1);
          store.save(PendingAttach.of(WS, waiting, link("https://crm.example.com/c/3"), deadline));
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          AttachQueue queue = context.getBean(AttachQueue.class);

          assertThat(gauge(meters, "flex_media.queue.pending")).isEqualTo(3);
          assertThat(gauge(meters, "flex_media.queue.claimed")).isEqualTo(2);
          assertThat(gauge(meters, "flex_media.queue.failed")).isZero();
          // The dead instance's lease runs out (moved, not waited for: no timing in the test).
          assertThat(EmbeddedDatabase.update(db, "UPDATE flex_media_attach_task"
              + " SET available_at = now() - interval '1 second' WHERE task_sid = '" + crashed + "'"))
              .isEqualTo(1);
          // The gauges' counts are up to 5 seconds old: the next fresh answer shows the expiry.
          await().atMost(AT_MOST).until(() -> gauge(meters, "flex_media.queue.expired_leases") == 1);
          assertThat(gauge(meters, "flex_media.queue.claimed")).isZero();
          assertThat(meters.get("flex_media.queue.taken_over").functionCounter().count()).isZero();

          // A link off the policy: its attach fails (nothing sent), and is kept FAILED.
          int requests = server.requestCount();
          assertThat(queue.offer(PendingAttach.of(WS, refused, link("https://elsewhere.example.org/4"),
              deadline))).isTrue();

          await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(gauge(meters, "flex_media.queue.pending")).isZero();
            assertThat(gauge(meters, "flex_media.queue.failed")).isEqualTo(1);
          });
          assertThat(meters.get("flex_media.queue.taken_over").functionCounter().count())
              .as("the dead instance's claim, once").isEqualTo(1);
          assertThat(gauge(meters, "flex_media.queue.claimed")).isZero();
          assertThat(gauge(meters, "flex_media.queue.expired_leases")).isZero();
          assertThat(server.router().attributes(WS, crashed))
              .contains("crm.example.com/c/1").contains("crm.example.com/c/2");
          assertThat(server.router().attributes(WS, waiting)).contains("crm.example.com/c/3");
          assertThat(server.router().attributes(WS, refused)).isEqualTo("{}");
          assertThat(server.requestCount() - requests).as("a fetch and an update per written task")
              .isEqualTo(4);
          assertThat(meters.get("flex_media.attach").tag("outcome", "failed").counter().count())
              .isEqualTo(1);
        });
  }

  private static double gauge(MeterRegistry meters, String name) {
    return meters.get(name).gauge().value();
  }

  @Test
  void withoutMigrateTheTablesAreTheApplicationsToCreate() {
    jdbc().run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(EmbeddedDatabase.count(db, TABLES)).isZero();
      AttachQueue queue = context.getBean(AttachQueue.class);
      assertThatThrownBy(() -> queue.offer(PendingAttach.of(WS, WT, link("https://crm.example.com/c/1"),
          Instant.now().plus(Duration.ofMinutes(2)))))
          .as("the webhook answers 503").isInstanceOf(AttachStoreException.class)
          .hasMessageContaining("save");
    });
  }

  @Test
  void memoryStaysTheDefaultEvenWithADataSource() {
    runner.withBean(DataSource.class, () -> db)
        .withBean(TwilioHttpClientCustomizer.class, () -> Sids.routeTo(server))
        .withPropertyValues("flex-media.queue.jdbc.migrate=true")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(PendingAttachStore.class);
          server.router().putTask(WS, WT, "{}");
          assertThat(context.getBean(AttachQueue.class).offer(PendingAttach.of(WS, WT,
              link("https://crm.example.com/c/1"), Instant.now().plus(Duration.ofMinutes(2)))))
              .isTrue();
          await().atMost(AT_MOST).untilAsserted(() -> assertThat(
              server.router().attributes(WS, WT)).contains("crm.example.com/c/1"));
          assertThat(EmbeddedDatabase.count(db, TABLES)).as("the database untouched").isZero();
        });
  }

  @Test
  void jdbcWithoutADataSourceStopsStartupNamingTheProperty() {
    runner.withPropertyValues("flex-media.queue.store=jdbc").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(FlexMediaConfigurationException.class)
          .hasMessageStartingWith("flex-media.queue.store is jdbc but the application has no "
              + "single DataSource bean. Add spring-boot-starter-jdbc");
    });
  }

  @Test
  void jdbcWithoutTheJarStopsStartupNamingTheDependency() {
    jdbc().withClassLoader(new FilteredClassLoader(JdbcAttachStore.class)).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(FlexMediaConfigurationException.class)
          .hasMessage("flex-media.queue.store is jdbc but flex-media-jdbc is not on the class path."
              + " Add the dependency io.github.flexmedia:flex-media-jdbc (its version from"
              + " flex-media-bom), or set flex-media.queue.store=memory.");
    });
  }

  @Test
  void outOfRangeValuesStopStartupNamingTheProperty() {
    jdbc("flex-media.queue.jdbc.poll-interval=0s").run(context -> assertThat(
        context.getStartupFailure()).rootCause().isInstanceOf(FlexMediaConfigurationException.class)
        .hasMessageStartingWith("flex-media.queue.jdbc.poll-interval must be positive"));
    jdbc("flex-media.queue.jdbc.retention=-1s").run(context -> assertThat(
        context.getStartupFailure()).rootCause().isInstanceOf(FlexMediaConfigurationException.class)
        .hasMessageStartingWith("flex-media.queue.jdbc.retention is out of range"));
    jdbc("flex-media.queue.lease=10ms").run(context -> assertThat(
        context.getStartupFailure()).rootCause().isInstanceOf(FlexMediaConfigurationException.class)
        .hasMessageStartingWith("flex-media.queue.lease is out of range"));
  }

  @Test
  void theReadmesFleetYamlStartsAStoreOnTheDataSource() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher yaml = Pattern.compile("```yaml\n(flex-media:\n  queue:\n.*?)```", Pattern.DOTALL)
        .matcher(readme);
    assertThat(yaml.find()).as("the fleet's yaml block").isTrue();
    List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("README",
        new ByteArrayResource(yaml.group(1).getBytes(StandardCharsets.UTF_8)));

    runner.withBean(DataSource.class, () -> db)
        .withInitializer(c -> sources.forEach(c.getEnvironment().getPropertySources()::addFirst))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(PendingAttachStore.class)).isInstanceOf(JdbcAttachStore.class)
              .hasToString("JdbcAttachStore[retention=PT24H]");
          assertThat(EmbeddedDatabase.count(db, TABLES)).isEqualTo(2);
          QueueProperties q = context.getBean(QueueProperties.class);
          assertThat(q.getLease()).isEqualTo(Duration.ofSeconds(60));
          assertThat(q.getJdbc().getPollInterval()).isEqualTo(Duration.ofSeconds(1));
        });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  @Test
  void springBootsFailureReportSaysWhatToDo(CapturedOutput output) {
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> app.run("--flex-media.queue.store=jdbc",
        "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(FlexMediaConfigurationException.class);

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("flex-media could not start: flex-media.queue.store is jdbc but the application "
            + "has no single DataSource bean.")
        .contains("or set flex-media.queue.store=memory.");
  }
}
