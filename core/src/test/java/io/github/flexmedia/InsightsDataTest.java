package io.github.flexmedia;

import static io.github.flexmedia.TestJson.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.InvalidMediaException.Rule;
import io.github.flexmedia.MediaWarning.Code;
import io.github.flexmedia.internal.InsightsLinter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightsDataTest {
  private static final MediaLink TICKET =
      MediaLink.referenced("https://crm.example.com/cases/7", "Case 7");

  private static List<String> codesAndPaths(List<MediaWarning> warnings) {
    return warnings.stream().map(w -> w.code() + " " + w.path()).toList();
  }

  @Test
  void everyDocumentedFieldIsWrittenWithItsDocumentedJsonType() {
    InsightsData.Builder b = InsightsData.builder();
    for (InsightsField f : InsightsField.values()) {
      if (f.type() == InsightsField.ValueType.NUMBER) {
        b.number(f, new BigDecimal("4.50"));
      } else {
        b.text(f, "v");
      }
    }
    InsightsData data = b.build();
    JsonNode written = tree(MediaAttributes.builder().insights(data).build().mergeInto("{}", MergeMode.APPEND));

    for (InsightsField f : InsightsField.values()) {
      JsonNode value = f.place() == InsightsField.Place.ROOT
          ? written.get(f.key())
          : written.get(f.place().prefix().replace(".", "")).get(f.key());
      assertThat(value).as(f.path()).isNotNull();
      if (f.type() == InsightsField.ValueType.NUMBER) {
        assertThat(value.isNumber()).as(f.path()).isTrue();
        assertThat(value.decimalValue()).isEqualByComparingTo("4.50");
        assertThat(value.toString()).isEqualTo("4.50");
      } else {
        assertThat(value.textValue()).as(f.path()).isEqualTo("v");
      }
    }
    assertThat(data.lint()).isEmpty();
    assertThat(InsightsData.fromTaskAttributes(written.toString())).isEqualTo(data);
  }

  @Test
  void twiliosOwnExampleAttributesLintCleanAndTheirHipaaLintNamesWhatTheFilterDrops() {
    InsightsData example = InsightsData.fromTaskAttributes(TestJson.golden("insights-twilio-example.json"));

    JsonNode doc = TestJson.goldenTree("insights-twilio-example.json");
    assertThat(example.paths()).hasSize(doc.get("conversations").size() + doc.get("customers").size());
    assertThat(example.lint()).isEmpty();
    assertThat(codesAndPaths(example.hipaaLint())).containsExactly(
        "HIPAA_PII_REMOVED conversations.external_contact",
        "HIPAA_NOT_PRESERVED customers.name",
        "HIPAA_PII_REMOVED customers.email",
        "HIPAA_NOT_PRESERVED customers.geo_location",
        "HIPAA_PII_REMOVED customers.phone",
        "HIPAA_NOT_PRESERVED customers.zip");
    assertThat(example.number(InsightsField.CONVERSATION_MEASURE_10)).contains(new BigDecimal("110"));
    assertThat(example.text(InsightsField.OUTCOME)).contains("Retention - Success");
    assertThat(example.text(InsightsField.ORDER)).isEmpty();
  }

  @Test
  void unknownMisspeltOutOfRangeAndWronglyTypedFieldsAreEachReportedWithTheirPath() {
    String doc = "{\"routing\":{\"skill\":\"x\"},\"crm_id\":\"7\",\"conversations\":{"
        + "\"media\":[{\"type\":\"Referenced\",\"url\":\"https://crm.example.com/c\",\"title\":\"C\"}],"
        + "\"outcom\":\"Resolved\",\"conversation_attribute_11\":\"a\",\"conversation_measure_1\":\"5\","
        + "\"my_custom_key\":1,\"conversation_label_0\":\"l\",\"hang_up_by\":{\"who\":\"x\"}},"
        + "\"customers\":{\"customer_label_4\":\"z\",\"year_of_birth\":1947,\"custmer_manager\":\"M\","
        + "\"business_value\":\"7500\"}}";

    List<MediaWarning> warnings = InsightsData.fromTaskAttributes(doc).lint();

    assertThat(codesAndPaths(warnings)).containsExactly(
        "INSIGHTS_UNKNOWN_KEY conversations.outcom",
        "INSIGHTS_NUMBER_OUT_OF_RANGE conversations.conversation_attribute_11",
        "INSIGHTS_WRONG_TYPE conversations.conversation_measure_1",
        "INSIGHTS_UNKNOWN_KEY conversations.my_custom_key",
        "INSIGHTS_NUMBER_OUT_OF_RANGE conversations.conversation_label_0",
        "INSIGHTS_WRONG_TYPE conversations.hang_up_by",
        "INSIGHTS_NUMBER_OUT_OF_RANGE customers.customer_label_4",
        "INSIGHTS_WRONG_TYPE customers.year_of_birth",
        "INSIGHTS_UNKNOWN_KEY customers.custmer_manager",
        "INSIGHTS_WRONG_TYPE customers.business_value");
    assertThat(warnings.get(0).message()).endsWith("did you mean conversations.outcome?");
    assertThat(warnings.get(1).message())
        .contains("conversations.conversation_attribute_1 to conversations.conversation_attribute_10");
    assertThat(warnings.get(2).message()).contains("a JSON number (was a string)");
    assertThat(warnings.get(3).message()).doesNotContain("did you mean");
    assertThat(warnings.get(6).message()).contains("customer_label_1 to customers.customer_label_3");
    assertThat(warnings.get(7).message()).contains("a JSON string (was a number)");
    assertThat(warnings.get(8).message()).endsWith("did you mean customers.customer_manager?");
    // Values never appear in messages: they may hold PHI.
    assertThat(warnings).allSatisfy(w -> assertThat(w.message()).doesNotContain("Resolved", "7500"));
  }

  @Test
  void textOver128CharactersIsReportedAsTruncated() {
    InsightsData data = InsightsData.builder()
        .outcome("x".repeat(129)).conversationAttribute(1, "y".repeat(128)).build();

    assertThat(codesAndPaths(data.lint())).containsExactly("INSIGHTS_VALUE_TRUNCATED conversations.outcome");
  }

  @Test
  void mergeKeepsMediaAndEveryForeignKeyByValueInPlace() {
    String existing = "{\"z\":1,\"big\":123456789012345678901234567890,\"dec\":1.10,"
        + "\"conversations\":{\"media\":[{\"type\":\"Referenced\",\"url\":\"https://a.example.com/x\","
        + "\"title\":\"Ä\"}],\"foreign\":{\"n\":null,\"e\":1e400},\"outcome\":\"old\"},"
        + "\"uni\":\"\\u00e9\\ud83d\\ude00\",\"customers\":{\"kept\":[1,2.50]}}";
    InsightsData data = InsightsData.builder()
        .outcome("Resolved").conversationMeasure(1, new BigDecimal("4.50"))
        .customerAttribute(1, "gold").build();

    String merged = MediaAttributes.builder().insights(data).build().mergeInto(existing, MergeMode.APPEND);

    ObjectNode expected = (ObjectNode) tree(existing);
    ((ObjectNode) expected.get("conversations")).put("outcome", "Resolved")
        .put("conversation_measure_1", new BigDecimal("4.50"));
    ((ObjectNode) expected.get("customers")).put("customer_attribute_1", "gold");
    assertThat(tree(merged)).isEqualTo(expected);
    // Key order and number text survive: the document is the old one with three values set.
    assertThat(merged).isEqualTo("{\"z\":1,\"big\":123456789012345678901234567890,\"dec\":1.10,"
        + "\"conversations\":{\"media\":[{\"type\":\"Referenced\",\"url\":\"https://a.example.com/x\","
        + "\"title\":\"Ä\"}],\"foreign\":{\"n\":null,\"e\":1E+400},\"outcome\":\"Resolved\","
        + "\"conversation_measure_1\":4.50},\"uni\":\"é😀\",\"customers\":{\"kept\":[1,2.50],"
        + "\"customer_attribute_1\":\"gold\"}}");
  }

  @Test
  void oneMergeCarriesMediaAndInsightsAndRepeatingItChangesNothing() {
    MediaAttributes write = MediaAttributes.builder()
        .media(TICKET)
        .insights(InsightsData.builder().outcome("Resolved").conversationMeasure(1, 5).build())
        .build();

    String once = write.mergeInto("{\"routing\":1}", MergeMode.APPEND);
    assertThat(tree(once)).isEqualTo(tree("{\"routing\":1,\"conversations\":{\"media\":["
        + "{\"type\":\"Referenced\",\"url\":\"https://crm.example.com/cases/7\",\"title\":\"Case 7\"}],"
        + "\"outcome\":\"Resolved\",\"conversation_measure_1\":5}}"));
    assertThat(write.mergeInto(once, MergeMode.APPEND)).isEqualTo(once);
    assertThat(write.mergeInto(once, MergeMode.REPLACE)).isEqualTo(once);
    assertThat(tree(write.toJson())).isEqualTo(((ObjectNode) tree(once)).without("routing"));
    assertThat(MediaAttributes.fromTaskAttributes(once).taskMedia()).containsExactly(TICKET);
    assertThat(InsightsData.fromTaskAttributes(once)).isEqualTo(write.insights());
  }

  @Test
  void insightsOnlyWriteLeavesMediaAloneAndIsNotEmpty() {
    MediaAttributes write = MediaAttributes.builder()
        .insights(InsightsData.builder().outcome("Resolved").build()).build();

    assertThat(write.isEmpty()).isFalse();
    assertThat(write.hasTaskMedia()).isFalse();
    String merged = write.mergeInto(TestJson.golden("three-link-task.json"), MergeMode.REPLACE);
    assertThat(MediaAttributes.fromTaskAttributes(merged))
        .isEqualTo(MediaAttributes.fromTaskAttributes(TestJson.golden("three-link-task.json")));
    assertThat(write.toBuilder().build()).isEqualTo(write);
    assertThat(write.toString()).contains("conversations.outcome").doesNotContain("Resolved");
  }

  @Test
  void theBuilderRefusesTheWrongTypeOutOfRangeNumbersAndPathsItDoesNotOwn() {
    InvalidMediaException type = catchThrowableOfType(InvalidMediaException.class,
        () -> InsightsData.builder().text(InsightsField.CONVERSATION_MEASURE_2, "5"));
    assertThat(type.field()).isEqualTo("conversations.conversation_measure_2");
    assertThat(type.is(Rule.INSIGHTS_TYPE)).isTrue();
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> InsightsData.builder().number(InsightsField.OUTCOME, 1)).is(Rule.INSIGHTS_TYPE)).isTrue();

    InvalidMediaException range = catchThrowableOfType(InvalidMediaException.class,
        () -> InsightsData.builder().conversationAttribute(11, "a"));
    assertThat(range.field()).isEqualTo("conversations.conversation_attribute_11");
    assertThat(range.is(Rule.RANGE)).isTrue();
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> InsightsData.builder().customerLabel(0, "a")).field()).isEqualTo("customers.customer_label_0");

    for (String path : List.of("conversations.media", "conversations", "customers",
        "reservation_attributes", "conversations.")) {
      assertThat(catchThrowableOfType(InvalidMediaException.class,
          () -> InsightsData.builder().custom(path, "x")).is(Rule.INSIGHTS_PATH)).as(path).isTrue();
    }
    assertThatThrownBy(() -> InsightsData.builder().outcome(null))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("conversations.outcome");
    assertThatThrownBy(() -> InsightsData.builder().outcome("\ud800"))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("valid-unicode");
  }

  @Test
  void readingIsTolerantButRefusesConversationsOrCustomersOfTheWrongShape() {
    assertThat(InsightsData.fromTaskAttributes(null)).isSameAs(InsightsData.empty());
    assertThat(InsightsData.fromTaskAttributes("{\"crm_id\":1}")).isSameAs(InsightsData.empty());
    InsightsData read = InsightsData.fromTaskAttributes("{\"direction\":\"inbound\",\"crm\":2}");
    assertThat(read.paths()).containsExactly("direction");
    assertThat(read.json("direction")).contains("\"inbound\"");
    assertThatThrownBy(() -> InsightsData.fromTaskAttributes("{\"customers\":[]}"))
        .isInstanceOf(MalformedAttributesException.class).hasMessageContaining("customers");
  }

  @Test
  void hipaaPolicyRefusesEveryDroppedPathAtOnceNamingThemAndTheRule() {
    MediaPolicy hipaa = MediaPolicy.builder().hipaa(true).build();
    InsightsData data = InsightsData.builder()
        .outcome("Resolved")
        .custom("customers.email", "jane@example.com")
        .custom("conversations.my_custom_key", "x")
        .custom("crm_id", "C-7")
        .build();

    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> MediaAttributes.builder().policy(hipaa).media(TICKET).insights(data).build());

    assertThat(e.field()).isEqualTo("customers.email, conversations.my_custom_key, crm_id");
    assertThat(e.rule()).isEqualTo("hipaa-preserved-list");
    assertThat(e.getMessage()).doesNotContain("jane", "C-7");
    // The same data passes without the switch; its HIPAA lint names the same paths.
    assertThat(MediaAttributes.builder().media(TICKET).insights(data).build().insights()).isEqualTo(data);
    assertThat(codesAndPaths(data.hipaaLint())).containsExactly(
        "HIPAA_PII_REMOVED customers.email",
        "INSIGHTS_UNKNOWN_KEY conversations.my_custom_key",
        "HIPAA_NOT_PRESERVED conversations.my_custom_key",
        "HIPAA_NOT_PRESERVED crm_id");
    assertThat(hipaa.isHipaa()).isTrue();
    assertThat(hipaa).isNotEqualTo(MediaPolicy.strict());
    assertThat(hipaa.toString()).contains("hipaa");
    // Preserved fields pass under the switch.
    assertThat(MediaAttributes.builder().policy(hipaa)
        .insights(InsightsData.builder().outcome("Resolved").customerAttribute(1, "gold").build())
        .build().insights().paths()).hasSize(2);
  }

  @Test
  void writesAfterCompletionAreReportedAndMediaOnlyAfterItsTwoMinutes() {
    Instant completed = Instant.parse("2026-12-06T01:00:00Z");
    MediaAttributes write = MediaAttributes.builder()
        .media(TICKET, MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef"))
        .reservationMedia("WR0123456789abcdef0123456789abcdef",
            MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef"))
        .insights(InsightsData.builder().outcome("Resolved").build())
        .build();
    List<String> base = codesAndPaths(write.lint());

    assertThat(codesAndPaths(write.lint(TaskState.open("wrapping"), completed))).isEqualTo(base);
    List<String> within = codesAndPaths(write.lint(TaskState.completed(completed),
        completed.plus(TaskState.MEDIA_WINDOW)));
    assertThat(within.subList(base.size(), within.size()))
        .containsExactly("WRITTEN_AFTER_COMPLETION conversations.outcome");
    List<String> late = codesAndPaths(write.lint(TaskState.canceled(completed),
        completed.plus(TaskState.MEDIA_WINDOW).plusSeconds(1)));
    assertThat(late.subList(base.size(), late.size())).containsExactly(
        "WRITTEN_AFTER_COMPLETION conversations.outcome",
        "WRITTEN_AFTER_COMPLETION conversations.media",
        "WRITTEN_AFTER_COMPLETION reservation_attributes.WR0123456789abcdef0123456789abcdef.media");
    assertThat(TaskState.MEDIA_WINDOW).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void taskStateRequiresACompletionTimeExactlyForTerminalStatuses() {
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> new TaskState("completed", null)).field()).isEqualTo("terminalAt");
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> new TaskState("pending", Instant.EPOCH)).field()).isEqualTo("terminalAt");
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> TaskState.open("done")).field()).isEqualTo("assignmentStatus");
    assertThat(TaskState.open("assigned").isTerminal()).isFalse();
    assertThat(TaskState.completed(Instant.EPOCH).isTerminal()).isTrue();
  }

  @Test
  void thePreviewShowsTheFieldsAsRowsWithInsightsLabelsEscapedAndFlagged() {
    MediaAttributes media = MediaAttributes.builder()
        .media(TICKET)
        .insights(InsightsData.builder().outcome("<b>Resolved</b>").conversationMeasure(1, 5)
            .custom("conversations.hang_up", "Agent").build())
        .build();

    String html = MediaPreview.html(media);

    assertThat(html).contains("<tr data-path=\"conversations.outcome\"><th>Outcome</th>"
        + "<td>&lt;b&gt;Resolved&lt;/b&gt;</td>");
    assertThat(html).contains("<th>Conversation Measure 1</th><td>5</td>");
    assertThat(html).contains("<th>Hang Up</th><td>Agent</td><td class=\"note\"><code>"
        + "conversations.hang_up</code> <span class=\"unreachable\">INSIGHTS_UNKNOWN_KEY</span>");
    assertThat(html).doesNotContain("No custom media");
    assertThat(MediaPreview.html(MediaAttributes.builder()
        .insights(InsightsData.builder().outcome("x").build()).build())).contains("No custom media");
  }

  @Test
  void lintOfMediaAttributesIncludesTheInsightsLint() {
    MediaAttributes media = MediaAttributes.builder()
        .insights(InsightsData.builder().custom("conversations.outcom", "x").build()).build();

    assertThat(codesAndPaths(media.lint())).containsExactly("INSIGHTS_UNKNOWN_KEY conversations.outcom");
  }

  @Test
  void equalityFollowsValuesAndOrder() {
    InsightsData a = InsightsData.builder().outcome("x").conversationLabel(1, "y").build();
    InsightsData b = InsightsData.builder().outcome("x").conversationLabel(1, "y").build();
    InsightsData reordered = InsightsData.builder().conversationLabel(1, "y").outcome("x").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(reordered);
    assertThat(a.toBuilder().build()).isEqualTo(a);
    assertThat(InsightsData.builder().build()).isSameAs(InsightsData.empty());
    assertThat(a.toString()).isEqualTo("InsightsData[conversations.outcome, conversations.conversation_label_1]");
  }

  @Test
  void withInsightsPairsAStoredTasksMediaAndFieldsAndAHipaaCopyStillRefuses() {
    String stored = MediaAttributes.builder().media(TICKET)
        .insights(InsightsData.builder().outcome("Resolved").build()).build().mergeInto("{}", MergeMode.APPEND);

    MediaAttributes read = MediaAttributes.fromTaskAttributes(stored)
        .withInsights(InsightsData.fromTaskAttributes(stored));

    assertThat(read.taskMedia()).containsExactly(TICKET);
    assertThat(read.insights().text(InsightsField.OUTCOME)).contains("Resolved");
    MediaAttributes hipaa = MediaAttributes.builder()
        .policy(MediaPolicy.builder().hipaa(true).build()).media(TICKET).build();
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> hipaa.withInsights(
        InsightsData.builder().custom("crm_id", "7").build())).field()).isEqualTo("crm_id");
  }

  @Test
  void typoSuggestionsStopWhereAKeyIsAnotherName() {
    InsightsData data = InsightsData.builder()
        .custom("conversations.qeueu", "x")       // two edits from queue: a typo
        .custom("conversations.zzzzz", "x")       // nothing within two edits
        .custom("customers.custmer_link", "x")
        .build();

    List<MediaWarning> warnings = data.lint();

    assertThat(warnings.get(0).message()).endsWith("did you mean conversations.queue?");
    assertThat(warnings.get(1).message()).doesNotContain("did you mean");
    assertThat(warnings.get(2).message()).endsWith("did you mean customers.customer_link?");
    assertThat(InsightsLinter.distance("Outcome", "outcome")).isZero();
    assertThat(InsightsLinter.distance("", "abc")).isEqualTo(3);
    assertThat(InsightsLinter.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void fieldsWithoutADocumentedTypeTakeAnySingleValueButNotAnObject() {
    String doc = "{\"conversations\":{\"talk_time\":5,\"queue_time\":\"12\",\"kind\":true,"
        + "\"ring_time\":{\"s\":1},\"wrap_up_time\":[1]},\"customers\":{\"media\":[],"
        + "\"customer_link\":null},\"reason\":{\"x\":1}}";

    InsightsData read = InsightsData.fromTaskAttributes(doc);

    assertThat(codesAndPaths(read.lint())).containsExactly(
        "INSIGHTS_WRONG_TYPE conversations.ring_time",
        "INSIGHTS_WRONG_TYPE conversations.wrap_up_time",
        "INSIGHTS_UNKNOWN_KEY customers.media",
        "INSIGHTS_WRONG_TYPE reason");
    assertThat(read.lint().get(0).message()).contains("a single value (was an object)");
    assertThat(read.number(InsightsField.TALK_TIME)).contains(new BigDecimal("5"));
    assertThat(read.number(InsightsField.QUEUE_TIME)).isEmpty();
    assertThat(read.text(InsightsField.QUEUE_TIME)).contains("12");
    assertThat(read.text(InsightsField.TALK_TIME)).isEmpty();
    assertThat(read.text(InsightsField.OUTCOME)).isEmpty();
    assertThat(read.number(InsightsField.OUTCOME)).isEmpty();
    assertThat(read.json("conversations.kind")).contains("true");
    assertThat(read.json("conversations.outcome")).isEmpty();
  }

  @Test
  void customValuesOfEveryKindAreWrittenExactly() {
    InsightsData data = InsightsData.builder()
        .custom("conversations.flag", true)
        .custom("customers.score", new BigDecimal("1.10"))
        .custom("crm_id", "C-7")
        .number(InsightsField.TALK_TIME, 30)
        .text(InsightsField.KIND, "Conversation")
        .conversationId("WT0123456789abcdef0123456789abcdef")
        .conversationAttribute(10, "a")
        .customerLabel(3, "l")
        .build();

    assertThat(tree(MediaAttributes.builder().insights(data).build().toJson())).isEqualTo(tree(
        "{\"conversations\":{\"flag\":true,\"talk_time\":30,\"kind\":\"Conversation\","
            + "\"conversation_id\":\"WT0123456789abcdef0123456789abcdef\",\"conversation_attribute_10\":\"a\"},"
            + "\"customers\":{\"score\":1.10,\"customer_label_3\":\"l\"},\"crm_id\":\"C-7\"}"));
    for (String path : new String[] {null, " "}) {
      assertThat(catchThrowableOfType(InvalidMediaException.class,
          () -> InsightsData.builder().custom(path, "x")).is(Rule.NOT_BLANK)).isTrue();
    }
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> InsightsData.builder().custom("customers.x", (BigDecimal) null)).is(Rule.REQUIRED)).isTrue();
  }

  @Test
  void aTieBetweenKnownKeysSuggestsTheFirstInTwiliosOrder() {
    assertThat(InsightsData.builder().custom("conversations.conversation_label_", "x").build()
        .lint().get(0).message()).endsWith("did you mean conversations.conversation_label_1?");
  }

  @Test
  void withInsightsOnANonHipaaCopyDoesNotCheckReadLinksAgain() {
    String stored = "{\"conversations\":{\"media\":[{\"type\":\"Referenced\","
        + "\"url\":\"http://intranet.example.com/x\",\"title\":\"X\"}]}}";

    MediaAttributes read = MediaAttributes.fromTaskAttributes(stored)
        .withInsights(InsightsData.builder().custom("crm_id", "7").build());

    assertThat(read.taskMedia()).hasSize(1);
    assertThat(read.insights().paths()).containsExactly("crm_id");
    assertThat(MediaPolicy.strict().isHipaa()).isFalse();
  }

  @Test
  void exactNumbersAreRefusedForTextFields() {
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> InsightsData.builder().number(InsightsField.OUTCOME, BigDecimal.ONE)).is(Rule.INSIGHTS_TYPE))
        .isTrue();
  }
}
