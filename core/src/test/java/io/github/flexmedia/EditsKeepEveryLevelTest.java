package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code toBuilder()} edits: both levels survive, and the original never changes. */
class EditsKeepEveryLevelTest {
  static final String WR1 = "WR0123456789abcdef0123456789abcdef";
  static final String WR2 = "WRfedcba9876543210fedcba9876543210";

  final MediaAttributes original = MediaAttributes.builder()
      .media(MediaLink.referenced("https://t.example.com/1", "Ticket"))
      .reservationMedia(WR1, MediaLink.embedded("https://crm.example.com/a", "CRM"))
      .reservationMedia(WR2, MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef"))
      .build();

  @Test
  void toBuilderKeepsReservationMedia() {
    assertThat(original.toBuilder().build()).isEqualTo(original);
    assertThat(original.toBuilder().build().reservationMedia()).containsOnlyKeys(WR1, WR2);
  }

  @Test
  void appendingToAReservationThroughToBuilderLeavesTheOriginalAlone() {
    MediaAttributes edited = original.toBuilder()
        .reservationMedia(WR1, MediaLink.referenced("https://kb.example.com/7", "KB"))
        .media(MediaLink.referenced("https://t.example.com/2", "Ticket 2"))
        .build();

    assertThat(edited.reservationMedia().get(WR1)).hasSize(2);
    assertThat(edited.reservationMedia().get(WR2)).isEqualTo(original.reservationMedia().get(WR2));
    assertThat(edited.taskMedia()).hasSize(2);
    assertThat(original.reservationMedia().get(WR1)).hasSize(1);
    assertThat(original.taskMedia()).hasSize(1);
  }

  @Test
  void readMediaCanBeEditedAtBothLevels() {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(original.toJson());

    MediaAttributes edited = read.toBuilder()
        .reservationMedia(WR2, MediaLink.referenced("https://kb.example.com/7", "KB")).build();

    assertThat(edited.reservationMedia().get(WR1)).isEqualTo(original.reservationMedia().get(WR1));
    assertThat(edited.reservationMedia().get(WR2)).hasSize(2);
  }
}
