package io.github.flexmedia.twilio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryTaskRouterTest {
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final String WT = "WT0123456789abcdef0123456789abcdef";

  @Test
  void everyWriteReplacesTheDocumentAndMovesTheQuotedEtag() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    assertThat(router.putTask(WS, WT, "{\"a\":1}").etag()).isEqualTo("\"1\"");

    TaskSnapshot updated = router.updateTaskAttributes(WS, WT, "{\"b\":2}", "\"1\"");

    assertThat(updated.etag()).isEqualTo("\"2\"");
    assertThat(router.attributes(WS, WT)).isEqualTo("{\"b\":2}");
    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, "{}", "\"1\""))
        .isInstanceOf(TaskConflictException.class);
    assertThat(router.updateTaskAttributes(WS, WT, "{}", null).etag()).isEqualTo("\"3\"");
  }

  @Test
  void refusesWhatTaskRouterRefuses() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, "[1]", null))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, "{\"a\":\"" + "x".repeat(4100) + "\"}", null))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> router.fetchTask(WS, "WT00000000000000000000000000000000"))
        .isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void faultsAreTakenInOrderPerOperation() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.conflict())
        .failNext(1, Fault.rateLimited(Duration.ofSeconds(2)));

    assertThatThrownBy(() -> router.fetchTask(WS, WT)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, "{}", null)).isInstanceOf(TaskConflictException.class);
    assertThat(router.fetchTask(WS, WT).etag()).isEqualTo("\"1\"");
    assertThat(router.calls()).extracting(RecordedCall::status, RecordedCall::fault, RecordedCall::applied)
        .containsExactly(
            tuple(429, Fault.rateLimited(Duration.ofSeconds(2)), false),
            tuple(412, Fault.conflict(), false),
            tuple(200, null, true));
    assertThat(router.calls().get(0).fault().kind()).isEqualTo(Fault.Kind.RATE_LIMITED);
  }

  @Test
  void callLogKeepsOnlyTheLastCalls() {
    InMemoryTaskRouter router = new InMemoryTaskRouter(3);
    router.putTask(WS, WT, "{}");
    for (int i = 0; i < 5; i++) {
      router.updateTaskAttributes(WS, WT, "{\"i\":" + i + "}", null);
    }
    assertThat(router.calls()).extracting(RecordedCall::attributesJson)
        .containsExactly("{\"i\":2}", "{\"i\":3}", "{\"i\":4}");
    assertThat(new InMemoryTaskRouter(0).calls()).isEmpty();
  }

  @Test
  void faultFactoriesCheckTheirArguments() {
    assertThatThrownBy(() -> Fault.serverError(404)).hasMessageContaining("5xx");
    assertThatThrownBy(() -> new InMemoryTaskRouter().failNext(0, Fault.conflict())).hasMessageContaining("count");
    assertThat(Fault.timeout().status()).isZero();
  }

  static final String WW = "WW0123456789abcdef0123456789abcdef";
  static final String WW2 = "WW00000000000000000000000000000002";

  @Test
  void aStaleIfMatchIs412WithTwilios20412() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");

    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, "{}", "\"0\""))
        .isInstanceOfSatisfying(TaskConflictException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(412);
          assertThat(e.errorCode()).isEqualTo(20412);
        });
    assertThat(Fault.conflict().errorCode()).isEqualTo(20412);
    assertThat(router.calls()).extracting(RecordedCall::status).containsExactly(412);
  }

  @Test
  void createChecksTheWorkflowAgainstTheRegisteredOnes() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.registerWorkflow(WS, WW);

    // the workspace's only workflow may be omitted (twilio-oai, WorkflowSid)
    assertThat(router.createTask(WS, null, "{}").taskSid()).startsWith("WT");
    assertThat(router.createTask(WS, WW, "{}").taskSid()).startsWith("WT");
    assertThatThrownBy(() -> router.createTask(WS, WW2, "{}"))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));

    router.registerWorkflow(WS, WW2);
    assertThatThrownBy(() -> router.createTask(WS, null, "{}"))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(router.createTask(WS, WW2, "{}").taskSid()).startsWith("WT");
    assertThat(router.taskCount()).isEqualTo(3);
  }

  @Test
  void aWorkspaceWithoutRegisteredWorkflowsTakesAnyWellFormedSidButNotGarbageOrNone() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();

    assertThat(router.createTask(WS, WW2, "{}").taskSid()).startsWith("WT");
    assertThatThrownBy(() -> router.createTask(WS, "WWnope", "{}"))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> router.createTask(WS, null, "{}"))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> router.registerWorkflow(WS, "WWnope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workflowSid");
    assertThat(router.taskCount()).isEqualTo(1);
  }

  @Test
  void aFinishedTaskDisappearsTwoMinutesLaterOnTheDoublesClock() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    String canceled = "WT00000000000000000000000000000003";
    router.putTask(WS, WT, "{}");
    router.putTask(WS, canceled, "{}", "canceled", "voice");
    router.setAssignmentStatus(WS, WT, "completed");

    router.advanceClock(Duration.ofSeconds(119));
    assertThat(router.updateTaskAttributes(WS, WT, "{\"recording\":1}", null).etag()).isNotNull();
    assertThat(router.task(WS, canceled)).isPresent();

    router.advanceClock(Duration.ofSeconds(1));
    assertThatThrownBy(() -> router.fetchTask(WS, WT)).isInstanceOf(TaskNotFoundException.class);
    assertThat(router.task(WS, canceled)).isEmpty();
    assertThat(router.taskCount()).isZero();
    assertThatThrownBy(() -> router.advanceClock(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnfinishedTaskStays() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}", "wrapping", "voice");

    router.advanceClock(Duration.ofDays(1));

    assertThat(router.fetchTask(WS, WT).assignmentStatus()).isEqualTo("wrapping");
  }

  @Test
  void theRateLimitAnswersWithOrWithoutRetryAfter() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    long[] now = {0};
    router.rateLimit(TokenBucket.of(1, 1, () -> now[0]));
    router.fetchTask(WS, WT);
    assertThatThrownBy(() -> router.fetchTask(WS, WT))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(20429);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        });

    router.rateLimit(TokenBucket.of(1, 1, () -> now[0]).withoutRetryAfter());
    router.fetchTask(WS, WT);
    assertThatThrownBy(() -> router.fetchTask(WS, WT))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(20429);
          assertThat(e.retryAfter()).isEmpty();
        });
  }

  /** A router holding one task that completed 2 minutes ago on its clock: Twilio has deleted it. */
  private static InMemoryTaskRouter withAnExpiredTask() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    router.setAssignmentStatus(WS, WT, "completed");
    router.advanceClock(Duration.ofMinutes(2));
    return router;
  }

  @Test
  void aDeletedTaskIsGoneWhicheverCallLooksFirst() {
    // Each entry point on its own, on a fresh router: none may rely on another having purged.
    assertThat(withAnExpiredTask().task(WS, WT)).isEmpty();
    assertThat(withAnExpiredTask().taskCount()).isZero();
    assertThatThrownBy(() -> withAnExpiredTask().updateTaskAttributes(WS, WT, "{}", null))
        .isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(() -> withAnExpiredTask().attributes(WS, WT))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no task");
    assertThatThrownBy(() -> withAnExpiredTask().setAssignmentStatus(WS, WT, "canceled"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no task");
  }

  @Test
  void aStatusChangeMovesTheEtagAsTaskRoutersDoes() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    String before = router.putTask(WS, WT, "{}").etag();

    router.setAssignmentStatus(WS, WT, "wrapping");

    assertThat(router.fetchTask(WS, WT).etag()).isNotEqualTo(before);
    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, "{\"a\":1}", before))
        .isInstanceOf(TaskConflictException.class);
  }

  @Test
  void attributesOfExactly4096CharactersAreAcceptedAndOneMoreIsNot() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    String exactly = "{\"a\":\"" + "x".repeat(4096 - 8) + "\"}";
    assertThat(exactly).hasSize(4096);

    assertThat(router.updateTaskAttributes(WS, WT, exactly, null).attributesJson()).isEqualTo(exactly);
    String oneMore = "{\"a\":\"" + "x".repeat(4096 - 7) + "\"}";
    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, oneMore, null))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void aCreateIsRecordedAsOneSuccessfulCall() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    String ww = "WW0123456789abcdef0123456789abcdef";
    router.registerWorkflow(WS, ww);

    TaskSnapshot created = router.createTask(WS, ww, "{\"a\":1}");

    assertThat(router.calls()).singleElement().satisfies(call -> {
      assertThat(call.operation()).isEqualTo(Operation.CREATE);
      assertThat(call.taskSid()).isEqualTo(created.taskSid());
      assertThat(call.status()).isEqualTo(201);
    });
  }

  @Test
  void workflowsAreNamedInTheOrderTheyWereRegistered() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    String first = "WW0123456789abcdef0123456789abcde1";
    String second = "WW0123456789abcdef0123456789abcde2";
    router.registerWorkflow(WS, first).registerWorkflow(WS, second).registerWorkflow(WS, first);

    assertThat(router.create(WS, first, "{}", InMemoryTaskRouter.CreateOptions.DEFAULTS)
        .workflowFriendlyName()).isEqualTo("Workflow 1");
    assertThat(router.create(WS, second, "{}", InMemoryTaskRouter.CreateOptions.DEFAULTS)
        .workflowFriendlyName()).isEqualTo("Workflow 2");
  }

  @Test
  void everySettingReturnsTheSameRouterForChaining() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();

    assertThat(router.advanceClock(Duration.ZERO)).isSameAs(router);
    assertThat(router.failNext(1, Fault.unavailable())).isSameAs(router);
    assertThat(router.rateLimit(TokenBucket.of(50, 10))).isSameAs(router);
    assertThat(router.registerWorkflow(WS, "WW0123456789abcdef0123456789abcdef")).isSameAs(router);
  }
}
