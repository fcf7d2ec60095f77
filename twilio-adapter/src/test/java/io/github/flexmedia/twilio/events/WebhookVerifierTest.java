package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.SECONDARY;
import static io.github.flexmedia.twilio.events.Callbacks.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.FlexMediaException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerifierTest {
  private static final String URL = "https://hooks.example.com:8443/twilio/recording?WorkspaceSid=WS1&TaskSid=WT1";
  private final WebhookVerifier verifier = WebhookVerifier.of(TOKEN);

  @Test
  void acceptsARequestSignedAsTwilioSignsIt() {
    Map<String, String> params = Callbacks.recording();
    assertThatCode(() -> verifier.verify(URL, params, TwilioSigner.sign(TOKEN, URL, params)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AccountSid", "CallSid", "RecordingSid", "RecordingStatus",
      "RecordingStartTime", "RecordingChannels", "ErrorCode"})
  void refusesAnyAlteredParameter(String name) {
    Map<String, String> params = Callbacks.recording();
    String signature = TwilioSigner.sign(TOKEN, URL, params);
    Map<String, String> altered = new HashMap<>(params);
    altered.put(name, params.get(name) + "1");

    assertThatThrownBy(() -> verifier.verify(URL, altered, signature))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void aForgedRequestIsBadInputNamingTheHeader() {
    Map<String, String> params = Callbacks.recording();

    assertThatThrownBy(() -> verifier.verify(URL, params, "c2lnbmF0dXJl"))
        .isInstanceOfSatisfying(FlexMediaException.class,
            e -> assertThat(e.where()).isEqualTo("X-Twilio-Signature"))
        .isInstanceOf(WebhookSignatureException.class)
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnAddedOrRemovedParameter() {
    Map<String, String> params = Callbacks.recording();
    String signature = TwilioSigner.sign(TOKEN, URL, params);
    Map<String, String> added = new HashMap<>(params);
    added.put("TaskSid", Callbacks.WT);
    Map<String, String> removed = new HashMap<>(params);
    removed.remove("RecordingSource");

    assertThatThrownBy(() -> verifier.verify(URL, added, signature))
        .isInstanceOf(WebhookSignatureException.class);
    assertThatThrownBy(() -> verifier.verify(URL, removed, signature))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://hooks.example.com:8443/twilio/recording?WorkspaceSid=WS1&TaskSid=WT1",
      "https://hooks.example.org:8443/twilio/recording?WorkspaceSid=WS1&TaskSid=WT1",
      "https://hooks.example.com:9443/twilio/recording?WorkspaceSid=WS1&TaskSid=WT1",
      "https://hooks.example.com/twilio/recording?WorkspaceSid=WS1&TaskSid=WT1",
      "https://hooks.example.com:8443/twilio/recordings?WorkspaceSid=WS1&TaskSid=WT1",
      "https://hooks.example.com:8443/twilio/recording?WorkspaceSid=WS1&TaskSid=WT2",
      "https://hooks.example.com:8443/twilio/recording"})
  void refusesAnotherUrlSchemeHostPortPathOrQuery(String other) {
    Map<String, String> params = Callbacks.recording();
    String signature = TwilioSigner.sign(TOKEN, URL, params);
    assertThatThrownBy(() -> verifier.verify(other, params, signature))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void acceptsTheDefaultPortWrittenOrNotAsTwilioJavaDoes() {
    Map<String, String> params = Callbacks.recording();
    String signedWithPort = TwilioSigner.sign(TOKEN, "https://hooks.example.com:443/r", params);
    String signedWithout = TwilioSigner.sign(TOKEN, "https://hooks.example.com/r", params);

    assertThatCode(() -> verifier.verify("https://hooks.example.com/r", params, signedWithPort))
        .doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify("https://hooks.example.com:443/r", params, signedWithout))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsTheSecondaryTokenDuringRotationAndNoOther() {
    Map<String, String> params = Callbacks.recording();
    WebhookVerifier both = verifier.withSecondaryToken(SECONDARY);

    assertThatCode(() -> both.verify(URL, params, TwilioSigner.sign(SECONDARY, URL, params)))
        .doesNotThrowAnyException();
    assertThatCode(() -> both.verify(URL, params, TwilioSigner.sign(TOKEN, URL, params)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verify(URL, params, TwilioSigner.sign(SECONDARY, URL, params)))
        .isInstanceOf(WebhookSignatureException.class);
    assertThatThrownBy(() -> both.verify(URL, params, TwilioSigner.sign("another-token", URL, params)))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void missingOrBlankSignatureIsRefusedWithItsOwnMessage() {
    Map<String, String> params = Callbacks.recording();
    assertThatThrownBy(() -> verifier.verify(URL, params, null))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessage("the X-Twilio-Signature header is missing");
    assertThatThrownBy(() -> verifier.verify(URL, params, "  "))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessage("the X-Twilio-Signature header is blank");
  }

  @Test
  void messagesHoldNoRequestDataNorToken() {
    Map<String, String> params = Callbacks.recording();
    String forged = TwilioSigner.sign("attacker", URL, params);
    assertThatThrownBy(() -> verifier.verify(URL, params, forged))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
            .doesNotContain(Callbacks.AC, Callbacks.RE, "WorkspaceSid=", "/twilio/recording",
                "hooks.example.com", TOKEN, forged, "completed"));
    org.assertj.core.api.Assertions.assertThat(verifier.withSecondaryToken(SECONDARY).toString())
        .isEqualTo("WebhookVerifier[tokens=2]").doesNotContain(TOKEN, SECONDARY);
  }

  @Test
  void blankTokensAreRefused() {
    assertThatThrownBy(() -> WebhookVerifier.of(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authToken");
    assertThatThrownBy(() -> verifier.withSecondaryToken(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secondaryToken");
  }

  @Test
  void jsonBodiesAreCheckedThroughBodySha256() {
    String body = "[{\"type\":\"com.twilio.taskrouter.reservation.wrapup\"}]";
    String url = TwilioSigner.withBodyHash("https://hooks.example.com/events", body);
    String signature = TwilioSigner.sign(TOKEN, url, Map.of());

    assertThatCode(() -> verifier.verifyJson(url, body, signature)).doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verifyJson(url, body.replace("wrapup", "created"), signature))
        .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("does not match");
    String unhashed = "https://hooks.example.com/events";
    assertThatThrownBy(() -> verifier.verifyJson(unhashed, body, TwilioSigner.sign(TOKEN, unhashed, Map.of())))
        .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("bodySHA256");
    assertThatThrownBy(() -> verifier.verifyJson("https://hooks example", body, signature))
        .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("not a valid URI");
    assertThatThrownBy(() -> verifier.verifyJson(url, body, null))
        .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("missing");
  }
}
