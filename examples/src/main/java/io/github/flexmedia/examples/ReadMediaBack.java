package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.util.List;
import java.util.Map;

/** 10. Read the media back from a task's attributes, typed. */
public final class ReadMediaBack implements Scenario {
  @Override
  public String title() {
    return "Read the media back from a task's attributes";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\"}").taskSid();
    ctx.attacher().attach(ctx.workspaceSid(), taskSid, MediaAttributes.builder()
        .media(SeveralLinks.TICKET, SeveralLinks.CHAT, SeveralLinks.CALL)
        .reservationMedia(ReservationLevelMedia.FIRST, SeveralLinks.CHAT)
        .build());

    TaskSnapshot task = ctx.client().fetchTask(ctx.workspaceSid(), taskSid);
    MediaAttributes media = MediaAttributes.fromTaskAttributes(task.attributesJson());
    for (MediaLink link : media.taskMedia()) {
      ctx.out().println("  task level: " + link); // toString shows scheme and host only
    }
    for (Map.Entry<String, List<MediaLink>> e : media.reservationMedia().entrySet()) {
      ctx.out().println("  reservation " + e.getKey() + ": " + e.getValue());
    }
    return ctx.report(task, media.lint());
  }
}
