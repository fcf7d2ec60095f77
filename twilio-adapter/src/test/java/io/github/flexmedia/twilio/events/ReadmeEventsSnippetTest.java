package io.github.flexmedia.twilio.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A copy of the README's "Webhooks and events" snippet: if it stops working, fix the README. */
@Timeout(30)
class ReadmeEventsSnippetTest {

  static MediaLink crmLink(String taskSid) {
    return MediaLink.referenced("https://crm.example.com/tasks/" + taskSid, "CRM");
  }

  @Test
  void theReadmeSnippetAttachesAWrapupEventsCrmLink() throws Exception {
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      server.router().putTask(Callbacks.WS, Callbacks.WT, "{}");
      TwilioRestClient restClient = server.restClient();
      String authToken = Callbacks.TOKEN;
      String secondaryToken = Callbacks.SECONDARY;

      // --- README: webhooks and events ---
      AttachQueue queue = AttachQueue.builder(new TwilioTaskRouterClient(restClient))
          .workers(4)                            // a bounded pool does the read–merge–write
          .capacity(1_000)                       // past it the webhook answers 503 and Twilio retries
          .attachWindow(Duration.ofMinutes(2))   // the default: no call starts later after the event
          .listener(o -> System.out.println(o.status() + " on " + o.taskSid()))
          .build();

      WebhookHandler handler = WebhookHandler.builder(queue)
          .verifier(WebhookVerifier.of(authToken).withSecondaryToken(secondaryToken))
          .publicUrl("https://hooks.example.com")   // the URL Twilio calls, before your proxy
          .onRecording(cb -> cb.isCompleted()
              ? Optional.of(MediaAttributes.builder().media(cb.toMediaLink()).build())
              : Optional.empty())
          .onTaskRouterEvent(e -> e.eventType().equals("reservation.wrapup")
              ? Optional.of(MediaAttributes.builder().media(crmLink(e.taskSid())).build())
              : Optional.empty())
          .build();
      // --- end ---

      Map<String, String> form = Callbacks.wrapup(Callbacks.WT);
      form.put("Timestamp", Long.toString(Instant.now().getEpochSecond()));
      String signature = TwilioSigner.sign(secondaryToken, "https://hooks.example.com/twilio/taskrouter", form);
      String method = "POST";
      String url = "http://10.0.0.7:8080/twilio/taskrouter";
      Map<String, List<String>> headers = Map.of(
          "Content-Type", List.of("application/x-www-form-urlencoded"),
          "X-Twilio-Signature", List.of(signature));
      byte[] body = TwilioSigner.form(form).getBytes(StandardCharsets.UTF_8);

      WebhookResponse response = handler.handle(new WebhookRequest(method, url, headers, body));

      assertThat(response.status()).isEqualTo(202);
      assertThat(queue.shutdown(Duration.ofSeconds(10))).isEmpty();
      assertThat(MediaAttributes.fromTaskAttributes(server.router().attributes(Callbacks.WS, Callbacks.WT))
          .taskMedia()).containsExactly(crmLink(Callbacks.WT));
    }
  }
}
