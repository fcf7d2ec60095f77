package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static io.github.flexmedia.twilio.Sids.WW;
import static io.github.flexmedia.twilio.testing.Operation.FETCH;
import static io.github.flexmedia.twilio.testing.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.InsightsData;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.RecordedCall;
import org.junit.jupiter.api.Test;

/** Insights fields ride on {@link MediaAttributes} through the attacher's one If-Match loop. */
class InsightsAttachTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXISTING = "{\"routing\":{\"skill\":\"billing\"},"
      + "\"conversations\":{\"media\":[{\"conversation_sid\":\"CH0123456789abcdef0123456789abcdef\"}],"
      + "\"queue\":\"Billing\"},\"customers\":{\"customer_attribute_1\":\"gold\"}}";

  private static MediaAttributes wrapUp() {
    return MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/cases/7", "Case 7"))
        .insights(InsightsData.builder().outcome("Resolved").conversationMeasure(1, 5).build())
        .build();
  }

  @Test
  void oneConditionalUpdateCarriesMediaAndInsightsAndKeepsEveryOtherKey() throws Exception {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, EXISTING);
    String etag = router.task(WS, WT).orElseThrow().etag();
    // Another writer changes the task between our read and our write: the 412 path re-merges.
    router.beforeNextUpdate(() -> router.setAttributes(WS, WT,
        EXISTING.replace("\"Billing\"", "\"Billing 2\"")));

    AttachResult result = MediaAttacher.builder(router).build().attach(WS, WT, wrapUp());

    assertThat(router.calls()).extracting(RecordedCall::operation)
        .containsExactly(FETCH, UPDATE, FETCH, UPDATE);
    assertThat(router.calls().get(1).ifMatch()).isEqualTo(etag);
    assertThat(result.changed()).isTrue();
    JsonNode written = JSON.readTree(router.attributes(WS, WT));
    assertThat(written).isEqualTo(JSON.readTree("{\"routing\":{\"skill\":\"billing\"},"
        + "\"conversations\":{\"media\":[{\"conversation_sid\":\"CH0123456789abcdef0123456789abcdef\"},"
        + "{\"type\":\"Referenced\",\"url\":\"https://crm.example.com/cases/7\",\"title\":\"Case 7\"}],"
        + "\"queue\":\"Billing 2\",\"outcome\":\"Resolved\",\"conversation_measure_1\":5},"
        + "\"customers\":{\"customer_attribute_1\":\"gold\"}}"));
  }

  @Test
  void aHipaaAttacherRefusesDroppedFieldsBeforeAnyRequest() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, EXISTING);
    router.clearCalls();
    MediaAttacher attacher = MediaAttacher.builder(router)
        .policy(MediaPolicy.builder().hipaa(true).build()).build();
    MediaAttributes media = MediaAttributes.builder()
        .insights(InsightsData.builder()
            .custom("customers.email", "jane@example.com")
            .custom("conversations.my_custom_key", "x")
            .custom("crm_id", "C-7")
            .build())
        .build();

    InvalidMediaException attach = catchThrowableOfType(InvalidMediaException.class,
        () -> attacher.attach(WS, WT, media));
    InvalidMediaException create = catchThrowableOfType(InvalidMediaException.class,
        () -> attacher.createTask(WS, WW, media, "{}"));

    for (InvalidMediaException e : new InvalidMediaException[] {attach, create}) {
      assertThat(e.field()).isEqualTo("customers.email, conversations.my_custom_key, crm_id");
      assertThat(e.rule()).isEqualTo("hipaa-preserved-list");
    }
    assertThat(router.calls()).isEmpty();
    assertThat(router.attributes(WS, WT)).isEqualTo(EXISTING);
  }
}
