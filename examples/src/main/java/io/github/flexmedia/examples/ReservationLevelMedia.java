package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;

/**
 * 7. Reservation-level media for two segments of one conversation: the first agent's notes and
 * the second agent's case, each shown only for that agent's segment.
 */
public final class ReservationLevelMedia implements Scenario {
  /** The first agent's reservation. */
  public static final String FIRST = "WR0123456789abcdef0123456789abcdef";
  /** The second agent's reservation (after a transfer). */
  public static final String SECOND = "WRfedcba9876543210fedcba9876543210";

  @Override
  public String title() {
    return "Reservation-level media for two segments";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\"}").taskSid();
    MediaAttributes media = MediaAttributes.builder()
        .reservationMedia(FIRST,
            MediaLink.embedded("https://crm.example.com/notes/first-agent", "First agent's notes"),
            MediaLink.chatTranscript(ChatTranscriptLink.CHANNEL))
        .reservationMedia(SECOND,
            MediaLink.referenced("https://crm.example.com/cases/after-transfer", "Case after transfer"),
            MediaLink.chatTranscript(ChatTranscriptLink.CHANNEL))
        .build();
    return ctx.report(ctx.attacher().attach(ctx.workspaceSid(), taskSid, media));
  }
}
