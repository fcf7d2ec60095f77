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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaAttacherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InMemoryTaskRouter router;
  private Sids.RecordingSleeper sleeper;
  private MediaAttacher attacher;

  @BeforeEach
  void setUp() {
    router = new InMemoryTaskRouter();
    router.putTask(WS, WT, FOREIGN);
    sleeper = new Sids.RecordingSleeper();
    attacher = MediaAttacher.builder(router).sleeper(sleeper).retryPolicy(Sids.jitter(0.5)).build();
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static JsonNode withoutMedia(String json) throws Exception {
    ObjectNode root = (ObjectNode) tree(json);
    ((ObjectNode) root.get("conversations")).remove("media");
    return root;
  }

  @Test
  void attachReadsMergesAndWritesWithIfMatch() throws Exception {
    String etag = router.task(WS, WT).orElseThrow().etag();

    AttachResult result = attacher.attach(WS, WT, Sids.ticket());

    assertThat(result.changed()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH, UPDATE);
    assertThat(router.calls().get(1).ifMatch()).isEqualTo(etag);
    String stored = router.attributes(WS, WT);
    assertThat(MediaAttributes.fromTaskAttributes(stored)).isEqualTo(Sids.ticket());
    assertThat(withoutMedia(stored)).isEqualTo(withoutMedia(FOREIGN));
    assertThat(stored).contains("123456789012345678901234567890").contains("1.10");
    assertThat(result.task().etag()).isNotEqualTo(etag).isEqualTo(router.task(WS, WT).orElseThrow().etag());
  }

  @Test
  void repeatingAnAttachWritesNothing() {
    attacher.attach(WS, WT, Sids.ticket());
    router.clearCalls();

    AttachResult again = attacher.attach(WS, WT, Sids.ticket());

    assertThat(again.changed()).isFalse();
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH);
  }

  @Test
  void conflictLeadsToAFreshReadAndMerge() {
    router.failNext(UPDATE, 1, Fault.conflict());

    AttachResult result = attacher.attach(WS, WT, Sids.ticket());

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH, UPDATE, FETCH, UPDATE);
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT))).isEqualTo(Sids.ticket());
  }

  @Test
  void aRealConcurrentWriteIsKeptWhenTheRetryMerges() {
    // Another writer changes the task between our read and our write.
    TaskSnapshot stale = router.fetchTask(WS, WT);
    router.updateTaskAttributes(WS, WT, "{\"type\":\"inbound\",\"crm\":{\"case\":7}}", null);

    AttachResult result = attacher.attach(stale, Sids.ticket());

    assertThat(result.attempts()).isEqualTo(2);
    String stored = router.attributes(WS, WT);
    assertThat(stored).contains("\"crm\":{\"case\":7}");
    assertThat(MediaAttributes.fromTaskAttributes(stored)).isEqualTo(Sids.ticket());
  }

  @Test
  void attachFromASnapshotSkipsTheFirstRead() {
    TaskSnapshot current = router.fetchTask(WS, WT);
    router.clearCalls();

    attacher.attach(current, Sids.ticket());

    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(UPDATE);
  }

  @Test
  void rateLimitStormHonoursRetryAfterAndKeepsTheSnapshot() {
    router.failNext(UPDATE, 3, Fault.rateLimited(Duration.ofSeconds(2)));

    AttachResult result = attacher.attach(WS, WT, Sids.ticket());

    assertThat(result.attempts()).isEqualTo(4);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    // A 429 is never processed: the snapshot read first stays valid, so no re-read.
    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(FETCH, UPDATE, UPDATE, UPDATE, UPDATE);
  }

  @Test
  void rateLimitWithoutRetryAfterBacksOffExponentiallyWithJitter() {
    router.failNext(FETCH, 4, Fault.rateLimited());
    MediaAttacher a = MediaAttacher.builder(router).sleeper(sleeper)
        .retryPolicy(Sids.retry(5, Duration.ofMillis(100), Duration.ofMillis(500), 0.5)).build();

    a.attach(WS, WT, Sids.ticket());

    // cap = 100, 200, 400, 500 (max); equal jitter with r = 0.5 waits 3/4 of the cap
    assertThat(sleeper.waits).containsExactly(
        Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(375));
  }

  @Test
  void retryAfterLongerThanTheLimitEndsAtOnce() {
    router.failNext(UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(3600)));

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> attacher.attach(WS, WT, Sids.ticket()));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3600));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void permanentUnavailabilityEndsAfterTheConfiguredAttemptsWithTheTaskUnchanged() {
    TaskSnapshot before = router.task(WS, WT).orElseThrow();
    router.failAlways(UPDATE, Fault.unavailable());
    MediaAttacher a = MediaAttacher.builder(router).maxAttempts(3).sleeper(sleeper).build();

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> a.attach(WS, WT, Sids.ticket()));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage()).contains("gave up after 3 attempts");
    assertThat(sleeper.waits).hasSize(2);
    assertThat(router.task(WS, WT).orElseThrow()).isEqualTo(before);
  }

  @Test
  void timeoutsAreRetried() {
    router.failNext(FETCH, 2, Fault.timeout());
    assertThat(attacher.attach(WS, WT, Sids.ticket()).attempts()).isEqualTo(3);
  }

  @Test
  void conflictsThatNeverEndReportTheAttempts() {
    router.failAlways(UPDATE, Fault.conflict());

    TaskConflictException e = catchThrowableOfType(TaskConflictException.class,
        () -> attacher.attach(WS, WT, Sids.ticket()));

    assertThat(e.attempts()).isEqualTo(5);
    assertThat(e.getMessage()).contains("gave up after 5 attempts");
  }

  @Test
  void notFoundIsNotRetriedAndExplainsTheTaskLifecycle() {
    router.removeTask(WS, WT);

    TaskNotFoundException e = catchThrowableOfType(TaskNotFoundException.class,
        () -> attacher.attach(WS, WT, Sids.ticket()));

    assertThat(e.getMessage()).contains("two minutes").contains(WT);
    assertThat(router.calls()).hasSize(1);
  }

  @Test
  void unauthorizedIsNotRetried() {
    router.failNext(1, Fault.unauthorized());
    assertThatThrownBy(() -> attacher.attach(WS, WT, Sids.ticket()))
        .isExactlyInstanceOf(TaskRouterException.class)
        .extracting(e -> ((TaskRouterException) e).kind()).isEqualTo(TaskRouterException.Kind.AUTHENTICATION);
    assertThat(router.calls()).hasSize(1);
  }

  @Test
  void documentsOverTheLimitAreRefusedBeforeSending() {
    router.putTask(WS, WT, "{\"big\":\"" + "x".repeat(4000) + "\"}");
    router.clearCalls();

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> attacher.attach(WS, WT, Sids.ticket()));

    assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.TOO_LARGE);
    assertThat(e.getMessage()).contains("4096").contains("nothing was sent").doesNotContain("xxx");
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH);
  }

  @Test
  void malformedTaskAttributesAreNotOverwritten() {
    router.putTask(WS, WT, "{\"conversations\":[]}");
    assertThatThrownBy(() -> attacher.attach(WS, WT, Sids.ticket()))
        .isInstanceOf(MalformedAttributesException.class);
    assertThat(router.attributes(WS, WT)).isEqualTo("{\"conversations\":[]}");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "not json", "[1,2]", "{\"a\":1,\"a\":2}", "{\"s\":\"\\ud800\"}", "{\"conversations\":{\"media\":[7]}}"})
  void hostileStoredAttributesEndInMalformedWithNoWriteSent(String hostile) {
    router.putTask(WS, WT, hostile);
    router.clearCalls();

    assertThatThrownBy(() -> attacher.attach(WS, WT, Sids.ticket()))
        .isInstanceOf(MalformedAttributesException.class);
    assertThat(router.calls()).extracting(RecordedCall::operation).containsExactly(FETCH);
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Timeout(10)
  void deeplyNestedAndHugeStoredAttributesFailFast() {
    router.putTask(WS, WT, "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    assertThatThrownBy(() -> attacher.attach(WS, WT, Sids.ticket())).isInstanceOf(MalformedAttributesException.class);
    router.putTask(WS, WT, "{\"a\":\"" + "x".repeat(2_000_000) + "\"}");
    assertThatThrownBy(() -> attacher.attach(WS, WT, Sids.ticket())).isInstanceOf(MalformedAttributesException.class);
    router.putTask(WS, WT, "{\"a\":\"" + "x".repeat(10_000) + "\"}");
    assertThatThrownBy(() -> attacher.attach(WS, WT, Sids.ticket()))
        .extracting(e -> ((TaskRouterException) e).kind()).isEqualTo(TaskRouterException.Kind.TOO_LARGE);
    assertThat(router.calls()).extracting(RecordedCall::operation).containsOnly(FETCH);
  }

  @Test
  void lintWarningsAreReturnedNotThrown() {
    MediaAttributes rawFirst = MediaAttributes.builder()
        .media(MediaLink.raw("https://crm.example.com/1", "CRM"), MediaLink.chatTranscript(Sids.CHAT))
        .build();

    AttachResult result = attacher.attach(WS, WT, rawFirst);

    assertThat(result.warnings()).extracting(MediaWarning::code)
        .containsExactly(MediaWarning.Code.RAW_FIRST_HIDES_OTHERS);
  }

  @Test
  void replaceModeReplacesTheNamedList() {
    attacher.attach(WS, WT, Sids.ticket());
    MediaAttributes only = MediaAttributes.builder().media(MediaLink.chatTranscript(Sids.CHAT)).build();

    MediaAttacher.builder(router).mergeMode(MergeMode.REPLACE).build().attach(WS, WT, only);

    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT))).isEqualTo(only);
  }

  @Test
  void attacherPolicyIsCheckedBeforeAnythingIsSent() {
    MediaAttacher strictHosts = MediaAttacher.builder(router)
        .policy(MediaPolicy.builder().allowHosts("crm.example.com").build()).build();
    router.clearCalls();

    assertThatThrownBy(() -> strictHosts.attach(WS, WT, Sids.ticket()))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("conversations.media[0].url");
    assertThat(router.calls()).isEmpty();
  }

  @Test
  void createTaskMergesMediaIntoTheOtherAttributes() throws Exception {
    TaskSnapshot created = attacher.createTask(WS, WW, Sids.ticket(), FOREIGN);

    String stored = router.attributes(WS, created.taskSid());
    assertThat(MediaAttributes.fromTaskAttributes(stored)).isEqualTo(Sids.ticket());
    assertThat(withoutMedia(stored)).isEqualTo(withoutMedia(FOREIGN));
    assertThat(created.taskSid()).matches("WT[0-9a-f]{32}");
  }

  @Test
  void createTaskRetriesRateLimitsButNotServerErrors() {
    router.failNext(1, Fault.rateLimited(Duration.ofSeconds(1)));
    attacher.createTask(WS, WW, Sids.ticket(), null);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));

    router.failNext(1, Fault.unavailable());
    int before = router.taskCount();
    assertThatThrownBy(() -> attacher.createTask(WS, WW, Sids.ticket(), null))
        .isInstanceOf(TaskRouterException.class)
        .hasMessageContaining("503");
    assertThat(router.taskCount()).isEqualTo(before);
  }

  @Test
  void malformedSidsAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> attacher.attach("WS123", WT, Sids.ticket()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workspaceSid");
    assertThatThrownBy(() -> attacher.createTask(WS, "WWnope", Sids.ticket(), null))
        .hasMessageContaining("workflowSid");
    assertThat(router.calls()).isEmpty();
  }

  @Test
  void bulkAttachReportsEveryTaskAndOneFailureDoesNotStopTheOthers() {
    Map<String, MediaAttributes> work = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      if (i != 7) {
        router.putTask(WS, Sids.task(i), "{\"n\":" + i + "}");
      }
      work.put(Sids.task(i), Sids.ticket());
    }
    List<Integer> progress = new ArrayList<>();

    List<AttachOutcome> outcomes = attacher.attachAll(WS, work, 4, o -> progress.add(progress.size() + 1));

    assertThat(outcomes).extracting(AttachOutcome::taskSid).containsExactlyElementsOf(work.keySet());
    assertThat(outcomes.get(7).succeeded()).isFalse();
    assertThat(outcomes.get(7).cause()).isInstanceOf(TaskNotFoundException.class);
    assertThat(outcomes.get(7).status()).isEqualTo(AttachOutcome.Status.EXPIRED);
    assertThat(outcomes.get(19).status()).isEqualTo(AttachOutcome.Status.ATTACHED);
    assertThat(outcomes).filteredOn(AttachOutcome::succeeded).hasSize(19);
    assertThat(progress).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, Sids.task(19)))).isEqualTo(Sids.ticket());
  }

  @Test
  void bulkAttachWithTheSameMediaForManyTasks() {
    router.putTask(WS, Sids.task(1), "{}");
    router.putTask(WS, Sids.task(2), "{}");

    List<AttachOutcome> outcomes = attacher.attachAll(WS, List.of(Sids.task(1), Sids.task(2)), Sids.ticket(), 2, AttachListener.NONE);

    assertThat(outcomes).allMatch(AttachOutcome::succeeded);
    assertThat(attacher.attachAll(WS, Map.of(), 1, AttachListener.NONE)).isEmpty();
    assertThatThrownBy(() -> attacher.attachAll(WS, Map.of(), 0, AttachListener.NONE))
        .hasMessageContaining("concurrency");
  }

  @Test
  void interruptedWaitEndsTheAttach() {
    router.failNext(UPDATE, 1, Fault.unavailable());
    MediaAttacher a = MediaAttacher.builder(router).sleeper(d -> { throw new InterruptedException(); }).build();
    try {
      assertThatThrownBy(() -> a.attach(WS, WT, Sids.ticket()))
          .isInstanceOf(TaskRouterException.class)
          .hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void createTaskGivesUpWhenRateLimitsOutlastTheAttempts() {
    router.failAlways(io.github.flexmedia.twilio.testing.Operation.CREATE, Fault.rateLimited());
    MediaAttacher a = MediaAttacher.builder(router).maxAttempts(2).sleeper(sleeper)
        .retryPolicy(Sids.retry(5, Duration.ofMillis(10), Duration.ofMillis(10), 0.0)).build();

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> a.createTask(WS, WW, Sids.ticket(), null));

    assertThat(e.attempts()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(5));
  }

  @Test
  void maxRetryAfterIsConfigurable() {
    router.failNext(UPDATE, 1, Fault.rateLimited(Duration.ofSeconds(2)));
    MediaAttacher impatient = MediaAttacher.builder(router).sleeper(sleeper)
        .retryPolicy(Sids.maxRetryAfter(Duration.ofSeconds(1))).build();
    assertThatThrownBy(() -> impatient.attach(WS, WT, Sids.ticket())).isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> Sids.maxRetryAfter(Duration.ofSeconds(-1)))
        .hasMessageContaining("maxRetryAfter");
  }

  @Test
  void taskCompletedInTheMeantimeStillTakesMedia() {
    router.setAssignmentStatus(WS, WT, "completed");
    AttachResult result = attacher.attach(WS, WT, Sids.ticket());
    assertThat(result.task().assignmentStatus()).isEqualTo("completed");
    assertThat(result.changed()).isTrue();
  }

  @Test
  void builderRefusesNonsense() {
    assertThatThrownBy(() -> MediaAttacher.builder(router).maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> Sids.retry(5, Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5))
        .hasMessageContaining("backoff");
    assertThatThrownBy(() -> MediaAttacher.builder(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aSharedRetryPolicyDrivesEveryAttacherAndMaxAttemptsReplacesItsLimitInEitherOrder() {
    router.failAlways(UPDATE, Fault.unavailable());
    RetryPolicy twoTries = Sids.retry(2, Duration.ofMillis(200), Duration.ofSeconds(10), 0.5);

    TaskRouterException first = catchThrowableOfType(TaskRouterException.class, () ->
        MediaAttacher.builder(router).retryPolicy(twoTries).sleeper(sleeper).build()
            .attach(WS, WT, Sids.ticket()));
    TaskRouterException second = catchThrowableOfType(TaskRouterException.class, () ->
        MediaAttacher.builder(router).retryPolicy(twoTries).maxAttempts(3).sleeper(sleeper).build()
            .attach(WS, WT, Sids.ticket()));

    TaskRouterException third = catchThrowableOfType(TaskRouterException.class, () ->
        MediaAttacher.builder(router).maxAttempts(1).retryPolicy(twoTries).sleeper(sleeper).build()
            .attach(WS, WT, Sids.ticket()));

    assertThat(first.attempts()).isEqualTo(2);
    assertThat(second.attempts()).isEqualTo(3);
    assertThat(third.attempts()).isEqualTo(1);
    // 200 ms cap, equal jitter at 0.5: 150 ms, then 300 ms for the second retry of the second attach
    assertThat(sleeper.waits).containsExactly(
        Duration.ofMillis(150), Duration.ofMillis(150), Duration.ofMillis(300));
  }
}
