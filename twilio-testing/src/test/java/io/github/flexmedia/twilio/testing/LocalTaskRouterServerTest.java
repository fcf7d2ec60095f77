package io.github.flexmedia.twilio.testing;

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

/** The emulator at the HTTP level, with the JDK's client: what twilio-java would see. */
@Timeout(30)
class LocalTaskRouterServerTest {
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final String WT = "WT0123456789abcdef0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();

  private LocalTaskRouterServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() {
    server = LocalTaskRouterServer.start();
    server.router().putTask(WS, WT, "{\"a\":1}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest.Builder request(String path, boolean auth) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10));
    if (auth) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (LocalTaskRouterServer.DEFAULT_ACCOUNT_SID + ":" + LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
              .getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aMissingTaskIsA404InTwiliosErrorShapeServedAsJson() throws Exception {
    HttpResponse<String> r = send(request("/v1/Workspaces/" + WS + "/Tasks/"
        + "WT00000000000000000000000000000009", true).GET().build());

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("code").asInt()).isEqualTo(20404);
    assertThat(body.get("message").asText()).isEqualTo("The requested resource was not found");
  }

  @Test
  void settingsReturnTheSameServerForChaining() {
    assertThat(server.latency(Duration.ZERO)).isSameAs(server);
    TokenBucket bucket = TokenBucket.of(50, 10);
    assertThat(server.router().rateLimit(bucket)).isSameAs(server.router());
    assertThat(bucket.taken()).isZero();
  }

  @Test
  void fetchAnswersTwilioShapedJsonWithAnEtag() throws Exception {
    HttpResponse<String> r = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true).GET().build());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("ETag")).contains("\"1\"");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("sid").asText()).isEqualTo(WT);
    assertThat(body.get("workspace_sid").asText()).isEqualTo(WS);
    assertThat(body.get("attributes").asText()).isEqualTo("{\"a\":1}");
    assertThat(body.get("assignment_status").asText()).isEqualTo("pending");
  }

  @Test
  void updateTakesFormEncodedAttributesAndHonoursIfMatch() throws Exception {
    String form = "Attributes=" + java.net.URLEncoder.encode("{\"b\":\"é & =\"}", StandardCharsets.UTF_8);
    HttpResponse<String> stale = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true)
        .header("Content-Type", "application/x-www-form-urlencoded").header("If-Match", "\"9\"")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    HttpResponse<String> ok = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true)
        .header("Content-Type", "application/x-www-form-urlencoded").header("If-Match", "\"1\"")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(stale.body()).get("status").asInt()).isEqualTo(412);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(server.router().attributes(WS, WT)).isEqualTo("{\"b\":\"é & =\"}");
  }

  @Test
  void refusesMissingAttributesUnknownPathsAndMissingCredentials() throws Exception {
    HttpResponse<String> noAttributes = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true)
        .POST(HttpRequest.BodyPublishers.ofString("Priority=1")).build());
    HttpResponse<String> unknown = send(request("/v1/Workspaces/" + WS + "/Workers", true).GET().build());
    HttpResponse<String> anonymous = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, false).GET().build());

    assertThat(noAttributes.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("code").asInt()).isEqualTo(20404);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).get("code").asInt()).isEqualTo(20003);
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void createAnswers201() throws Exception {
    HttpResponse<String> r = send(request("/v1/Workspaces/" + WS + "/Tasks", true)
        .POST(HttpRequest.BodyPublishers.ofString("WorkflowSid=WW0123456789abcdef0123456789abcdef&Attributes=%7B%7D")).build());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(server.router().taskCount()).isEqualTo(2);
  }

  @Test
  void rateLimitFaultCarriesRetryAfter() throws Exception {
    server.router().failNext(1, Fault.rateLimited(Duration.ofSeconds(4)));
    HttpResponse<String> r = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true).GET().build());
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).contains("4");
  }

  @Test
  void latencyDelaysEveryAnswer() throws Exception {
    server.latency(Duration.ofMillis(150));
    long start = System.nanoTime();
    send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true).GET().build());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  private HttpResponse<String> create(String form) throws Exception {
    return send(request("/v1/Workspaces/" + WS + "/Tasks", true)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  @Test
  void createHoldsTimeoutPriorityAndTaskChannelToTheirPublishedBounds() throws Exception {
    String ww = "WW0123456789abcdef0123456789abcdef";
    server.router().registerWorkflow(WS, ww);
    String base = "WorkflowSid=" + ww + "&Attributes=%7B%7D";

    assertThat(create(base + "&Timeout=1209600&Priority=2147483647&TaskChannel=chat").statusCode())
        .isEqualTo(201);
    for (String[] bad : new String[][] {
        {"&Timeout=1209601", "Timeout"}, {"&Timeout=0", "Timeout"}, {"&Timeout=x", "Timeout"},
        {"&Priority=-1", "Priority"}, {"&Priority=2147483648", "Priority"},
        {"&TaskChannel=my-channel", "TaskChannel"}}) {
      HttpResponse<String> r = create(base + bad[0]);
      assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("code").asInt()).isEqualTo(20001);
      assertThat(body.path("message").asText()).startsWith("Invalid " + bad[1]);
    }
    assertThat(create("Attributes=%7B%7D").statusCode()).as("only workflow omitted").isEqualTo(201);
    assertThat(create("WorkflowSid=WW00000000000000000000000000000009&Attributes=%7B%7D").statusCode())
        .as("unregistered workflow").isEqualTo(400);
    // the seeded task, and the two accepted creates
    assertThat(server.router().taskCount()).isEqualTo(3);
  }

  @Test
  void aStaleIfMatchAndWrongCredentialsAnswerTwiliosCodes() throws Exception {
    HttpResponse<String> stale = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true)
        .header("Content-Type", "application/x-www-form-urlencoded").header("If-Match", "\"9\"")
        .POST(HttpRequest.BodyPublishers.ofString("Attributes=%7B%7D")).build());
    HttpResponse<String> anonymous = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, false)
        .GET().build());

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(stale.body()).path("code").asInt()).isEqualTo(20412);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).path("code").asInt()).isEqualTo(20003);
    assertThat(JSON.readTree(anonymous.body()).path("message").asText()).isEqualTo("Authenticate");
  }

  @Test
  void aRateLimitWithoutRetryAfterSendsNoHeader() throws Exception {
    long[] now = {0};
    server.router().rateLimit(TokenBucket.of(1, 1, () -> now[0]).withoutRetryAfter());
    send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true).GET().build());

    HttpResponse<String> r = send(request("/v1/Workspaces/" + WS + "/Tasks/" + WT, true).GET().build());

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(r.body()).path("code").asInt()).isEqualTo(20429);
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void notFoundConflictAndRateLimitAnswerWithTwiliosMessages() throws Exception {
    String gone = "/v1/Workspaces/" + WS + "/Tasks/WT00000000000000000000000000000009";
    String task = "/v1/Workspaces/" + WS + "/Tasks/" + WT;
    HttpResponse<String> notFound = send(request(gone, true).GET().build());
    server.router().failNext(1, Fault.conflict());
    HttpResponse<String> conflict = send(request(task, true).GET().build());
    server.router().failNext(1, Fault.rateLimited());
    HttpResponse<String> limited = send(request(task, true).GET().build());

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(notFound.body()).path("message").asText())
        .isEqualTo("The requested resource was not found");
    assertThat(conflict.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(conflict.body()).path("message").asText())
        .isEqualTo("Task has been modified since the version specified by If-Match");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(limited.body()).path("message").asText()).isEqualTo("Too Many Requests");
  }
}
