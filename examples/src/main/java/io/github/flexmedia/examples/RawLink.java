package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;

/**
 * 2. A task-level Raw link. Flex opens it in a new tab on drill-down; when it comes first and
 * other links follow, the Conversation Screen never opens — lint says so.
 */
public final class RawLink implements Scenario {
  @Override
  public String title() {
    return "Task-level Raw link (and the warning when others follow it)";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\"}").taskSid();
    MediaAttributes media = MediaAttributes.builder()
        .media(
            MediaLink.raw("https://crm.example.com/cases/77", "CRM case 77"),
            MediaLink.referenced("https://support.example.com/tickets/77", "Ticket 77"))
        .build();
    return ctx.report(ctx.attacher().attach(ctx.workspaceSid(), taskSid, media));
  }
}
