package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import java.time.Instant;

/** 4. A dual-channel call recording with its start time (written as epoch milliseconds). */
public final class VoiceRecordingWithChannels implements Scenario {
  /** The recording's start: 2019-11-21T15:32:00Z. */
  public static final Instant START = Instant.parse("2019-11-21T15:32:00Z");

  @Override
  public String title() {
    return "VoiceRecording with start_time and dual channels";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\"}").taskSid();
    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.voiceRecording("https://recordings.example.com/RE0123456789abcdef0123456789abcdef.wav")
            .startTime(START)
            .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
            .build())
        .build();
    return ctx.report(ctx.attacher().attach(ctx.workspaceSid(), taskSid, media));
  }
}
