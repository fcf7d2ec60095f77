package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.events.WebhookSignatureException;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.spring.AutoConfigureFlexMediaEmulators;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code @AutoConfigureFlexMediaEmulators} runs an application's starter beans against the
 * emulators as production builds them: the starter's own client from {@code flex-media.twilio.*}
 * (the emulators' credentials, whatever the application's files say), routed to the emulators.
 */
class EmulatorsAnnotationTest {
  private static final String WS = Sids.WS;
  private static final String WT = Sids.WT;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @AutoConfigureFlexMediaEmulators
  static class App {}

  private static ConfigurableApplicationContext start() {
    // An application whose own files name real credentials, one not even resolvable in tests.
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(
        "--flex-media.twilio.account-sid=${TWILIO_ACCOUNT_SID}",
        "--flex-media.twilio.auth-token=${TWILIO_AUTH_TOKEN}",
        "--flex-media.twilio.api-key=SK" + "1".repeat(32),
        "--flex-media.twilio.api-secret=production-secret");
  }

  @Test
  void theStartersOwnClientAttachesOnTheTaskRouterEmulatorInTwoRequests() {
    try (ConfigurableApplicationContext app = start()) {
      LocalTaskRouterServer taskRouter = app.getBean(LocalTaskRouterServer.class);
      taskRouter.router().putTask(WS, WT, "{\"team\":\"kept\"}");

      assertThat(app.getBeanNamesForType(TwilioRestClient.class))
          .containsExactly("flexMediaTwilioRestClient");
      app.getBean(MediaAttacher.class).attach(WS, WT, MediaAttributes.builder()
          .media(MediaLink.referenced("https://crm.example.com/t/1", "Ticket")).build());

      assertThat(taskRouter.requestCount()).isEqualTo(2);
      assertThat(taskRouter.router().task(WS, WT).orElseThrow().attributesJson()).contains("\"team\":\"kept\"",
          "https://crm.example.com/t/1");
    }
  }

  @Test
  void theStartersValidatorAsksTheTokenEmulatorOnce() {
    try (ConfigurableApplicationContext app = start()) {
      FlexTokenEmulator tokens = app.getBean(FlexTokenEmulator.class);

      assertThat(app.getBean(FlexTokenValidator.class)
          .validate(tokens.issue("sup@example.com", "supervisor")).roles()).contains("supervisor");
      assertThat(tokens.requestCount()).isEqualTo(1);
      assertThat(app.getBean(LocalTaskRouterServer.class).requestCount()).isZero();
    }
  }

  @Test
  void theStartersVerifierChecksSignaturesMadeWithTheEmulatorsAuthToken() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      WebhookVerifier verifier = app.getBean(WebhookVerifier.class);
      String url = "https://hooks.example.com/cb";
      Map<String, String> form = Map.of("CallSid", "CA" + "1".repeat(32));
      String data = url + "CallSid" + form.get("CallSid");

      verifier.verify(url, form, sign(LocalTaskRouterServer.DEFAULT_AUTH_TOKEN, data));
      assertThatThrownBy(() -> verifier.verify(url, form, sign("production-token", data)))
          .isInstanceOf(WebhookSignatureException.class);
    }
  }

  private static String sign(String token, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
