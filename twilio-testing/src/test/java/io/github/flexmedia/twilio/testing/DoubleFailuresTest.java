package io.github.flexmedia.twilio.testing;

import static io.github.flexmedia.twilio.testing.InMemoryTaskRouterTest.WS;
import static io.github.flexmedia.twilio.testing.InMemoryTaskRouterTest.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the in-memory double's faults look like to the code under test, word for word. */
class DoubleFailuresTest {
  private static final String WW = "WW0123456789abcdef0123456789abcdef";

  private final InMemoryTaskRouter router = new InMemoryTaskRouter();

  @Test
  void aFailureNamesTheCallTheStatusAndTwiliosErrorCode() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.unavailable(Duration.ofSeconds(5)));

    assertThatThrownBy(() -> router.updateTaskAttributes(WS, WT, "{}", null))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> {
          assertThat(e).hasMessage("task update of " + WT
              + " failed in InMemoryTaskRouter (HTTP 503, Twilio error 20500)");
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.retryAfter()).as("a 503's Retry-After").contains(Duration.ofSeconds(5));
        });
  }

  @Test
  void aTimeoutIsNoResponseWithoutAnErrorCodeAndACreateNamesNoTask() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.FETCH, 1, Fault.timeout());
    router.failNext(Operation.CREATE, 1, Fault.serverError(500));

    assertThatThrownBy(() -> router.fetchTask(WS, WT))
        .hasMessage("task fetch of " + WT + " failed in InMemoryTaskRouter (no response)");
    assertThatThrownBy(() -> router.createTask(WS, WW, "{}"))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> {
          assertThat(e).hasMessage(
              "task create failed in InMemoryTaskRouter (HTTP 500, Twilio error 20500)");
          assertThat(e.retryAfter()).isEmpty();
        });
  }

  @Test
  void aMissingTaskIsNamedAsTheAdaptersNotFoundNamesIt() {
    String gone = "WT00000000000000000000000000000009";

    assertThatThrownBy(() -> router.fetchTask(WS, gone))
        .isInstanceOf(io.github.flexmedia.twilio.TaskNotFoundException.class)
        .hasMessage(io.github.flexmedia.twilio.TaskNotFoundException.messageFor(WS, gone));
  }

  @Test
  void serverErrorsAreExactlyTheFiveHundreds() {
    assertThat(Fault.serverError(500).status()).isEqualTo(500);
    assertThat(Fault.serverError(599).status()).isEqualTo(599);
    assertThatThrownBy(() -> Fault.serverError(499)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.serverError(600)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void faultsAreValuesAndAfterWriteIsPartOfTheValue() {
    assertThat(Fault.unavailable()).isEqualTo(Fault.serverError(503))
        .isNotEqualTo(Fault.serverError(500))
        .isNotEqualTo(Fault.unavailable().afterWrite());
    assertThat(Fault.unavailable().afterWrite().isAfterWrite()).isTrue();
    assertThat(Fault.unavailable().isAfterWrite()).isFalse();
  }

  @Test
  void taskAssertionsChain() {
    MediaAttributes crm = MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();
    router.putTask(WS, WT, crm.mergeInto("{}", io.github.flexmedia.MergeMode.APPEND));

    TaskAssert.assertThatTask(router, WS, WT).hasMedia(crm).hasNoReservationMedia().hasMedia(crm);
  }
}
