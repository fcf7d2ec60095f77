package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One pipeline: the queue's workers attach with the application's {@link MediaAttacher} bean. */
class QueueUsesTheAttacherBeanTest {
  private static final MediaAttributes TICKET = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/tickets/42", "Ticket 42"))
      .build();

  @Test
  void theQueueAttachesWithTheApplicationsAttacherAndItsSleeper() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    router.failNext(Operation.UPDATE, 1, Fault.unavailable());
    List<Duration> slept = new ArrayList<>();
    MediaAttacher mine = MediaAttacher.builder(router).maxAttempts(2).sleeper(slept::add).build();

    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FlexMediaAutoConfiguration.class))
        .withBean(TaskRouterClient.class, () -> router)
        .withBean(MediaAttacher.class, () -> mine)
        .run(context -> {
          assertThat(context).hasSingleBean(MediaAttacher.class);
          AttachQueue queue = context.getBean(AttachQueue.class);

          AttachOutcome o = queue.attachWithin(
              PendingAttach.of(WS, WT, TICKET, Instant.now().plusSeconds(120)),
              Duration.ofSeconds(30));

          assertThat(o.status()).isEqualTo(AttachOutcome.Status.ATTACHED);
          assertThat(o.result().attempts()).isEqualTo(2);
          assertThat(slept).as("the bean's own sleeper waited before the retry").hasSize(1);
          assertThat(router.attributes(WS, WT)).contains("tickets/42");
        });
  }
}
