package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.LogCapture;
import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskSnapshot;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.AttachOutcome.Status;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.Operation;
import io.github.flexmedia.twilio.testing.RecordedCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WebhookHandlerBudgetTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final String WT_A = "WT" + "a".repeat(32);
  private static final String WT_B = "WT" + "b".repeat(32);
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  private final TestClock clock = new TestClock(T0);
  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final List<AttachOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

  /** TaskRouter that takes this long per read and per write: the test clock moves, nothing sleeps. */
  private TaskRouterClient slow(Duration read, Duration write) {
    return new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
        clock.advance(read);
        return router.fetchTask(workspaceSid, taskSid);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(
          String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
        TaskSnapshot updated = router.updateTaskAttributes(workspaceSid, taskSid, attributesJson, ifMatch);
        clock.advance(write);
        return updated;
      }

      @Override
      public TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson) {
        return router.createTask(workspaceSid, workflowSid, attributesJson);
      }
    };
  }

  private static String wrapup(String taskSid) {
    return "{\"type\":\"com.twilio.taskrouter.reservation.wrapup\",\"data\":{\"payload\":{"
        + "\"eventtype\":\"reservation.wrapup\",\"timestamp\":\"2025-01-01T00:00:00.000Z\","
        + "\"workspace_sid\":\"" + WS + "\",\"task_sid\":\"" + taskSid + "\"}}}";
  }

  @Test
  void anEventStreamsBatchSharesOneBudgetInsteadOfOnePerEvent() {
    router.putTask(WS, WT_A, "{}");
    router.putTask(WS, WT_B, "{}");
    AttachQueue queue = AttachQueue.builder(slow(Duration.ofSeconds(3), Duration.ZERO))
        .clock(clock).listener(outcomes::add).executor(r -> {
          throw new AssertionError("synchronous mode must not use the workers");
        })
        .build();
    WebhookHandler handler = WebhookHandler.builder(queue).insecureSkipVerification()
        .onTaskRouterEvent(e -> Optional.of(CRM))
        .synchronous(Duration.ofSeconds(5))
        .build();
    String batch = "[" + wrapup(WT_A) + "," + wrapup(WT_B) + "]";

    WebhookResponse r = handler.handle(new WebhookRequest("POST", "http://127.0.0.1/streams",
        Map.of("Content-Type", List.of("application/json")),
        batch.getBytes(StandardCharsets.UTF_8)));

    // t=0..3 s: read A, write A. t=3..6 s: read B; its write would start at 6 s, past the
    // request's 5 s (a budget of its own would have allowed it until 8 s)
    assertThat(r.status()).isEqualTo(503);
    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.FETCH, Operation.UPDATE, Operation.FETCH);
    assertThat(outcomes).extracting(AttachOutcome::status)
        .containsExactly(Status.ATTACHED, Status.FAILED);
    assertThat(router.attributes(WS, WT_B)).doesNotContain("crm.example.com");
  }

  @Test
  void aBatchWhoseBudgetIsSpentWhenItsNextEventComesAnswers503WithoutStartingIt() {
    router.putTask(WS, WT_A, "{}");
    router.putTask(WS, WT_B, "{}");
    AttachQueue queue = AttachQueue.builder(slow(Duration.ZERO, Duration.ofSeconds(3)))
        .clock(clock).listener(outcomes::add).build();
    WebhookHandler handler = WebhookHandler.builder(queue).insecureSkipVerification()
        .onTaskRouterEvent(e -> Optional.of(CRM))
        .synchronous(Duration.ofSeconds(3))
        .build();
    String batch = "[" + wrapup(WT_A) + "," + wrapup(WT_B) + "]";

    WebhookResponse r = handler.handle(new WebhookRequest("POST", "http://127.0.0.1/streams",
        Map.of("Content-Type", List.of("application/json")),
        batch.getBytes(StandardCharsets.UTF_8)));

    // A's write lands as the 3 s run out: B is not started (with 3 s of its own it would land)
    assertThat(r.status()).isEqualTo(503);
    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.FETCH, Operation.UPDATE);
    assertThat(outcomes).extracting(AttachOutcome::status).containsExactly(Status.ATTACHED);
  }

  @Test
  void anEventStreamsDeliveryGetsFourSecondsByDefaultWhateverTheSynchronousBudget() {
    router.putTask(WS, WT_A, "{}");
    AttachQueue queue = AttachQueue.builder(slow(Duration.ofMillis(4500), Duration.ZERO))
        .clock(clock).listener(outcomes::add).build();
    WebhookHandler handler = WebhookHandler.builder(queue).insecureSkipVerification()
        .onTaskRouterEvent(e -> Optional.of(CRM))
        .synchronous(Duration.ofSeconds(10))
        .build();

    WebhookResponse streams = handler.handle(new WebhookRequest("POST", "http://127.0.0.1/streams",
        Map.of("Content-Type", List.of("application/cloudevents-batch+json")),
        ("[" + wrapup(WT_A) + "]").getBytes(StandardCharsets.UTF_8)));
    // the read took 4.5 s: past the 4 s an Event Streams delivery has, the write never starts
    assertThat(streams.status()).isEqualTo(503);
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(Operation.FETCH);

    Map<String, String> form = Callbacks.wrapup(WT_A);
    form.put("Timestamp", String.valueOf(clock.instant().getEpochSecond()));
    WebhookResponse callback = handler.handle(new WebhookRequest("POST", "http://127.0.0.1/taskrouter",
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
        TwilioSigner.form(form).getBytes(StandardCharsets.UTF_8)));
    // a TaskRouter callback keeps the 10 s: the same 4.5 s read, then the write
    assertThat(callback.status()).isEqualTo(200);
    assertThat(router.attributes(WS, WT_A)).contains("crm.example.com");
  }

  @Test
  void theEventStreamsBudgetIsConfigurableAndAboveFiveSecondsWarnsLoudly() {
    router.putTask(WS, WT_A, "{}");
    AttachQueue queue = AttachQueue.builder(slow(Duration.ofMillis(4500), Duration.ZERO))
        .clock(clock).listener(outcomes::add).build();
    WebhookHandler handler;
    try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
      handler = WebhookHandler.builder(queue).insecureSkipVerification()
          .onTaskRouterEvent(e -> Optional.of(CRM))
          .synchronous(Duration.ofSeconds(20)).eventStreamsBudget(Duration.ofSeconds(6))
          .build();
      assertThat(log.lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("WARNING"))
          .anySatisfy(l -> assertThat(l).contains("above the 5 s Event Streams waits"))
          .anySatisfy(l -> assertThat(l).contains("above the 15 s Twilio waits"));
    }
    String body = "[" + wrapup(WT_A) + "]";
    WebhookResponse r = handler.handle(new WebhookRequest("POST",
        TwilioSigner.withBodyHash("http://127.0.0.1/streams", body), Map.of(),
        body.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.status()).isEqualTo(200);
    assertThatThrownBy(() -> WebhookHandler.builder(queue).eventStreamsBudget(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventStreamsBudget");
    try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
      WebhookHandler.builder(queue).insecureSkipVerification().synchronous(Duration.ofSeconds(15))
          .eventStreamsBudget(Duration.ofSeconds(5)).build();
      assertThat(log.lines()).isEmpty();
    }
  }
}
