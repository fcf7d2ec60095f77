package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TaskSnapshot;

/** 1. The classic "External Ticket": create a task that already carries a Referenced link. */
public final class CreateTaskWithReferencedLink implements Scenario {
  @Override
  public String title() {
    return "Create a task with a Referenced link (External Ticket)";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.referenced("https://support.example.com/tickets/1001", "External Ticket"))
        .build();
    TaskSnapshot task = ctx.attacher().createTask(
        ctx.workspaceSid(), ctx.workflowSid(), media, "{\"type\":\"support\",\"ticket_id\":1001}");
    return ctx.report(task, media.lint());
  }
}
