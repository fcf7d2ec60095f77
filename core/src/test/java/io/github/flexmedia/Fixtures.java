package io.github.flexmedia;

/** Links matching the golden files, built through the public API. */
final class Fixtures {
  static final String CHAT_SID = "CH0123456789abcdef0123456789abcdef";
  static final String WR_1 = "WR0123456789abcdef0123456789abcdef";
  static final String WR_2 = "WRfedcba9876543210fedcba9876543210";

  private Fixtures() {}

  static MediaLink.Raw raw() {
    return MediaLink.raw("https://crm.example.com/cases/1001?view=full", "CRM case 1001");
  }

  static MediaLink.Embedded embedded() {
    return MediaLink.embedded("https://support.example.com/tickets/42", "Support ticket #42");
  }

  static MediaLink.Referenced referenced() {
    return MediaLink.referenced("https://support.example.com/tickets/42", "External Ticket");
  }

  static MediaLink.VoiceRecording recording() {
    return MediaLink.voiceRecording(
            "https://recordings.example.com/RE0123456789abcdef0123456789abcdef.wav")
        .startTimeMillis(1574350320000L)
        .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
        .build();
  }

  static MediaLink.ChatTranscript chat() {
    return MediaLink.chatTranscript(CHAT_SID);
  }
}
