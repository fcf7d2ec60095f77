package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import org.junit.jupiter.api.Test;

/** The attacher's policy holds for the tasks it creates, not only for the ones it updates. */
class CreateTaskPolicyTest {
  private final InMemoryTaskRouter router = new InMemoryTaskRouter();
  private final MediaAttacher crmOnly = MediaAttacher.builder(router)
      .policy(MediaPolicy.builder().allowHosts("crm.example.com").build()).build();

  @Test
  void aLinkThePolicyForbidsIsNotWrittenIntoANewTask() {
    assertThatThrownBy(() -> crmOnly.createTask(WS, WW, Sids.ticket(), "{\"type\":\"inbound\"}"))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("conversations.media[0].url");

    assertThat(router.calls()).as("requests sent").isEmpty();
    assertThat(router.taskCount()).isZero();
  }

  @Test
  void aLinkThePolicyAllowsCreatesTheTaskWithOneRequest() {
    MediaAttributes crm = MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

    TaskSnapshot created = crmOnly.createTask(WS, WW, crm, null);

    assertThat(router.calls()).hasSize(1);
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, created.taskSid())))
        .isEqualTo(crm);
  }
}
