package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;

/** 3. A support ticket page shown in an iframe on the Conversation Screen. */
public final class EmbeddedLink implements Scenario {
  @Override
  public String title() {
    return "Task-level Embedded link (ticket page in the Conversation Screen)";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"chat\"}").taskSid();
    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.embedded("https://support.example.com/tickets/42", "Support ticket #42"))
        .build();
    return ctx.report(ctx.attacher().attach(ctx.workspaceSid(), taskSid, media));
  }
}
