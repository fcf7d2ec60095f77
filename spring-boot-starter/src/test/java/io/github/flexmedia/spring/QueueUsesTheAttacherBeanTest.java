package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One pipeline: the queue's workers attach with the application's {@link MediaAttacher} bean. */
class QueueUsesTheAttacherBeanTest {
  private static final MediaAttributes TICKET = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/tickets/42", "Ticket 42"))
      .build();

  @Test
  void theQueueAttachesWithTheApplicationsAttacherAndItsPolicy() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{}");
    // The application's attacher admits one host only; a default attacher would write the ticket.
    MediaAttacher mine = MediaAttacher.builder(router)
        .policy(MediaPolicy.builder().allowHosts("recordings.example.com").build()).build();

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

          assertThat(o.status()).isEqualTo(AttachOutcome.Status.FAILED);
          assertThat(o.cause()).as("the bean's own policy refused the host")
              .isInstanceOf(InvalidMediaException.class);
          assertThat(router.attributes(WS, WT)).isEqualTo("{}");
          assertThat(router.calls()).as("refused before anything was sent").isEmpty();
        });
  }
}
