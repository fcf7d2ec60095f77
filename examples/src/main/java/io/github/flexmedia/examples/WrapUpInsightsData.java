package io.github.flexmedia.examples;

import io.github.flexmedia.InsightsData;
import io.github.flexmedia.InsightsField;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.TaskState;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * 13. A wrap-up service sets {@code outcome} and a CSAT measure with the case page, in one
 * read–merge–write: Flex Insights keeps the attributes the task has when it is completed, so they
 * are written before completion (Twilio, "Add Additional TaskRouter Data").
 */
public final class WrapUpInsightsData implements Scenario {
  /** What routing wrote before the wrap-up: a queue, a customer segment, Flex's transcript entry. */
  public static final String EXISTING = "{\"type\":\"inbound\",\"conversations\":{\"media\":["
      + "{\"conversation_sid\":\"" + ChatTranscriptLink.CHANNEL + "\"}],\"queue\":\"Billing\"},"
      + "\"customers\":{\"market_segment\":\"Pensioners\"}}";

  @Override
  public String title() {
    return "Wrap-up: outcome and a CSAT measure written with the case page";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    TaskSnapshot task = ctx.createPlainTask(EXISTING);
    MediaAttributes wrapUp = MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/cases/7", "Case 7"))
        .insights(InsightsData.builder()
            .outcome("Resolved")
            .conversationMeasure(1, 5)              // CSAT, 1 to 5
            .conversationLabel(1, "case-7")         // an ID: a label, not an attribute
            .text(InsightsField.HANG_UP_BY, "Customer")
            .build())
        .build();

    // Before completion Insights will take all of it; after, only media, for two minutes.
    List<MediaWarning> lint = wrapUp.lint(TaskState.open("wrapping"), Instant.now());
    ctx.out().println("  lint before the write (task wrapping): " + lint.size() + " warning(s)");
    AttachResult result = ctx.attacher().attach(task, wrapUp);
    ctx.out().println("  one update carried media and " + wrapUp.insights().paths().size()
        + " Insights fields: " + result.changed());
    return ctx.report(result);
  }
}
