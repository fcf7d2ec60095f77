package io.github.flexmedia.twilio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Twilio's token validation as the emulator answers it over HTTP (Twilio, "Secure Playback of
 * Recordings from Custom Storage": {@code POST /v1/Accounts/{AC}/Tokens/validate}, JSON {@code
 * {"token": …}}, basic auth), called with the JDK client, requests counted.
 */
@Timeout(30)
class FlexTokenEmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FlexTokenEmulator emulator = FlexTokenEmulator.start();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void close() {
    emulator.close();
  }

  private HttpRequest validate(String token) {
    String basic = Base64.getEncoder().encodeToString((FlexTokenEmulator.DEFAULT_ACCOUNT_SID + ":"
        + FlexTokenEmulator.DEFAULT_AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + emulator.port() + "/v1/Accounts/"
            + FlexTokenEmulator.DEFAULT_ACCOUNT_SID + "/Tokens/validate"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aValidTokenIs200WithTheUserAndAnUnknownOneTheRefusalStatus() throws Exception {
    String token = emulator.issue("ada@example.com", "supervisor");
    emulator.answerRefusalsWith(403);

    HttpResponse<String> valid = send(validate(token));
    HttpResponse<String> unknown = send(validate(token + "x"));

    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(valid.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode user = JSON.readTree(valid.body());
    assertThat(user.get("valid").booleanValue()).isTrue();
    assertThat(user.get("identity").textValue()).isEqualTo("ada@example.com");
    assertThat(user.get("worker_sid").textValue()).isEqualTo(FlexTokenEmulator.workerSid("ada@example.com"));
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(unknown.body()).get("valid").booleanValue()).isFalse();
    assertThat(emulator.requestCount()).isEqualTo(2);
  }

  @Test
  void everyTokenIsNewEvenForTheSameUser() {
    assertThat(emulator.issue("ada@example.com", "supervisor"))
        .isNotEqualTo(emulator.issue("ada@example.com", "supervisor"));
  }

  @Test
  void aWorkerSidIsWkAnd32HexDigitsOfItsIdentity() {
    assertThat(FlexTokenEmulator.workerSid("ada@example.com")).matches("WK[0-9a-f]{32}")
        .isEqualTo(FlexTokenEmulator.workerSid("ada@example.com"))
        .isNotEqualTo(FlexTokenEmulator.workerSid("bob@example.com"));
  }

  @Test
  void injectedFailuresAnswerExactlyTheNextCountOfRequests() throws Exception {
    String token = emulator.issue("ada@example.com", "supervisor");
    emulator.failNext(2, 503);

    assertThat(send(validate(token)).statusCode()).isEqualTo(503);
    assertThat(send(validate(token)).statusCode()).isEqualTo(503);
    assertThat(send(validate(token)).statusCode()).isEqualTo(200);
    assertThat(send(validate(token)).statusCode()).isEqualTo(200);
  }

  @Test
  void anInjected429CarriesTwiliosRateLimitCode() throws Exception {
    emulator.failNext(1, 429);

    HttpResponse<String> limited = send(validate(emulator.issue("ada@example.com", "supervisor")));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(limited.body()).get("code").intValue()).isEqualTo(20429);
  }

  @Test
  void refusalsMayBeAnsweredWithTheStatusesTwilioHasBeenSeenToUse() throws Exception {
    String unknown = "not-issued";
    for (int status : new int[] {400, 401, 403, 200}) {
      emulator.answerRefusalsWith(status);
      assertThat(send(validate(unknown)).statusCode()).isEqualTo(status);
    }
    assertThatThrownBy(() -> emulator.answerRefusalsWith(500))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHeldRequestIsAnsweredWhenResumed() throws Exception {
    String token = emulator.issue("ada@example.com", "supervisor");
    emulator.hold();

    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(validate(token), HttpResponse.BodyHandlers.ofString());
    while (emulator.requestCount() < 1) {
      Thread.sleep(5); // waiting for the request to arrive, not for a time to pass
    }
    assertThat(pending).isNotDone();
    emulator.resume();

    assertThat(pending.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void closingReleasesHeldRequestsAndStopsListening() throws Exception {
    String token = emulator.issue("ada@example.com", "supervisor");
    emulator.hold();
    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(validate(token), HttpResponse.BodyHandlers.ofString());
    while (emulator.requestCount() < 1) {
      Thread.sleep(5);
    }

    long start = System.nanoTime();
    emulator.close();

    // A held request is let go at once (else close would wait out its 30 s hold).
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThatThrownBy(() -> send(validate(token))).isInstanceOf(IOException.class);
    pending.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
  }
}
