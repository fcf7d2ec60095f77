package io.github.flexmedia;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The task-attribute fields Flex Insights documents, each with where it lives, the JSON type
 * Twilio gives it and what Twilio's HIPAA filter does with it.
 *
 * <p>Derived field by field from two Twilio pages, and nothing else: "Add Additional TaskRouter
 * Data" ({@value #ADDITIONAL_DATA_SOURCE}), whose example task attributes give each field's type
 * (a string or a number; custom measures are "numeric values", custom attributes "text values"),
 * and "HIPAA for Flex Insights Historical Reporting" ({@value #HIPAA_SOURCE}), whose preserved
 * lists name the root-level and the remaining fields and whose "Removed Attributes" names the PII
 * it strips. A field only the HIPAA page names has the type {@link ValueType#ANY}: Twilio gives it
 * none. The table {@code core/src/test/resources/insights/fields.tsv} lists every field with its
 * source, and a test holds this enum to it.
 *
 * <pre>{@code
 * InsightsData data = InsightsData.builder()
 *     .text(InsightsField.OUTCOME, "Resolved")
 *     .number(InsightsField.CONVERSATION_MEASURE_1, 5)
 *     .build();
 * }</pre>
 */
public enum InsightsField {
  /** {@code conversations.segment_link}: a JSON string. */
  SEGMENT_LINK(Place.CONVERSATIONS, "segment_link", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.abandoned}: a JSON string. */
  ABANDONED(Place.CONVERSATIONS, "abandoned", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.activity}: a JSON string. */
  ACTIVITY(Place.CONVERSATIONS, "activity", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.campaign}: a JSON string. */
  CAMPAIGN(Place.CONVERSATIONS, "campaign", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.case}: a JSON string. */
  CASE(Place.CONVERSATIONS, "case", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.channel}: a JSON string. */
  CHANNEL(Place.CONVERSATIONS, "channel", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.content}: a JSON string. */
  CONTENT(Place.CONVERSATIONS, "content", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_id}: a JSON string. */
  CONVERSATION_ID(Place.CONVERSATIONS, "conversation_id", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_1}: a JSON string. */
  CONVERSATION_ATTRIBUTE_1(Place.CONVERSATIONS, "conversation_attribute_1", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_2}: a JSON string. */
  CONVERSATION_ATTRIBUTE_2(Place.CONVERSATIONS, "conversation_attribute_2", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_3}: a JSON string. */
  CONVERSATION_ATTRIBUTE_3(Place.CONVERSATIONS, "conversation_attribute_3", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_4}: a JSON string. */
  CONVERSATION_ATTRIBUTE_4(Place.CONVERSATIONS, "conversation_attribute_4", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_5}: a JSON string. */
  CONVERSATION_ATTRIBUTE_5(Place.CONVERSATIONS, "conversation_attribute_5", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_6}: a JSON string. */
  CONVERSATION_ATTRIBUTE_6(Place.CONVERSATIONS, "conversation_attribute_6", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_7}: a JSON string. */
  CONVERSATION_ATTRIBUTE_7(Place.CONVERSATIONS, "conversation_attribute_7", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_8}: a JSON string. */
  CONVERSATION_ATTRIBUTE_8(Place.CONVERSATIONS, "conversation_attribute_8", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_9}: a JSON string. */
  CONVERSATION_ATTRIBUTE_9(Place.CONVERSATIONS, "conversation_attribute_9", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_attribute_10}: a JSON string. */
  CONVERSATION_ATTRIBUTE_10(Place.CONVERSATIONS, "conversation_attribute_10", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_1}: a JSON string. */
  CONVERSATION_LABEL_1(Place.CONVERSATIONS, "conversation_label_1", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_2}: a JSON string. */
  CONVERSATION_LABEL_2(Place.CONVERSATIONS, "conversation_label_2", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_3}: a JSON string. */
  CONVERSATION_LABEL_3(Place.CONVERSATIONS, "conversation_label_3", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_4}: a JSON string. */
  CONVERSATION_LABEL_4(Place.CONVERSATIONS, "conversation_label_4", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_5}: a JSON string. */
  CONVERSATION_LABEL_5(Place.CONVERSATIONS, "conversation_label_5", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_6}: a JSON string. */
  CONVERSATION_LABEL_6(Place.CONVERSATIONS, "conversation_label_6", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_7}: a JSON string. */
  CONVERSATION_LABEL_7(Place.CONVERSATIONS, "conversation_label_7", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_8}: a JSON string. */
  CONVERSATION_LABEL_8(Place.CONVERSATIONS, "conversation_label_8", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_9}: a JSON string. */
  CONVERSATION_LABEL_9(Place.CONVERSATIONS, "conversation_label_9", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.conversation_label_10}: a JSON string. */
  CONVERSATION_LABEL_10(Place.CONVERSATIONS, "conversation_label_10", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.destination}: a JSON string. */
  DESTINATION(Place.CONVERSATIONS, "destination", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.direction}: a JSON string. */
  DIRECTION(Place.CONVERSATIONS, "direction", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.external_contact}: a JSON string; removed as PII for HIPAA accounts. */
  EXTERNAL_CONTACT(Place.CONVERSATIONS, "external_contact", ValueType.TEXT, Hipaa.PII_REMOVED),
  /** {@code conversations.followed_by}: a JSON string. */
  FOLLOWED_BY(Place.CONVERSATIONS, "followed_by", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.handling_department_id}: a JSON string. */
  HANDLING_DEPARTMENT_ID(Place.CONVERSATIONS, "handling_department_id", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.handling_department_name}: a JSON string. */
  HANDLING_DEPARTMENT_NAME(Place.CONVERSATIONS, "handling_department_name", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.handling_department_name_in_hierarchy}: a JSON string. */
  HANDLING_DEPARTMENT_NAME_IN_HIERARCHY(Place.CONVERSATIONS, "handling_department_name_in_hierarchy", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.handling_team_id}: a JSON string. */
  HANDLING_TEAM_ID(Place.CONVERSATIONS, "handling_team_id", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.handling_team_name}: a JSON string. */
  HANDLING_TEAM_NAME(Place.CONVERSATIONS, "handling_team_name", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.handling_team_name_in_hierarchy}: a JSON string. */
  HANDLING_TEAM_NAME_IN_HIERARCHY(Place.CONVERSATIONS, "handling_team_name_in_hierarchy", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.hang_up_by}: a JSON string. */
  HANG_UP_BY(Place.CONVERSATIONS, "hang_up_by", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.in_business_hours}: a JSON string. */
  IN_BUSINESS_HOURS(Place.CONVERSATIONS, "in_business_hours", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.initiated_by}: a JSON string. */
  INITIATED_BY(Place.CONVERSATIONS, "initiated_by", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.initiative}: a JSON string. */
  INITIATIVE(Place.CONVERSATIONS, "initiative", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.ivr_path}: a JSON string. */
  IVR_PATH(Place.CONVERSATIONS, "ivr_path", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.language}: a JSON string. */
  LANGUAGE(Place.CONVERSATIONS, "language", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.outcome}: a JSON string. */
  OUTCOME(Place.CONVERSATIONS, "outcome", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.preceded_by}: a JSON string. */
  PRECEDED_BY(Place.CONVERSATIONS, "preceded_by", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.queue}: a JSON string. */
  QUEUE(Place.CONVERSATIONS, "queue", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.service_level}: a JSON string. */
  SERVICE_LEVEL(Place.CONVERSATIONS, "service_level", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.source}: a JSON string. */
  SOURCE(Place.CONVERSATIONS, "source", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.virtual}: a JSON string. */
  VIRTUAL(Place.CONVERSATIONS, "virtual", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.workflow}: a JSON string. */
  WORKFLOW(Place.CONVERSATIONS, "workflow", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code conversations.order}: a JSON number. */
  ORDER(Place.CONVERSATIONS, "order", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.average_response_time}: a JSON number. */
  AVERAGE_RESPONSE_TIME(Place.CONVERSATIONS, "average_response_time", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_1}: a JSON number. */
  CONVERSATION_MEASURE_1(Place.CONVERSATIONS, "conversation_measure_1", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_2}: a JSON number. */
  CONVERSATION_MEASURE_2(Place.CONVERSATIONS, "conversation_measure_2", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_3}: a JSON number. */
  CONVERSATION_MEASURE_3(Place.CONVERSATIONS, "conversation_measure_3", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_4}: a JSON number. */
  CONVERSATION_MEASURE_4(Place.CONVERSATIONS, "conversation_measure_4", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_5}: a JSON number. */
  CONVERSATION_MEASURE_5(Place.CONVERSATIONS, "conversation_measure_5", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_6}: a JSON number. */
  CONVERSATION_MEASURE_6(Place.CONVERSATIONS, "conversation_measure_6", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_7}: a JSON number. */
  CONVERSATION_MEASURE_7(Place.CONVERSATIONS, "conversation_measure_7", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_8}: a JSON number. */
  CONVERSATION_MEASURE_8(Place.CONVERSATIONS, "conversation_measure_8", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_9}: a JSON number. */
  CONVERSATION_MEASURE_9(Place.CONVERSATIONS, "conversation_measure_9", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.conversation_measure_10}: a JSON number. */
  CONVERSATION_MEASURE_10(Place.CONVERSATIONS, "conversation_measure_10", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.first_response_time}: a JSON number. */
  FIRST_RESPONSE_TIME(Place.CONVERSATIONS, "first_response_time", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.focus_time}: a JSON number. */
  FOCUS_TIME(Place.CONVERSATIONS, "focus_time", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.hold_time}: a JSON number. */
  HOLD_TIME(Place.CONVERSATIONS, "hold_time", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.ivr_time}: a JSON number. */
  IVR_TIME(Place.CONVERSATIONS, "ivr_time", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code conversations.abandoned_phase}: type not given by Twilio. */
  ABANDONED_PHASE(Place.CONVERSATIONS, "abandoned_phase", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.productive}: type not given by Twilio. */
  PRODUCTIVE(Place.CONVERSATIONS, "productive", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.activity_time}: type not given by Twilio. */
  ACTIVITY_TIME(Place.CONVERSATIONS, "activity_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.abandon_time}: type not given by Twilio. */
  ABANDON_TIME(Place.CONVERSATIONS, "abandon_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.agent_talk_time}: type not given by Twilio. */
  AGENT_TALK_TIME(Place.CONVERSATIONS, "agent_talk_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.communication_channel}: type not given by Twilio. */
  COMMUNICATION_CHANNEL(Place.CONVERSATIONS, "communication_channel", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.crosstalk_time}: type not given by Twilio. */
  CROSSTALK_TIME(Place.CONVERSATIONS, "crosstalk_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.customer_talk_time}: type not given by Twilio. */
  CUSTOMER_TALK_TIME(Place.CONVERSATIONS, "customer_talk_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.date}: type not given by Twilio. */
  DATE(Place.CONVERSATIONS, "date", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.external_id_label}: type not given by Twilio. */
  EXTERNAL_ID_LABEL(Place.CONVERSATIONS, "external_id_label", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.kind}: type not given by Twilio. */
  KIND(Place.CONVERSATIONS, "kind", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.longest_silence_before_agent}: type not given by Twilio. */
  LONGEST_SILENCE_BEFORE_AGENT(Place.CONVERSATIONS, "longest_silence_before_agent", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.longest_silence_before_customer}: type not given by Twilio. */
  LONGEST_SILENCE_BEFORE_CUSTOMER(Place.CONVERSATIONS, "longest_silence_before_customer", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.longest_talk_by_agent}: type not given by Twilio. */
  LONGEST_TALK_BY_AGENT(Place.CONVERSATIONS, "longest_talk_by_agent", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.longest_talk_by_customer}: type not given by Twilio. */
  LONGEST_TALK_BY_CUSTOMER(Place.CONVERSATIONS, "longest_talk_by_customer", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.priority}: type not given by Twilio. */
  PRIORITY(Place.CONVERSATIONS, "priority", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.queue_time}: type not given by Twilio. */
  QUEUE_TIME(Place.CONVERSATIONS, "queue_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.recording_status}: type not given by Twilio. */
  RECORDING_STATUS(Place.CONVERSATIONS, "recording_status", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.ring_time}: type not given by Twilio. */
  RING_TIME(Place.CONVERSATIONS, "ring_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.segment_name}: type not given by Twilio. */
  SEGMENT_NAME(Place.CONVERSATIONS, "segment_name", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.segment_recording_offset}: type not given by Twilio. */
  SEGMENT_RECORDING_OFFSET(Place.CONVERSATIONS, "segment_recording_offset", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.silence_time}: type not given by Twilio. */
  SILENCE_TIME(Place.CONVERSATIONS, "silence_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.talk_time}: type not given by Twilio. */
  TALK_TIME(Place.CONVERSATIONS, "talk_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code conversations.wrap_up_time}: type not given by Twilio. */
  WRAP_UP_TIME(Place.CONVERSATIONS, "wrap_up_time", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code customers.name}: a JSON string; dropped for HIPAA accounts. */
  CUSTOMER_NAME(Place.CUSTOMERS, "name", ValueType.TEXT, Hipaa.DROPPED),
  /** {@code customers.customer_link}: a JSON string. */
  CUSTOMER_LINK(Place.CUSTOMERS, "customer_link", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.customer_attribute_1}: a JSON string. */
  CUSTOMER_ATTRIBUTE_1(Place.CUSTOMERS, "customer_attribute_1", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.customer_attribute_2}: a JSON string. */
  CUSTOMER_ATTRIBUTE_2(Place.CUSTOMERS, "customer_attribute_2", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.customer_attribute_3}: a JSON string. */
  CUSTOMER_ATTRIBUTE_3(Place.CUSTOMERS, "customer_attribute_3", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.customer_label_1}: a JSON string. */
  CUSTOMER_LABEL_1(Place.CUSTOMERS, "customer_label_1", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.customer_label_2}: a JSON string. */
  CUSTOMER_LABEL_2(Place.CUSTOMERS, "customer_label_2", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.customer_label_3}: a JSON string. */
  CUSTOMER_LABEL_3(Place.CUSTOMERS, "customer_label_3", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.category}: a JSON string. */
  CUSTOMER_CATEGORY(Place.CUSTOMERS, "category", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.customer_manager}: a JSON string. */
  CUSTOMER_MANAGER(Place.CUSTOMERS, "customer_manager", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.email}: a JSON string; removed as PII for HIPAA accounts. */
  CUSTOMER_EMAIL(Place.CUSTOMERS, "email", ValueType.TEXT, Hipaa.PII_REMOVED),
  /** {@code customers.external_id}: a JSON string; removed as PII for HIPAA accounts. */
  CUSTOMER_EXTERNAL_ID(Place.CUSTOMERS, "external_id", ValueType.TEXT, Hipaa.PII_REMOVED),
  /** {@code customers.gender}: a JSON string. */
  CUSTOMER_GENDER(Place.CUSTOMERS, "gender", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.geo_location}: a JSON string; dropped for HIPAA accounts. */
  CUSTOMER_GEO_LOCATION(Place.CUSTOMERS, "geo_location", ValueType.TEXT, Hipaa.DROPPED),
  /** {@code customers.market_segment}: a JSON string. */
  CUSTOMER_MARKET_SEGMENT(Place.CUSTOMERS, "market_segment", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.organization}: a JSON string. */
  CUSTOMER_ORGANIZATION(Place.CUSTOMERS, "organization", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.phone}: a JSON string; removed as PII for HIPAA accounts. */
  CUSTOMER_PHONE(Place.CUSTOMERS, "phone", ValueType.TEXT, Hipaa.PII_REMOVED),
  /** {@code customers.year_of_birth}: a JSON string. */
  CUSTOMER_YEAR_OF_BIRTH(Place.CUSTOMERS, "year_of_birth", ValueType.TEXT, Hipaa.PRESERVED),
  /** {@code customers.zip}: a JSON string; dropped for HIPAA accounts. */
  CUSTOMER_ZIP(Place.CUSTOMERS, "zip", ValueType.TEXT, Hipaa.DROPPED),
  /** {@code customers.acquisition_cost}: a JSON number. */
  CUSTOMER_ACQUISITION_COST(Place.CUSTOMERS, "acquisition_cost", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code customers.business_value}: a JSON number. */
  CUSTOMER_BUSINESS_VALUE(Place.CUSTOMERS, "business_value", ValueType.NUMBER, Hipaa.PRESERVED),
  /** {@code customers.acquisition_date}: type not given by Twilio. */
  CUSTOMER_ACQUISITION_DATE(Place.CUSTOMERS, "acquisition_date", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code customers.country}: type not given by Twilio. */
  CUSTOMER_COUNTRY(Place.CUSTOMERS, "country", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code customers.region}: type not given by Twilio. */
  CUSTOMER_REGION(Place.CUSTOMERS, "region", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code customers.state}: type not given by Twilio. */
  CUSTOMER_STATE(Place.CUSTOMERS, "state", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code customers.type}: type not given by Twilio. */
  CUSTOMER_TYPE(Place.CUSTOMERS, "type", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code channelSid}: type not given by Twilio. */
  TASK_CHANNEL_SID(Place.ROOT, "channelSid", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code direction}: type not given by Twilio. */
  TASK_DIRECTION(Place.ROOT, "direction", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code from_country}: type not given by Twilio. */
  TASK_FROM_COUNTRY(Place.ROOT, "from_country", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code hipaa_enabled}: type not given by Twilio. */
  TASK_HIPAA_ENABLED(Place.ROOT, "hipaa_enabled", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code reason}: type not given by Twilio. */
  TASK_REASON(Place.ROOT, "reason", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code recordings}: type not given by Twilio. */
  TASK_RECORDINGS(Place.ROOT, "recordings", ValueType.ANY, Hipaa.PRESERVED),
  /** {@code to_country}: type not given by Twilio. */
  TASK_TO_COUNTRY(Place.ROOT, "to_country", ValueType.ANY, Hipaa.PRESERVED);

  /** The page that gives the fields' types: "Add Additional TaskRouter Data". */
  public static final String ADDITIONAL_DATA_SOURCE =
      "https://www.twilio.com/docs/flex/developer/insights/enhance-integration";

  /** The page that gives the HIPAA preserved lists and removed attributes. */
  public static final String HIPAA_SOURCE =
      "https://www.twilio.com/docs/flex/developer/insights/hipaa-flex-insights-historical-reporting";

  private static final Map<String, InsightsField> BY_PATH = new HashMap<>();

  static {
    for (InsightsField f : values()) {
      BY_PATH.put(f.path(), f);
    }
  }

  private final Place place;
  private final String key;
  private final ValueType type;
  private final Hipaa hipaa;

  InsightsField(Place place, String key, ValueType type, Hipaa hipaa) {
    this.place = place;
    this.key = key;
    this.type = type;
    this.hipaa = hipaa;
  }

  /**
   * The field at a JSON path such as {@code conversations.outcome}, {@code customers.category} or
   * a root-level key such as {@code direction}.
   *
   * @param path the JSON path
   * @return the field, or empty when Insights documents none there
   */
  public static Optional<InsightsField> of(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  /**
   * Where in the task attributes the field lives.
   *
   * @return where in the task attributes the field lives
   */
  public Place place() {
    return place;
  }

  /**
   * The key inside its place, e.g. {@code outcome}.
   *
   * @return the key inside its place
   */
  public String key() {
    return key;
  }

  /**
   * The JSON path, e.g. {@code conversations.outcome}; a root-level field's path is its key.
   *
   * @return the JSON path
   */
  public String path() {
    return place.prefix + key;
  }

  /**
   * The JSON type Twilio documents for the field.
   *
   * @return the JSON type Twilio documents for the field
   */
  public ValueType type() {
    return type;
  }

  /**
   * What Twilio's HIPAA filter does with the field.
   *
   * @return what Twilio's HIPAA filter does with the field
   */
  public Hipaa hipaa() {
    return hipaa;
  }

  /** Where a field lives in the task attributes. */
  public enum Place {
    /** At the root of the attributes, beside {@code conversations}. */
    ROOT(""),
    /** Inside the {@code conversations} object (the Conversations data set). */
    CONVERSATIONS("conversations."),
    /** Inside the {@code customers} object (the Customers data set). */
    CUSTOMERS("customers.");

    private final String prefix;

    Place(String prefix) {
      this.prefix = prefix;
    }

    /**
     * The JSON path prefix of this place: {@code conversations.}, {@code customers.} or empty.
     *
     * @return the JSON path prefix
     */
    public String prefix() {
      return prefix;
    }
  }

  /** The JSON type of a field's value; {@code null} is accepted for every type. */
  public enum ValueType {
    /** A JSON string; Insights loads its first 128 characters ("Add Additional TaskRouter Data"). */
    TEXT,
    /** A JSON number. */
    NUMBER,
    /** Twilio gives no type: any single JSON value (string, number, boolean) is accepted. */
    ANY
  }

  /** What Twilio's HIPAA filter for Flex Insights does with a field of a HIPAA account. */
  public enum Hipaa {
    /** On the preserved list: it reaches Insights (it must still hold no PHI). */
    PRESERVED,
    /** Not on the preserved list: dropped before Insights, silently. */
    DROPPED,
    /** Under "Removed Attributes" as PII: customer phone, email, external ID, external contact. */
    PII_REMOVED
  }
}
