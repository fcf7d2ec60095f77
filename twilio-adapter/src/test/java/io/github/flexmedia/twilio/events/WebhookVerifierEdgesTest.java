package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.TOKEN;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signatures at their edges: a JSON delivery whose body matches its bodySHA256 but whose signature
 * does not is refused; the default port may be written or not, with a query and a fragment kept;
 * a parameter sent without a value is signed as its name; and a repeated parameter without a
 * signature is refused for the missing signature.
 */
class WebhookVerifierEdgesTest {
  private final WebhookVerifier verifier = WebhookVerifier.of(TOKEN);

  @Test
  void aJsonBodyMatchingItsHashIsRefusedWhenTheSignatureIsForged() {
    String body = "[{\"type\":\"com.twilio.taskrouter.task.created\"}]";
    String url = TwilioSigner.withBodyHash("https://hooks.example.com/twilio/streams", body);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    assertThatCode(() -> verifier.verifyJson(url, bytes, TwilioSigner.sign(TOKEN, url, Map.of())))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verifyJson(url, bytes,
        TwilioSigner.sign("another-token-0123456789abcdef", url, Map.of())))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessageStartingWith("the X-Twilio-Signature header does not match the request");
  }

  @Test
  void aJsonDeliveryWithoutASignatureIsRefusedForTheMissingSignature() {
    assertThatThrownBy(() -> verifier.verifyJson("https://hooks.example.com/twilio/streams",
        new byte[0], null))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessage("the X-Twilio-Signature header is missing");
  }

  @Test
  void theDefaultPortMayBeWrittenOrNotWithTheQueryAndFragmentKept() {
    Map<String, List<String>> form = Map.of("EventType", List.of("task.created"));
    Map<String, String> single = Map.of("EventType", "task.created");
    String httpsWithPort = "https://hooks.example.com:443/twilio/taskrouter?tenant=7#part";
    String httpWithPort = "http://hooks.example.com:80/twilio/taskrouter?tenant=7";

    assertThatCode(() -> verifier.verifyForm("https://hooks.example.com/twilio/taskrouter?tenant=7#part",
        form, TwilioSigner.sign(TOKEN, httpsWithPort, single))).doesNotThrowAnyException();
    assertThatCode(() -> verifier.verifyForm("http://hooks.example.com/twilio/taskrouter?tenant=7",
        form, TwilioSigner.sign(TOKEN, httpWithPort, single))).doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verifyForm(
        "https://hooks.example.com/twilio/taskrouter?tenant=8#part", form,
        TwilioSigner.sign(TOKEN, httpsWithPort, single)))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void aParameterSentWithoutAValueIsSignedAsItsName() {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("EventType", List.of("task.created"));
    form.put("Empty", List.of());
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("EventType", "task.created");
    signed.put("Empty", "");
    String url = "https://hooks.example.com/twilio/taskrouter";

    assertThatCode(() -> verifier.verifyForm(url, form, TwilioSigner.sign(TOKEN, url, signed)))
        .doesNotThrowAnyException();
  }

  @Test
  void aRepeatedParameterWithoutASignatureIsRefusedForTheMissingSignature() {
    Map<String, List<String>> repeated = Map.of("Skill", List.of("a", "b"));

    assertThatThrownBy(() -> verifier.verifyForm("https://hooks.example.com/t", repeated, null))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessage("the X-Twilio-Signature header is missing");
    assertThatThrownBy(() -> verifier.verifyForm("https://hooks.example.com/t", repeated, " "))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessage("the X-Twilio-Signature header is blank");
  }
}
