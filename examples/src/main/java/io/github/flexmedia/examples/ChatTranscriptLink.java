package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;

/** 5. A chat transcript, by its Programmable Chat channel SID. */
public final class ChatTranscriptLink implements Scenario {
  /** The channel shown. */
  public static final String CHANNEL = "CH0123456789abcdef0123456789abcdef";

  @Override
  public String title() {
    return "ChatTranscript by channel SID";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"chat\"}").taskSid();
    MediaAttributes media = MediaAttributes.builder().media(MediaLink.chatTranscript(CHANNEL)).build();
    return ctx.report(ctx.attacher().attach(ctx.workspaceSid(), taskSid, media));
  }
}
