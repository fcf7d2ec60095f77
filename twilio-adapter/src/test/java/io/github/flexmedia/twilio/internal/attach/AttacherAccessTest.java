package io.github.flexmedia.twilio.internal.attach;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import org.junit.jupiter.api.Test;

class AttacherAccessTest {
  @Test
  void theHookIsMediaAttachersAndCannotBeReplaced() {
    MediaAttacher.builder(new InMemoryTaskRouter()).build(); // its class installs the hook

    assertThatThrownBy(() -> AttacherAccess.install((a, ws, task, media, deadline) -> null,
        (builder, sleeper) -> { }))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSidsAreCheckedAsByAttach() {
    MediaAttacher attacher = MediaAttacher.builder(new InMemoryTaskRouter()).build();

    assertThatThrownBy(() -> AttacherAccess.attach(attacher, "WS1", "WT1",
        io.github.flexmedia.MediaAttributes.empty(), Deadline.NONE))
        .hasMessageContaining("workspaceSid");
  }
}
