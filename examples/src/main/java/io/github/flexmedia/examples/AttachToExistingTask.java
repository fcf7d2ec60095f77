package io.github.flexmedia.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskSnapshot;

/**
 * 9. Attach to a task that already carries routing and customer attributes: everything else
 * survives, by value (big numbers, decimals, unicode, nulls, key order).
 */
public final class AttachToExistingTask implements Scenario {
  /** What the IVR and the CRM webhook wrote before us. */
  public static final String EXISTING =
      "{\"type\":\"inbound\",\"from\":\"+15550100\",\"skills\":[\"billing\",\"spanish\"],"
          + "\"customer\":{\"name\":\"Zoë Ångström\",\"account\":123456789012345678901234567890,"
          + "\"balance\":1.10,\"vip\":null},"
          + "\"conversations\":{\"conversation_id\":\"C-7\",\"abandoned\":\"No\",\"queue_time\":12}}";

  @Override
  public String title() {
    return "Attach to an existing task that carries routing and customer data";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    TaskSnapshot before = ctx.createPlainTask(EXISTING);
    ctx.out().println("  before:");
    ctx.out().println("    " + ExampleContext.pretty(before.attributesJson()).replace("\n", "\n    "));

    AttachResult result = ctx.attacher().attach(before, MediaAttributes.builder()
        .media(MediaLink.referenced("https://support.example.com/tickets/7", "Ticket 7"),
            MediaLink.chatTranscript(ChatTranscriptLink.CHANNEL))
        .build());

    ctx.out().println("  everything but conversations.media unchanged: "
        + withoutMedia(before.attributesJson()).equals(withoutMedia(result.task().attributesJson())));
    return ctx.report(result);
  }

  /** The document without the media list this library owns. */
  static JsonNode withoutMedia(String json) {
    try {
      ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json);
      if (root.get("conversations") instanceof ObjectNode c) {
        c.remove("media");
      }
      return root;
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }
}
