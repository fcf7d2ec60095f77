package io.github.flexmedia.benchmarks;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The data every benchmark uses: the three-link list and a realistic 3.5 KB attributes document. */
public final class Fixtures {
  /** Support ticket page. */
  public static final String TICKET_URL = "https://support.example.com/tickets/42";
  /** Its title. */
  public static final String TICKET_TITLE = "Support ticket #42";
  /** A chat channel. */
  public static final String CHAT_SID = "CH0123456789abcdef0123456789abcdef";
  /** A recording. */
  public static final String RECORDING_URL =
      "https://recordings.example.com/RE0123456789abcdef0123456789abcdef.wav";
  /** Its start, epoch milliseconds. */
  public static final long START_MILLIS = 1_574_350_320_000L;

  private Fixtures() {}

  /** Embedded + ChatTranscript + VoiceRecording at task level. */
  public static MediaAttributes threeLinks() {
    return MediaAttributes.builder()
        .media(
            MediaLink.embedded(TICKET_URL, TICKET_TITLE),
            MediaLink.chatTranscript(CHAT_SID),
            MediaLink.voiceRecording(RECORDING_URL)
                .startTimeMillis(START_MILLIS)
                .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
                .build())
        .build();
  }

  /** Routing data, conversations fields, customer data and an existing media list. */
  public static String attributes4k() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/attributes-4k.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
