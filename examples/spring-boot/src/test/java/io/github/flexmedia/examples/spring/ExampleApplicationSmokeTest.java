package io.github.flexmedia.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the example the way {@code mvn spring-boot:test-run} does ({@link
 * TestExampleApplication}: the application's own main with the emulators added) on a free port,
 * and uses it over HTTP as the CRM, Twilio and the Flex Insights player would.
 */
class ExampleApplicationSmokeTest {
  private static final String WS = "WS00000000000000000000000000000001";
  private static final String ACCOUNT = "AC00000000000000000000000000000000";
  private static final String RECORDING = "RE" + "a".repeat(32);
  private static final String CALL = "CA" + "d".repeat(32);
  private static final String RECORDING_URL =
      "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ConfigurableApplicationContext app;
  private static String base;
  private static LocalTaskRouterServer taskRouter;

  @BeforeAll
  static void start() {
    app = SpringApplication.from(ExampleApplication::main).with(TestExampleApplication.LocalRun.class)
        .run("--server.port=0", "--server.address=127.0.0.1").getApplicationContext();
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    taskRouter = app.getBean(LocalTaskRouterServer.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCrmTicketIsAttachedThroughTheApplicationsController() throws Exception {
    String task = "WT" + "b".repeat(32);
    taskRouter.router().putTask(WS, task, "{\"customers\":{\"name\":\"Ada Lovelace\"}}");

    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/tasks/" + task + "/tickets"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"42\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(response.body()).get("changed").asBoolean()).isTrue();
    String attributes = taskRouter.router().attributes(WS, task);
    assertThat(MediaAttributes.fromTaskAttributes(attributes).taskMedia()).containsExactly(
        MediaLink.referenced("https://crm.example.com/tickets/42", "Ticket 42"));
    assertThat(attributes).contains("\"customers\":{\"name\":\"Ada Lovelace\"}");
  }

  @Test
  void aBadTaskSidIsA400ProblemNamingTheFieldAndTheRule() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/tasks/WT42/tickets"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"42\"}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    var problem = new ObjectMapper().readTree(response.body());
    assertThat(problem.get("field").asText()).isEqualTo("taskSid");
    assertThat(problem.get("rule").asText()).isEqualTo("sid-format");
    assertThat(response.body()).doesNotContain("WT42");
  }

  @Test
  void theDemoTaskIsSeededAndASupervisorTokenWasWrittenForCurl() throws Exception {
    assertThat(taskRouter.router().attributes(WS, TestExampleApplication.DEMO_TASK))
        .contains("Ada Lovelace");
    String token = java.nio.file.Files.readString(
        java.nio.file.Path.of("target", "supervisor-flex-token.txt")).trim();
    HttpResponse<String> play = play(token);
    assertThat(play.statusCode()).isEqualTo(200);
  }

  @Test
  void aSignedRecordingCallbackPutsAUrlProviderRecordingOnTheTaskAndASupervisorCanPlayIt()
      throws Exception {
    String task = "WT" + "c".repeat(32);
    taskRouter.router().putTask(WS, task, "{}");
    String pathAndQuery = "/flex-media/recording-callbacks?WorkspaceSid=" + WS + "&TaskSid=" + task;
    // Twilio signs the URL it calls: flex-media.webhooks.public-url, before any proxy.
    String signed = "https://recordings.example.com" + pathAndQuery;
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", ACCOUNT);
    form.put("CallSid", CALL);
    form.put("RecordingSid", RECORDING);
    form.put("RecordingUrl", RECORDING_URL);
    form.put("RecordingStatus", "completed");
    form.put("RecordingChannels", "2");
    form.put("RecordingDuration", "42");
    form.put("RecordingStartTime", "Sat, 28 Nov 2026 10:15:30 +0000");

    HttpResponse<String> forged = post(base + pathAndQuery, signed, form, "not-the-auth-token");
    HttpResponse<String> callback =
        post(base + pathAndQuery, signed, form, LocalTaskRouterServer.DEFAULT_AUTH_TOKEN);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(callback.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(MediaAttributes.fromTaskAttributes(taskRouter.router().attributes(WS, task)).taskMedia())
            .containsExactly(MediaLink.voiceRecordingViaProvider(
                    "https://recordings.example.com/flex-media/url-provider?recording=" + RECORDING)
                .startTime(Instant.parse("2026-11-28T10:15:30Z"))
                .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS).build()));

    String token = app.getBean(FlexTokenEmulator.class).issue("sup@example.com", "supervisor");
    HttpResponse<String> play = play(token);
    assertThat(play.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(play.body()).get("media_url").asText())
        .startsWith("https://storage.example.com/recordings/" + RECORDING + ".wav?expires=");
  }

  /** Plays the recording as the Flex Insights player does: Basic "token:" + the Flex token. */
  private static HttpResponse<String> play(String flexToken) throws Exception {
    return send(HttpRequest.newBuilder(
            URI.create(base + "/flex-media/url-provider?recording=" + RECORDING))
        .header("Origin", "https://flex.twilio.com")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("token:" + flexToken).getBytes(StandardCharsets.UTF_8))));
  }

  private static HttpResponse<String> post(String url, String signedUrl, Map<String, String> form,
      String signingToken) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", sign(signingToken, signedUrl, form))
        .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")))));
  }

  /** Base64(HMAC-SHA1(token, URL + every parameter sorted by name, name then value)). */
  private static String sign(String token, String url, Map<String, String> params) throws Exception {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
