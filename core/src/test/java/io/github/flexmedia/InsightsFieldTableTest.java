package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.InsightsField.Hipaa;
import io.github.flexmedia.InsightsField.Place;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link InsightsField} is the field table in test resources, row for row, and Twilio's lists. */
class InsightsFieldTableTest {
  // Copied from "HIPAA for Flex Insights Historical Reporting", Preserved Attributes, verbatim.
  private static final String ROOT_PRESERVED = "channelSid, conversations, customers, direction,"
      + " from_country, hipaa_enabled, reason, recordings, reservation_attributes, to_country";
  private static final String CONVERSATIONS_PRESERVED = "abandon_time, abandoned, abandoned_phase,"
      + " activity, activity_time, agent_talk_time, average_response_time, campaign, case, channel,"
      + " communication_channel, content, conversation_attribute_1, conversation_attribute_10,"
      + " conversation_attribute_2, conversation_attribute_3, conversation_attribute_4,"
      + " conversation_attribute_5, conversation_attribute_6, conversation_attribute_7,"
      + " conversation_attribute_8, conversation_attribute_9, conversation_id, conversation_label_1,"
      + " conversation_label_10, conversation_label_2, conversation_label_3, conversation_label_4,"
      + " conversation_label_5, conversation_label_6, conversation_label_7, conversation_label_8,"
      + " conversation_label_9, conversation_measure_1, conversation_measure_10,"
      + " conversation_measure_2, conversation_measure_3, conversation_measure_4,"
      + " conversation_measure_5, conversation_measure_6, conversation_measure_7,"
      + " conversation_measure_8, conversation_measure_9, crosstalk_time, customer_talk_time, date,"
      + " destination, direction, external_contact, external_id_label, first_response_time,"
      + " focus_time, followed_by, handling_department_id, handling_department_name,"
      + " handling_department_name_in_hierarchy, handling_team_id, handling_team_name,"
      + " handling_team_name_in_hierarchy, hang_up_by, hold_time, in_business_hours, initiated_by,"
      + " initiative, ivr_path, ivr_time, kind, language, longest_silence_before_agent,"
      + " longest_silence_before_customer, longest_talk_by_agent, longest_talk_by_customer, media,"
      + " order, outcome, preceded_by, priority, productive, queue, queue_time, recording_status,"
      + " ring_time, segment_link, segment_name, segment_recording_offset, service_level,"
      + " silence_time, source, talk_time, virtual, workflow, wrap_up_time";
  private static final String CUSTOMERS_PRESERVED = "acquisition_cost, acquisition_date,"
      + " business_value, category, country, customer_attribute_1, customer_attribute_2,"
      + " customer_attribute_3, customer_label_1, customer_label_2, customer_label_3, customer_link,"
      + " customer_manager, gender, market_segment, organization, region, state, type, year_of_birth";

  private static List<String[]> rows() throws IOException {
    try (InputStream in = InsightsFieldTableTest.class.getResourceAsStream("/insights/fields.tsv")) {
      List<String[]> rows = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      assertThat(lines).anyMatch(l -> l.equals("path\ttype\tunit\thipaa\tsource\tnote"));
      for (String line : lines) {
        if (!line.startsWith("#") && !line.startsWith("path\t") && !line.isBlank()) {
          rows.add(line.split("\t", -1));
        }
      }
      return rows;
    }
  }

  @Test
  void everyRowIsAFieldWithItsTypeAndHipaaTreatmentAndEveryFieldIsARow() throws IOException {
    Map<String, String[]> byPath = new LinkedHashMap<>();
    for (String[] row : rows()) {
      assertThat(row).hasSize(6);
      assertThat(byPath.put(row[0], row)).as("duplicate row %s", row[0]).isNull();
      InsightsField field = InsightsField.of(row[0]).orElseThrow(() -> new AssertionError(row[0]));
      assertThat(field.type().name()).as(row[0]).isEqualTo(row[1]);
      assertThat(field.hipaa().name()).as(row[0]).isEqualTo(row[3]);
    }
    assertThat(byPath.keySet()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(InsightsField.values()).map(InsightsField::path).toList());
  }

  @Test
  void everyRowNamesItsSourceAndAUnit() throws IOException {
    for (String[] row : rows()) {
      assertThat(row[4]).as(row[0])
          .isIn(InsightsField.ADDITIONAL_DATA_SOURCE, InsightsField.HIPAA_SOURCE);
      assertThat(row[2]).as(row[0]).isNotBlank();
      assertThat(row[5]).as(row[0]).isNotBlank();
      // A type comes only from the page that gives one; the HIPAA page names fields, no types.
      if (row[4].equals(InsightsField.HIPAA_SOURCE)) {
        assertThat(row[1]).as(row[0]).isEqualTo("ANY");
      }
    }
  }

  @Test
  void preservedFieldsAreExactlyTwiliosPreservedListsApartFromContainersAndMedia() {
    assertThat(preserved(Place.ROOT)).isEqualTo(minus(ROOT_PRESERVED,
        "conversations", "customers", "reservation_attributes"));
    // external_contact is on the list and also under "Removed Attributes": removal wins.
    Set<String> conversations = preserved(Place.CONVERSATIONS);
    conversations.add("external_contact");
    assertThat(conversations).isEqualTo(minus(CONVERSATIONS_PRESERVED, "media"));
    assertThat(preserved(Place.CUSTOMERS)).isEqualTo(minus(CUSTOMERS_PRESERVED));
  }

  @Test
  void piiRemovedIsTheFourFieldsTwilioNames() {
    assertThat(Arrays.stream(InsightsField.values()).filter(f -> f.hipaa() == Hipaa.PII_REMOVED)
        .map(InsightsField::path))
        .containsExactlyInAnyOrder("customers.phone", "customers.email", "customers.external_id",
            "conversations.external_contact");
  }

  @Test
  void numberedFamiliesHaveTheirDocumentedRanges() {
    for (String family : List.of("conversation_attribute", "conversation_label", "conversation_measure")) {
      assertThat(InsightsField.of("conversations." + family + "_10")).isPresent();
      assertThat(InsightsField.of("conversations." + family + "_11")).isEmpty();
      assertThat(InsightsField.of("conversations." + family + "_0")).isEmpty();
    }
    for (String family : List.of("customer_attribute", "customer_label")) {
      assertThat(InsightsField.of("customers." + family + "_3")).isPresent();
      assertThat(InsightsField.of("customers." + family + "_4")).isEmpty();
    }
    assertThat(InsightsField.CONVERSATION_MEASURE_1.type()).isEqualTo(InsightsField.ValueType.NUMBER);
    assertThat(InsightsField.CONVERSATION_ATTRIBUTE_1.type()).isEqualTo(InsightsField.ValueType.TEXT);
  }

  private static Set<String> preserved(Place place) {
    return Arrays.stream(InsightsField.values())
        .filter(f -> f.place() == place && f.hipaa() == Hipaa.PRESERVED)
        .map(InsightsField::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> minus(String list, String... without) {
    Set<String> set = new TreeSet<>(Arrays.asList(list.split(", ")));
    set.removeAll(Arrays.asList(without));
    return set;
  }
}
