package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code flex-media.queue.store=jdbc} in a running application, over real HTTP: a signed
 * recording callback answered 202 is a row in PostgreSQL (embedded, started by the test) before
 * the queue attaches it on the TaskRouter emulator; the store's meters read back through
 * Actuator; a store that cannot save answers 503, so that Twilio retries.
 */
@SpringBootTest(classes = {EmulatorTestApplication.class, FleetEndToEndTest.Database.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"flex-media.queue.store=jdbc", "flex-media.queue.jdbc.migrate=true"})
@ActiveProfiles("e2e")
@Timeout(120)
class FleetEndToEndTest {
  private static final Duration AT_MOST = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The application's DataSource: a pool on its own database. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Database {
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      return EmbeddedDatabase.fresh();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  LocalTaskRouterServer emulator;

  @Autowired
  DataSource db;

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port + pathAndQuery;
  }

  private static Map<String, String> completed(String recording) {
    Map<String, String> p = WebhooksEndToEndTest.completedRecording();
    p.put("RecordingSid", recording);
    p.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + recording);
    return p;
  }

  private long rows(String task, String status) {
    return EmbeddedDatabase.count(db, "SELECT count(*) FROM flex_media_attach WHERE task_sid = '"
        + task + "'" + (status == null ? "" : " AND status = '" + status + "'"));
  }

  private double metric(String nameAndTags) throws Exception {
    HttpResponse<String> r = Http.send(Http.request(url("/actuator/metrics/" + nameAndTags)).GET());
    assertThat(r.statusCode()).as(nameAndTags).isEqualTo(200);
    JsonNode m = JSON.readTree(r.body());
    return m.at("/measurements/0/value").asDouble();
  }

  @Test
  void anAcceptedCallbackIsARowThenAnAttachThenMeterValues() throws Exception {
    String task = "WT" + "a".repeat(32);
    String recording = "RE" + "1".repeat(32);
    emulator.router().putTask(WS, task, "{\"type\":\"inbound\"}");
    int requests = emulator.requestCount();

    HttpResponse<String> response = Http.signedForm(url(
        "/flex-media/recording-callbacks?WorkspaceSid=" + WS + "&TaskSid=" + task),
        completed(recording), TOKEN);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(rows(task, null)).as("committed before the 202").isEqualTo(1);
    await().atMost(AT_MOST).until(() -> rows(task, "ATTACHED") == 1);
    assertThat(MediaAttributes.fromTaskAttributes(emulator.router().attributes(WS, task)).taskMedia())
        .extracting(m -> ((MediaLink.VoiceRecording) m).url().toString()).containsExactly(
            "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + recording);
    assertThat(emulator.requestCount() - requests).as("one fetch, one update").isEqualTo(2);

    assertThat(metric("flex_media.attach?tag=outcome:attached")).isEqualTo(1);
    // The store's gauges are at most 5 seconds old.
    await().atMost(AT_MOST).until(() -> metric("flex_media.queue.pending") == 0);
    assertThat(metric("flex_media.queue.claimed")).isZero();
    assertThat(metric("flex_media.queue.expired_leases")).isZero();
    assertThat(metric("flex_media.queue.failed")).isZero();
    assertThat(metric("flex_media.queue.taken_over")).isZero();
  }

  @Test
  void aStoreThatCannotSaveAnswers503AndNothingIsAttached() throws Exception {
    String task = "WT" + "b".repeat(32);
    emulator.router().putTask(WS, task, "{}");
    int requests = emulator.requestCount();
    EmbeddedDatabase.update(db, "ALTER TABLE flex_media_attach RENAME TO flex_media_attach_away");
    try {
      HttpResponse<String> response = Http.signedForm(url(
          "/flex-media/recording-callbacks?WorkspaceSid=" + WS + "&TaskSid=" + task),
          completed("RE" + "2".repeat(32)), TOKEN);

      assertThat(response.statusCode()).as("Twilio retries a 503").isEqualTo(503);
    } finally {
      EmbeddedDatabase.update(db, "ALTER TABLE flex_media_attach_away RENAME TO flex_media_attach");
    }
    assertThat(rows(task, null)).isZero();
    assertThat(emulator.requestCount()).isEqualTo(requests);
  }
}
