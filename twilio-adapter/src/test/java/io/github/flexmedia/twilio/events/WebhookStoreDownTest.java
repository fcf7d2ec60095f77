package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WebhookStoreDownTest {
  /** A store whose database is down: every save fails. */
  static final class DownStore implements PendingAttachStore {
    @Override
    public boolean save(PendingAttach attach) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public List<AttachClaim> claim(String owner, int maxTasks, Duration lease) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public Map<String, AttachOutcome> complete(
        AttachClaim claim, Map<String, AttachOutcome> outcomes) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public void release(AttachClaim claim, Instant retryAt) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public AttachStoreStats stats() {
      throw new IllegalStateException("connection refused");
    }
  }

  @Test
  void aStoreThatCannotSaveMakesTheWebhookAnswer503SoTwilioRetries() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    AttachQueue queue = AttachQueue.builder(router).store(new DownStore())
        .pollInterval(Duration.ZERO).build();
    WebhookHandler handler = WebhookHandler.builder(queue).insecureSkipVerification()
        .onTaskRouterEvent(e -> Optional.of(MediaAttributes.builder()
            .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build()))
        .build();
    String event = "{\"type\":\"com.twilio.taskrouter.reservation.wrapup\",\"data\":{\"payload\":{"
        + "\"eventtype\":\"reservation.wrapup\",\"timestamp\":\"2025-01-01T00:00:00.000Z\","
        + "\"workspace_sid\":\"" + WS + "\",\"task_sid\":\"WT" + "a".repeat(32) + "\"}}}";

    WebhookResponse r = handler.handle(new WebhookRequest("POST", "http://127.0.0.1/streams",
        Map.of("Content-Type", List.of("application/json")),
        ("[" + event + "]").getBytes(StandardCharsets.UTF_8)));

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.headers()).containsEntry("Retry-After", "5");
    assertThat(router.calls()).isEmpty();
    queue.shutdown(Duration.ZERO);
  }
}
