package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code url_provider} endpoint over real HTTP on a random port, called as the Flex Insights
 * player calls it (CORS preflight, then a GET with the Flex token), the token checked by the
 * token emulator through twilio-java, the cache's hits counted.
 */
@SpringBootTest(classes = EmulatorTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
@ExtendWith(OutputCaptureExtension.class)
class PlaybackEndToEndTest {
  private static final String FLEX = "https://flex.twilio.com";

  @LocalServerPort
  int port;

  @Autowired
  FlexTokenEmulator tokens;

  @Autowired
  MeterRegistry meters;

  @Autowired
  Environment environment;

  private HttpRequest.Builder provider(String recording) {
    return Http.request("http://127.0.0.1:" + port + "/flex-media/url-provider?recording=" + recording)
        .header("Origin", FLEX);
  }

  private static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString(("token:" + token).getBytes(StandardCharsets.UTF_8));
  }

  private double cache(String result) {
    return meters.get("flex_media.playback.token_cache").tag("result", result).functionCounter().count();
  }

  @Test
  void thePreflightIsAnsweredForFlexsOrigin() throws Exception {
    HttpResponse<String> preflight = Http.send(provider("RE1")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(FLEX);
  }

  @Test
  void aSupervisorsTokenGetsTheSignedUrlAndTheSecondAskIsACacheHit() throws Exception {
    String token = tokens.issue("ada@example.com", "supervisor");
    int validations = tokens.requestCount();
    double hits = cache("hit");

    HttpResponse<String> first = Http.send(provider("RE42").header("Authorization", basic(token)).GET());
    HttpResponse<String> second = Http.send(provider("RE42").header("Authorization", basic(token)).GET());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(first.body()).get("media_url").asText())
        .isEqualTo("https://media.example.com/RE42.wav?expires=300&sig=abc");
    assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains(FLEX);
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(tokens.requestCount() - validations).as("one validation at Twilio").isEqualTo(1);
    assertThat(cache("hit") - hits).isEqualTo(1);
  }

  @Test
  void anAgentIsRefusedAndNoTokenIsUnauthorized() throws Exception {
    String agent = tokens.issue("bob@example.com", "agent");

    assertThat(Http.send(provider("RE42").header("Authorization", basic(agent)).GET()).statusCode())
        .isEqualTo(403);
    HttpResponse<String> none = Http.send(provider("RE42").GET());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void theAccessLogNamesTheUserByAFingerprintKeyedWithTheDeploymentsAuthToken(CapturedOutput output)
      throws Exception {
    String agent = tokens.issue("carol@example.com", "agent");

    assertThat(Http.send(provider("RE43").header("Authorization", basic(agent)).GET()).statusCode())
        .isEqualTo(403);

    // PlaybackAudit.log(secret)'s documented key: HMAC-SHA256 of a fixed purpose under the secret.
    byte[] key = hmac(environment.getProperty("flex-media.twilio.auth-token")
        .getBytes(StandardCharsets.UTF_8), "flex-media playback log fingerprint v1");
    String expected = "fp:" + HexFormat.of().formatHex(hmac(key, "carol@example.com"), 0, 6);
    // The System.Logger line reaches the application's log through Spring Boot's logging system.
    assertThat(output.getAll().lines().filter(l -> l.contains("user=" + expected)))
        .singleElement().satisfies(line -> assertThat(line).contains("INFO", "playback FORBIDDEN 403"));
    assertThat(output.getAll()).doesNotContain("carol@example.com");
  }

  @Test
  void anotherOriginGetsNoCorsHeaders() throws Exception {
    HttpResponse<String> response = Http.send(
        Http.request("http://127.0.0.1:" + port + "/flex-media/url-provider?recording=RE42")
            .header("Origin", "https://evil.example.com").GET());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
