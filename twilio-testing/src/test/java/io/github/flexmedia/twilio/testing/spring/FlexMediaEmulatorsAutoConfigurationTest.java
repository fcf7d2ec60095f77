package io.github.flexmedia.twilio.testing.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.events.WebhookSignatureException;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.FlexUser;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The annotation brings the emulators, and a client and verifier that work against them. */
class FlexMediaEmulatorsAutoConfigurationTest {
  private static final String WS = "WS" + "0".repeat(31) + "1";
  private static final String WT = "WT" + "0".repeat(31) + "2";

  @Configuration(proxyBeanMethods = false)
  @AutoConfigureFlexMediaEmulators
  static class Annotated {}

  @Test
  void theAnnotationImportsTheEmulatorsAndTheClientReachesBothOfThem() {
    new ApplicationContextRunner().withUserConfiguration(Annotated.class).run(context -> {
      assertThat(context).hasNotFailed();
      LocalTaskRouterServer taskRouter = context.getBean(LocalTaskRouterServer.class);
      FlexTokenEmulator tokens = context.getBean(FlexTokenEmulator.class);
      TwilioRestClient client = context.getBean(TwilioRestClient.class);
      taskRouter.router().putTask(WS, WT, "{\"a\":1}");

      assertThat(new TwilioTaskRouterClient(client).fetchTask(WS, WT).attributesJson())
          .isEqualTo("{\"a\":1}");
      assertThat(taskRouter.requestCount()).isEqualTo(1);

      FlexUser user = FlexTokenValidator.twilio(client)
          .validate(tokens.issue("sup@example.com", "supervisor"));
      assertThat(user.roles()).contains("supervisor");
      assertThat(tokens.requestCount()).isEqualTo(1);
    });
  }

  @Test
  void theVerifierAcceptsWhatTheEmulatorsTokenSignedAndNothingElse() throws Exception {
    new ApplicationContextRunner().withUserConfiguration(Annotated.class).run(context -> {
      WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
      String url = "https://hooks.example.com/cb";
      Map<String, String> form = Map.of("CallSid", "CA" + "1".repeat(32));
      verifier.verify(url, form, sign(LocalTaskRouterServer.DEFAULT_AUTH_TOKEN, url + "CallSid" + form.get("CallSid")));
      assertThatThrownBy(() -> verifier.verify(url, form, sign("another", url + "CallSid" + form.get("CallSid"))))
          .isInstanceOf(WebhookSignatureException.class);
    });
  }

  @Test
  void aTestsOwnEmulatorIsUsedInsteadOfANewOne() {
    try (LocalTaskRouterServer own = LocalTaskRouterServer.start()) {
      new ApplicationContextRunner().withUserConfiguration(Annotated.class)
          .withBean(LocalTaskRouterServer.class, () -> own)
          .run(context -> assertThat(context.getBean(LocalTaskRouterServer.class)).isSameAs(own));
    }
  }

  private static String sign(String token, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
