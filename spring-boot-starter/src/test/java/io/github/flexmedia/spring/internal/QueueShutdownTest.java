package io.github.flexmedia.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The queue stops with the context; what it could not finish is one warning, by task. */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class QueueShutdownTest {
  private static final String WS = "WS" + "0".repeat(31) + "1";
  private static final String BLOCKED = "WT" + "0".repeat(31) + "2";
  private static final String WAITING = "WT" + "0".repeat(31) + "3";

  private final InMemoryTaskRouter router = new InMemoryTaskRouter();

  private static PendingAttach attach(String task) {
    return PendingAttach.of(WS, task, MediaAttributes.builder().media(MediaLink.referenced(
        "https://crm.example.com/cases/secret-case", "Case")).build(),
        Instant.now().plusSeconds(600));
  }

  @Test
  void aQueueThatFinishedEverythingStopsWithoutAWord(CapturedOutput output) {
    QueueShutdown shutdown = new QueueShutdown(Duration.ofSeconds(5));
    AttachQueue queue = shutdown.manage(AttachQueue.builder(MediaAttacher.builder(router).build())
        .build());

    shutdown.destroy();

    assertThat(queue.offer(attach(WAITING))).as("stopped: it refuses work").isFalse();
    assertThat(output.getAll()).doesNotContain("not finished at shutdown");
  }

  @Test
  void anAttachStillWaitingWhenTheGraceEndsIsNamedByItsTaskNotItsMedia(CapturedOutput output)
      throws Exception {
    router.putTask(WS, BLOCKED, "{}");
    router.putTask(WS, WAITING, "{}");
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    router.beforeNextUpdate(() -> {
      writing.countDown();
      try {
        letGo.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    QueueShutdown shutdown = new QueueShutdown(Duration.ofMillis(50));
    AttachQueue queue = shutdown.manage(AttachQueue.builder(MediaAttacher.builder(router).build())
        .workers(1).build());
    assertThat(queue.offer(attach(BLOCKED))).isTrue();
    assertThat(writing.await(30, TimeUnit.SECONDS)).as("the one worker is busy").isTrue();
    assertThat(queue.offer(attach(WAITING))).isTrue();

    try {
      shutdown.destroy();
    } finally {
      letGo.countDown();
    }

    assertThat(output.getAll().lines().filter(l -> l.contains("not finished at shutdown")))
        .singleElement().satisfies(line -> assertThat(line)
            .contains("flex-media: ", "queued attach(es) not finished at shutdown", WAITING)
            .doesNotContain("crm.example.com"));
  }
}
