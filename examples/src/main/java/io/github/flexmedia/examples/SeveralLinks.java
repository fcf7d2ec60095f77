package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;

/**
 * 6. Several links in one list, then the same links in another order (REPLACE mode: the list is
 * rewritten, nothing else is).
 */
public final class SeveralLinks implements Scenario {
  static final MediaLink TICKET = MediaLink.embedded("https://support.example.com/tickets/42", "Ticket #42");
  static final MediaLink CHAT = MediaLink.chatTranscript(ChatTranscriptLink.CHANNEL);
  static final MediaLink CALL =
      MediaLink.voiceRecording("https://recordings.example.com/RE0123456789abcdef0123456789abcdef.wav")
          .startTimeMillis(1_574_350_320_000L)
          .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
          .build();

  @Override
  public String title() {
    return "Several links in one list (Embedded + ChatTranscript + VoiceRecording), then reordered";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\"}").taskSid();
    ctx.attacher().attach(ctx.workspaceSid(), taskSid,
        MediaAttributes.builder().media(TICKET, CHAT, CALL).build());
    ctx.out().println("  attached Embedded, ChatTranscript, VoiceRecording; now putting the call first:");

    MediaAttacher replacing = MediaAttacher.builder(ctx.client()).mergeMode(MergeMode.REPLACE).build();
    AttachResult reordered = replacing.attach(ctx.workspaceSid(), taskSid,
        MediaAttributes.builder().media(CALL, TICKET, CHAT).build());
    return ctx.report(reordered);
  }
}
