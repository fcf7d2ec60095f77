package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.TOKEN;
import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static io.github.flexmedia.twilio.events.Callbacks.WT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.LogCapture;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each reason a webhook is refused reaches the operator's log (the first of a minute, with the
 * reason, never the request's content), each failure of the application's own code is logged with
 * its type, and an empty answer from the media function writes nothing.
 */
@Timeout(60)
class WebhookRefusalReasonsTest {
  private static final String URL = "https://hooks.example.com/twilio/taskrouter";
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final AttachQueue queue = AttachQueue.builder(router).build();

  @AfterEach
  void stop() {
    queue.shutdown(Duration.ofMillis(200));
  }

  private WebhookHandler verified(UnaryOperator<WebhookHandler.Builder> b) {
    return b.apply(WebhookHandler.builder(queue).verifier(WebhookVerifier.of(TOKEN))).build();
  }

  private static WebhookRequest signedForm(Map<String, String> form) {
    return new WebhookRequest("POST", URL, Map.of(
        "Content-Type", List.of("application/x-www-form-urlencoded"),
        "X-Twilio-Signature", List.of(TwilioSigner.sign(TOKEN, URL, form))),
        TwilioSigner.form(form).getBytes(StandardCharsets.UTF_8));
  }

  /** The handler's answer to {@code request}, and what it logged. */
  private static List<String> logOf(WebhookHandler handler, WebhookRequest request, int status) {
    try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
      assertThat(handler.handle(request).status()).isEqualTo(status);
      return log.lines();
    }
  }

  @Test
  void aSignatureThatDoesNotMatchIsLoggedAsRefused() {
    Map<String, String> form = Callbacks.wrapup(WT);
    WebhookRequest signed = signedForm(form);
    WebhookRequest altered = new WebhookRequest("POST", URL, signed.headers(),
        TwilioSigner.form(Map.of("EventType", "task.canceled")).getBytes(StandardCharsets.UTF_8));

    assertThat(logOf(verified(b -> b), altered, 403)).hasSize(1).first().asString()
        .startsWith("WARNING webhook refused: ");
  }

  @Test
  void aMissingSignatureIsLoggedAsRefusedWithItsReason() {
    WebhookRequest unsigned = new WebhookRequest("POST", URL,
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), new byte[0]);

    assertThat(logOf(verified(b -> b), unsigned, 403)).containsExactly(
        "WARNING webhook refused: the X-Twilio-Signature header is missing or blank");
  }

  @Test
  void anInvalidUrlIsLoggedAsRefused() {
    WebhookRequest bad = new WebhookRequest("POST", "https://hooks.example.com/a b", Map.of(),
        new byte[0]);

    assertThat(logOf(verified(b -> b), bad, 400)).containsExactly(
        "WARNING webhook refused: the request URL is not a valid URI");
  }

  @Test
  void aSignedFormThatIsNeitherCallbackIsLoggedAsRefused() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", Callbacks.AC);

    assertThat(logOf(verified(b -> b), signedForm(form), 400)).containsExactly(
        "WARNING webhook refused: neither a recording status callback nor a TaskRouter event");
  }

  @Test
  void aSignedEventWithAMalformedParameterIsLoggedAsRefused() {
    Map<String, String> form = Callbacks.wrapup(WT);
    form.put("WorkspaceSid", "not-a-sid");

    assertThat(logOf(verified(b -> b.onTaskRouterEvent(e -> Optional.of(CRM))), signedForm(form), 400))
        .hasSize(1).first().asString().startsWith("WARNING webhook refused: ")
        .doesNotContain("not-a-sid");
  }

  @Test
  void aMediaFunctionThatThrowsAnswers500AndIsLoggedWithItsType() {
    WebhookHandler handler = verified(b -> b.onTaskRouterEvent(e -> {
      throw new IllegalStateException("crm down: secret-detail");
    }));

    assertThat(logOf(handler, signedForm(Callbacks.wrapup(WT)), 500)).containsExactly(
        "SEVERE webhook function failed: java.lang.IllegalStateException");
  }

  @Test
  void anEmptyDocumentFromTheMediaFunctionWritesNothing() {
    router.putTask(WS, WT, "{}");
    WebhookHandler handler = verified(b -> b.onTaskRouterEvent(e -> Optional.of(MediaAttributes.empty())));

    assertThat(handler.handle(signedForm(Callbacks.wrapup(WT))).status()).isEqualTo(204);
    assertThat(queue.shutdown(Duration.ofSeconds(10))).isEmpty();
    assertThat(router.calls()).isEmpty();
  }

  @Test
  void aParameterWithAnEmptyNameIsPartOfWhatIsSigned() {
    router.putTask(WS, WT, "{}");
    Map<String, String> form = Callbacks.wrapup(WT);
    form.put("", "x");
    WebhookRequest request = signedForm(form);
    assertThat(new String(request.rawBody(), StandardCharsets.UTF_8)).contains("&=x");

    assertThat(verified(b -> b.onTaskRouterEvent(e -> Optional.of(CRM))).handle(request).status())
        .isEqualTo(202);
  }

  @Test
  void aSkippedEventIsLoggedAndAnOnSkippedEventThatThrowsIsLoggedWithItsType() {
    AttachQueue fixed = AttachQueue.builder(router).build();
    WebhookHandler handler = WebhookHandler.builder(fixed).insecureSkipVerification()
        .onSkippedEvent(s -> {
          throw new IllegalStateException("listener bug");
        }).build();
    String event = "{\"type\":\"com.twilio.taskrouter.reservation.wrapup\",\"data\":{\"payload\":{"
        + "\"eventtype\":\"reservation.wrapup\",\"timestamp\":\"2025-01-01T00:00:00.000Z\","
        + "\"workspace_sid\":\"" + WS + "\",\"task_sid\":\"WT-SECRET\"}}}";
    WebhookRequest batch = new WebhookRequest("POST", URL,
        Map.of("Content-Type", List.of("application/json")),
        ("[" + event + "]").getBytes(StandardCharsets.UTF_8));

    List<String> lines = logOf(handler, batch, 204);
    fixed.shutdown(Duration.ofMillis(200));

    assertThat(lines).containsExactly(
        "WARNING webhook refused: event 0 of a delivery skipped: data.payload.task_sid"
            + " when present: 'WT' followed by 32 hex digits",
        "SEVERE onSkippedEvent failed: java.lang.IllegalStateException");
  }

  @Test
  void aStoreThatCannotSaveIsLoggedWithTheFailuresType() {
    AttachQueue down = AttachQueue.builder(router).store(new WebhookStoreDownTest.DownStore())
        .pollInterval(Duration.ZERO).build();
    WebhookHandler handler = WebhookHandler.builder(down).insecureSkipVerification()
        .onTaskRouterEvent(e -> Optional.of(CRM)).build();
    Map<String, String> form = Callbacks.wrapup(WT);
    WebhookRequest request = new WebhookRequest("POST", URL,
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
        TwilioSigner.form(form).getBytes(StandardCharsets.UTF_8));

    List<String> lines = logOf(handler, request, 503);
    down.shutdown(Duration.ZERO);

    assertThat(lines).containsExactly("SEVERE attach store refused: java.lang.IllegalStateException");
  }
}
