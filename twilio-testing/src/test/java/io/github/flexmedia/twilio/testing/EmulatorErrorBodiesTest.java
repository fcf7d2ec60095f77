package io.github.flexmedia.twilio.testing;

import static io.github.flexmedia.twilio.testing.InMemoryTaskRouterTest.WS;
import static io.github.flexmedia.twilio.testing.InMemoryTaskRouterTest.WT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator's error bodies carry the message of Twilio's error dictionary for each status. */
@Timeout(60)
class EmulatorErrorBodiesTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private LocalTaskRouterServer server;

  @BeforeEach
  void start() {
    server = LocalTaskRouterServer.start();
    server.router().putTask(WS, WT, "{}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode get(String taskSid, int status) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + server.port() + "/v1/Workspaces/" + WS + "/Tasks/" + taskSid))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (LocalTaskRouterServer.DEFAULT_ACCOUNT_SID + ":" + LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(status);
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void notFoundConflictAndRateLimitAnswerWithTwiliosMessages() throws Exception {
    assertThat(get("WT00000000000000000000000000000009", 404).path("message").asText())
        .isEqualTo("The requested resource was not found");
    server.router().failNext(1, Fault.conflict());
    assertThat(get(WT, 412).path("message").asText())
        .isEqualTo("Task has been modified since the version specified by If-Match");
    server.router().failNext(1, Fault.rateLimited());
    assertThat(get(WT, 429).path("message").asText()).isEqualTo("Too Many Requests");
  }
}
