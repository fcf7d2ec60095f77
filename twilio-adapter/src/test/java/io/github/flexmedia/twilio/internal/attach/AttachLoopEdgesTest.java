package io.github.flexmedia.twilio.internal.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.LogCapture;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attach and create loops at their edges: the last document length TaskRouter accepts and the
 * first it refuses, a deadline already passed, a caller interrupted before the first attempt, and
 * the DEBUG line of a retry.
 */
@Timeout(60)
class AttachLoopEdgesTest {
  private static final String WS = "WS0123456789abcdef0123456789abcdef";
  private static final String WT = "WT0123456789abcdef0123456789abcdef";
  private static final String WW = "WW0123456789abcdef0123456789abcdef";
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();
  private static final RetryPolicy NO_JITTER = new RetryPolicy(3, Duration.ofMillis(200),
      Duration.ofSeconds(10), Duration.ofSeconds(60), () -> 0.0);
  private static final int MAX = MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH;

  private final InMemoryTaskRouter router = new InMemoryTaskRouter();

  private AttachLoop loop() {
    return new AttachLoop(router, MergeMode.APPEND, NO_JITTER, d -> { }, false);
  }

  /** Task attributes that, with {@link #CRM} merged in, are exactly {@code length} characters. */
  private static String paddedTo(int length) {
    int bare = CRM.mergeInto("{\"pad\":\"\"}", MergeMode.APPEND).length();
    return "{\"pad\":\"" + "x".repeat(length - bare) + "\"}";
  }

  @Test
  void aMergedDocumentOfExactlyTheLimitIsWrittenAndOneCharacterMoreIsRefusedUnsent() {
    String fits = "WT" + "a".repeat(32);
    String over = "WT" + "b".repeat(32);
    router.putTask(WS, fits, paddedTo(MAX));
    router.putTask(WS, over, paddedTo(MAX + 1));

    assertThat(loop().attach(WS, fits, null, CRM, Deadline.NONE).changed()).isTrue();
    assertThat(router.attributes(WS, fits)).hasSize(MAX);
    assertThatThrownBy(() -> loop().attach(WS, over, null, CRM, Deadline.NONE))
        .isInstanceOfSatisfying(TaskRouterException.class,
            e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.TOO_LARGE))
        .hasMessageContaining("would be " + (MAX + 1) + " characters");
    assertThat(router.calls()).extracting(c -> c.operation())
        .containsExactly(Operation.FETCH, Operation.UPDATE, Operation.FETCH);
  }

  @Test
  void aNewTaskOfExactlyTheLimitIsCreatedAndOneCharacterMoreIsRefusedUnsent() {
    TaskCreator creator = new TaskCreator(router, NO_JITTER, d -> { });
    String exact = "{\"pad\":\"" + "x".repeat(MAX - 10) + "\"}";

    assertThat(creator.create(WS, WW, exact).attributesJson()).isEqualTo(exact);
    assertThatThrownBy(() -> creator.create(WS, WW, exact.replace("{\"pad", "{\"padd")))
        .isInstanceOfSatisfying(TaskRouterException.class,
            e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.TOO_LARGE));
    assertThat(router.calls()).hasSize(1);
  }

  @Test
  void anAttachWhoseDeadlineHasPassedReadsNothing() {
    router.putTask(WS, WT, "{}");
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:10Z"), ZoneOffset.UTC);
    Deadline passed = Deadline.at(Instant.parse("2025-01-01T00:00:00Z"), clock);

    assertThatThrownBy(() -> loop().attach(WS, WT, null, CRM, passed))
        .isInstanceOf(TaskRouterException.class);
    assertThat(router.calls()).isEmpty();
  }

  @Test
  void aCallerInterruptedBeforeTheFirstAttemptSendsNothingAndIsToldSo() {
    router.putTask(WS, WT, "{}");
    TaskCreator creator = new TaskCreator(router, NO_JITTER, d -> { });
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> loop().attach(WS, WT, null, CRM, Deadline.NONE))
          .isInstanceOfSatisfying(TaskRouterException.class, e -> {
            assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.INTERRUPTED);
            assertThat(e.attempts()).isZero();
          })
          .hasMessage("attach to task " + WT + " was interrupted before its first attempt");
      assertThatThrownBy(() -> creator.create(WS, WW, "{}"))
          .isInstanceOfSatisfying(TaskRouterException.class,
              e -> assertThat(e.attempts()).isZero())
          .hasMessageContaining("was interrupted before its first attempt");
    } finally {
      Thread.interrupted();
    }
    assertThat(router.calls()).isEmpty();
  }

  @Test
  void aRetryIsLoggedAtDebugWithItsStatusAttemptAndWait() {
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.FETCH, 1, Fault.serverError(503));

    try (LogCapture log = LogCapture.of(MediaAttacher.class)) {
      assertThat(loop().attach(WS, WT, null, CRM, Deadline.NONE).changed()).isTrue();

      assertThat(log.lines()).containsExactly("FINE task " + WT
          + ": TaskRouterException (HTTP 503) on attempt 1; retrying in 100 ms");
    }
  }
}
