package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.FOREIGN;
import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static io.github.flexmedia.twilio.Sids.WW;
import static io.github.flexmedia.twilio.testing.Operation.FETCH;
import static io.github.flexmedia.twilio.testing.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.RecordedCall;
import io.github.flexmedia.twilio.testing.TokenBucket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real twilio-java stack against the loopback emulator. */
@Timeout(60)
class TwilioTaskRouterClientTest {
  private LocalTaskRouterServer server;
  private TwilioTaskRouterClient client;

  @BeforeEach
  void start() {
    server = LocalTaskRouterServer.start();
    server.router().putTask(WS, WT, FOREIGN);
    client = new TwilioTaskRouterClient(server.restClient());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchReturnsTheAttributesAndTheQuotedEtagVerbatim() {
    TaskSnapshot task = client.fetchTask(WS, WT);

    assertThat(task.attributesJson()).isEqualTo(FOREIGN);
    assertThat(task.etag()).isEqualTo("\"1\"");
    assertThat(task.assignmentStatus()).isEqualTo("pending");
    assertThat(task.taskChannel()).isEqualTo("voice");
    assertThat(task.taskSid()).isEqualTo(WT);
    assertThat(task.workspaceSid()).isEqualTo(WS);
  }

  @Test
  void updateSendsTheAttributesFormParameterAndIfMatch() {
    String doc = "{\"a\":\"ü & = + %\"}";

    TaskSnapshot updated = client.updateTaskAttributes(WS, WT, doc, "\"1\"");

    RecordedCall call = server.router().calls().get(0);
    assertThat(call.operation()).isEqualTo(UPDATE);
    assertThat(call.attributesJson()).isEqualTo(doc);
    assertThat(call.ifMatch()).isEqualTo("\"1\"");
    assertThat(updated.etag()).isEqualTo("\"2\"");
    assertThat(server.router().attributes(WS, WT)).isEqualTo(doc);
  }

  @Test
  void updateWithoutIfMatchIsUnconditional() {
    client.updateTaskAttributes(WS, WT, "{}", null);
    assertThat(server.router().calls().get(0).ifMatch()).isNull();
  }

  @Test
  void staleIfMatchBecomesTaskConflictException() {
    TaskConflictException e = catchThrowableOfType(TaskConflictException.class,
        () -> client.updateTaskAttributes(WS, WT, "{}", "\"0\""));
    assertThat(e.statusCode()).isEqualTo(412);
    assertThat(server.router().attributes(WS, WT)).isEqualTo(FOREIGN);
  }

  @Test
  void missingTaskBecomesTaskNotFoundException() {
    TaskNotFoundException e = catchThrowableOfType(TaskNotFoundException.class,
        () -> client.fetchTask(WS, Sids.task(99)));
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo(20404);
    assertThat(e.getMessage()).contains("two minutes");
  }

  @Test
  void wrongCredentialsBecomeAuthenticationException() {
    TwilioTaskRouterClient wrong = new TwilioTaskRouterClient(
        server.restClient(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, "wrong-token-SECRET"));

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> wrong.fetchTask(WS, WT));

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.AUTHENTICATION);
    assertThat(e.getMessage()).doesNotContain("wrong-token-SECRET");
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    server.router().failNext(1, Fault.rateLimited(Duration.ofSeconds(7)));

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.fetchTask(WS, WT));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.errorCode()).isEqualTo(20429);
  }

  @Test
  void rateLimitWithoutRetryAfterHasNone() {
    server.router().failNext(1, Fault.rateLimited());
    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.fetchTask(WS, WT));
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void theEmulatorsRateLimitWithRetryAfterReachesTheCallerAfterOneRequest() {
    long[] now = {0};
    server.router().rateLimit(TokenBucket.of(0.25, 1, () -> now[0]));
    client.fetchTask(WS, WT);

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.fetchTask(WS, WT));

    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.errorCode()).isEqualTo(20429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
  }

  @Test
  void theEmulatorsRateLimitWithoutRetryAfterIsStillRateLimited() {
    long[] now = {0};
    server.router().rateLimit(TokenBucket.of(0.25, 1, () -> now[0]).withoutRetryAfter());
    client.fetchTask(WS, WT);

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.fetchTask(WS, WT));

    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(e.errorCode()).isEqualTo(20429);
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void serviceUnavailableBecomesRetryableTaskRouterException() {
    server.router().failAlways(FETCH, Fault.unavailable());

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class, () -> client.fetchTask(WS, WT));

    assertThat(e.getClass()).isEqualTo(TaskRouterException.class);
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void droppedConnectionBecomesRetryableTaskRouterException() {
    server.router().failNext(1, Fault.timeout());

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class, () -> client.fetchTask(WS, WT));

    assertThat(e.statusCode()).isZero();
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void oversizedAttributesAreRefusedByTheEmulatorWith400() {
    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> client.updateTaskAttributes(WS, WT, "{\"x\":\"" + "y".repeat(5000) + "\"}", null));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void createSendsWorkflowAndAttributes() {
    TaskSnapshot created = client.createTask(WS, WW, "{\"type\":\"ticket\"}");

    assertThat(created.taskSid()).startsWith("WT");
    assertThat(created.etag()).isNotNull();
    assertThat(server.router().attributes(WS, created.taskSid())).isEqualTo("{\"type\":\"ticket\"}");
  }

  @Test
  void attachThroughTwilioJavaRetriesAConflictWithAFreshRead() {
    server.router().failNext(UPDATE, 1, Fault.conflict());
    MediaAttacher attacher = MediaAttacher.builder(client).sleeper(d -> { }).build();

    AttachResult result = attacher.attach(WS, WT, Sids.ticket());

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(server.router().calls()).extracting(RecordedCall::operation)
        .containsExactly(FETCH, UPDATE, FETCH, UPDATE);
    assertThat(server.router().calls().get(3).ifMatch()).isEqualTo("\"1\"");
    assertThat(MediaAttributes.fromTaskAttributes(server.router().attributes(WS, WT))).isEqualTo(Sids.ticket());
  }

  @Test
  void fromEnvironmentNamesTheMissingVariableNeverItsValue() {
    assertThatThrownBy(() -> TwilioTaskRouterClient.fromEnvironment(Map.<String, String>of()::get))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("TWILIO_ACCOUNT_SID");
    String sid = "AC0123456789abcdef0123456789abcdef";
    assertThatThrownBy(() -> TwilioTaskRouterClient.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", sid)::get))
        .hasMessageContaining("TWILIO_AUTH_TOKEN");
    assertThatThrownBy(() -> TwilioTaskRouterClient.fromEnvironment(
            Map.of("TWILIO_ACCOUNT_SID", sid, "TWILIO_API_KEY", "SKsecretkeyvalue")::get))
        .hasMessageContaining("TWILIO_API_SECRET")
        .hasMessageNotContaining("SKsecretkeyvalue");
    assertThatThrownBy(() -> TwilioTaskRouterClient.fromEnvironment(
            Map.of("TWILIO_ACCOUNT_SID", "not-a-sid-SECRET", "TWILIO_AUTH_TOKEN", "t")::get))
        .hasMessageContaining("TWILIO_ACCOUNT_SID")
        .hasMessageNotContaining("not-a-sid-SECRET");
    // the right prefix and length are not enough: 32 hex digits, as for every other SID
    assertThatThrownBy(() -> TwilioTaskRouterClient.fromEnvironment(
            Map.of("TWILIO_ACCOUNT_SID", "ACzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "TWILIO_AUTH_TOKEN", "t")::get))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("TWILIO_ACCOUNT_SID")
        .hasMessageNotContaining("zzzz");
  }

  @Test
  void fromEnvironmentBuildsAClientWithoutPrintingCredentials() {
    String sid = "AC0123456789abcdef0123456789abcdef";
    TwilioTaskRouterClient viaToken = TwilioTaskRouterClient.fromEnvironment(
        Map.of("TWILIO_ACCOUNT_SID", sid, "TWILIO_AUTH_TOKEN", "tok-SECRET")::get);
    TwilioTaskRouterClient viaKey = TwilioTaskRouterClient.fromEnvironment(
        Map.of("TWILIO_ACCOUNT_SID", sid, "TWILIO_API_KEY", "SK0123", "TWILIO_API_SECRET", "sec-SECRET")::get);

    assertThat(viaToken.toString()).doesNotContain("SECRET").doesNotContain(sid);
    assertThat(viaKey.toString()).doesNotContain("SECRET");
  }

  @Test
  void snapshotToStringLeavesTheAttributesOut() {
    assertThat(client.fetchTask(WS, WT).toString()).doesNotContain("inbound").contains(WT);
  }
}
