package io.github.flexmedia.twilio.testing;

import static io.github.flexmedia.twilio.testing.TaskAssert.assertThatTask;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.MediaAttacher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskAssertTest {
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final String WT = "WT0123456789abcdef0123456789abcdef";
  static final String WR = "WR0123456789abcdef0123456789abcdef";
  static final MediaLink TICKET = MediaLink.referenced("https://support.example.com/tickets/42", "Ticket 42");
  static final MediaLink OTHER = MediaLink.referenced("https://support.example.com/tickets/43", "Ticket 42");
  static final MediaLink CHAT = MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef");

  private InMemoryTaskRouter router;

  @BeforeEach
  void attach() {
    router = new InMemoryTaskRouter();
    router.putTask(WS, WT, "{\"type\":\"inbound\"}");
    MediaAttacher.builder(router).build().attach(WS, WT,
        MediaAttributes.builder().media(TICKET, CHAT).reservationMedia(WR, CHAT).build());
  }

  @Test
  void passesOnWhatWasAttached() {
    assertThatTask(router, WS, WT)
        .hasTaskMedia(TICKET, CHAT)
        .hasTaskMediaContaining(CHAT)
        .hasReservationMedia(WR, CHAT)
        .hasMedia(MediaAttributes.builder().media(TICKET, CHAT).reservationMedia(WR, CHAT).build());
  }

  @Test
  void failsWithARedactedButDistinguishableMessage() {
    assertThatThrownBy(() -> assertThatTask(router, WS, WT).hasTaskMedia(OTHER, CHAT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected task " + WT + " to have task media")
        .hasMessageNotContaining("tickets/4")
        .satisfies(e -> {
          String m = e.getMessage();
          String expectedLine = m.lines().skip(1).findFirst().orElseThrow();
          String actualLine = m.lines().skip(3).findFirst().orElseThrow();
          org.assertj.core.api.Assertions.assertThat(expectedLine).isNotEqualTo(actualLine);
        });
  }

  @Test
  void failsForMissingListsTasksAndUnexpectedMedia() {
    assertThatThrownBy(() -> assertThatTask(router, WS, WT).hasTaskMediaContaining(OTHER))
        .hasMessageContaining("to contain");
    assertThatThrownBy(() -> assertThatTask(router, WS, WT).hasReservationMedia("WRffffffffffffffffffffffffffffffff", CHAT))
        .hasMessageContaining("no list for that reservation");
    assertThatThrownBy(() -> assertThatTask(router, WS, WT).hasNoReservationMedia())
        .hasMessageContaining(WR);
    assertThatThrownBy(() -> assertThatTask(router, WS, WT).hasNoMedia())
        .hasMessageContaining("to have no media");
    assertThatThrownBy(() -> assertThatTask(router, WS, "WT00000000000000000000000000000000"))
        .hasMessageContaining("no such task");
    router.putTask(WS, WT, "{\"conversations\":[]}");
    assertThatThrownBy(() -> assertThatTask(router, WS, WT).hasNoMedia())
        .hasMessageContaining("readable media");
  }

  @Test
  void worksOnSnapshots() {
    router.putTask(WS, WT, "{}");
    assertThatTask(router.task(WS, WT).orElseThrow()).hasNoMedia().hasNoReservationMedia();
  }
}
