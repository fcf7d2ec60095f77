package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole path over real HTTP: a request to the application on a random port, the
 * auto-configured attacher, twilio-java's HTTP stack built from properties, the TaskRouter
 * emulator on loopback; then the metrics read back through Actuator's HTTP endpoint.
 */
@SpringBootTest(classes = EmulatorTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
class EndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  LocalTaskRouterServer emulator;

  @Autowired
  TaskRouterClient client;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void task() {
    emulator.router().putTask(WS, WT, "{\"customers\":{\"name\":\"Ada\"}}");
  }

  @Test
  void aRequestToTheApplicationAttachesMediaThroughTheRealTwilioStackAndIsMetered() throws Exception {
    int before = emulator.requestCount();
    HttpResponse<String> response = post("/tasks/" + WT + "/tickets",
        "{\"workspaceSid\":\"" + WS + "\",\"url\":\"https://crm.example.com/t/7\",\"title\":\"Ticket 7\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(JSON.readTree("{\"taskSid\":\"" + WT + "\",\"attempts\":1,\"changed\":true}"));
    assertThat(MediaAttributes.fromTaskAttributes(emulator.router().attributes(WS, WT)).taskMedia())
        .containsExactly(MediaLink.referenced("https://crm.example.com/t/7", "Ticket 7"));
    assertThat(emulator.router().attributes(WS, WT)).contains("\"customers\":{\"name\":\"Ada\"}");
    assertThat(emulator.requestCount() - before).as("one fetch and one update").isEqualTo(2);

    JsonNode metric = JSON.readTree(get(
        "/actuator/metrics/flex_media.taskrouter.requests?tag=operation:update&tag=outcome:success").body());
    assertThat(metric.at("/measurements/0/statistic").asText()).isEqualTo("COUNT");
    assertThat(metric.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aBadTaskSidIsA400ProblemNamingFieldAndRuleAndNotTheValue() throws Exception {
    int before = emulator.requestCount();
    HttpResponse<String> response = post("/tasks/WT-not-a-sid/tickets",
        "{\"workspaceSid\":\"" + WS + "\",\"url\":\"https://crm.example.com/t/7\",\"title\":\"Ticket 7\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("field").asText()).isEqualTo("taskSid");
    assertThat(problem.get("rule").asText()).isEqualTo("sid-format");
    assertThat(problem.get("detail").asText()).isEqualTo("'taskSid' breaks the rule 'sid-format'.");
    assertThat(problem.get("instance").asText()).isEqualTo("/tasks/%7BtaskSid%7D/tickets");
    assertThat(response.body()).doesNotContain("not-a-sid").doesNotContain("crm.example.com");
    assertThat(emulator.requestCount()).as("nothing sent").isEqualTo(before);
  }

  @Test
  void anUnknownTaskIsA404Problem() throws Exception {
    HttpResponse<String> response = post("/tasks/WT" + "e".repeat(32) + "/tickets",
        "{\"workspaceSid\":\"" + WS + "\",\"url\":\"https://crm.example.com/t/7\",\"title\":\"Ticket 7\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("kind").asText()).isEqualTo("not_found");
  }

  @Test
  void aTaskEveryAttemptFoundChangedIsA409Problem() throws Exception {
    // The attacher's 5 attempts (the default) each meet a 412.
    emulator.router().failNext(Operation.UPDATE, 5, Fault.conflict());
    HttpResponse<String> response = post("/tasks/" + WT + "/tickets",
        "{\"workspaceSid\":\"" + WS + "\",\"url\":\"https://crm.example.com/t/8\",\"title\":\"Ticket 8\"}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(response.body()).get("kind").asText()).isEqualTo("conflict");
  }

  @Test
  void theAutoConfiguredClientIsTimed() {
    assertThat(client.getClass().getSimpleName()).isEqualTo("MeteredTaskRouterClient");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
