package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;

/**
 * 8. Custom media replace Flex's default call recording. To keep it, list the recording yourself
 * next to the custom link; without it, lint warns DEFAULT_MEDIA_REPLACED.
 */
public final class KeepDefaultRecording implements Scenario {
  @Override
  public String title() {
    return "Keep the default call recording next to custom media";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\"}").taskSid();
    MediaAttributes withoutRecording = MediaAttributes.builder()
        .media(MediaLink.embedded("https://crm.example.com/cases/9", "CRM case 9"))
        .build();
    ctx.out().println("  custom media alone would hide the recording:");
    ctx.printWarnings(withoutRecording.lint());

    MediaAttributes keepingIt = withoutRecording.toBuilder()
        .media(MediaLink.voiceRecording(
                "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef"
                    + "/Recordings/RE0123456789abcdef0123456789abcdef")
            .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
            .build())
        .build();
    return ctx.report(ctx.attacher().attach(ctx.workspaceSid(), taskSid, keepingIt));
  }
}
