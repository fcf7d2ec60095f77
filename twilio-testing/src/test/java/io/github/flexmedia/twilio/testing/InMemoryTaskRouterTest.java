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
    assertThat(router.calls().get(0).injectedFault()).map(Fault::kind).contains(Fault.Kind.RATE_LIMITED);
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
}
