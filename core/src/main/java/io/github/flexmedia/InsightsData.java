package io.github.flexmedia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.flexmedia.InsightsField.Place;
import io.github.flexmedia.InsightsField.ValueType;
import io.github.flexmedia.InvalidMediaException.Rule;
import io.github.flexmedia.internal.InsightsLinter;
import io.github.flexmedia.internal.Json;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Flex Insights reads from a task besides media: the {@code conversations} fields ({@code
 * outcome}, {@code queue}, {@code conversation_attribute_1..10}, {@code
 * conversation_measure_1..10}, …), the {@code customers} fields and the root-level keys Insights
 * documents, typed by {@link InsightsField}.
 *
 * <pre>{@code
 * InsightsData wrapUp = InsightsData.builder()
 *     .outcome("Resolved")
 *     .conversationMeasure(1, 5)                 // CSAT
 *     .conversationLabel(2, "case-7")            // high-cardinality values go in labels
 *     .build();
 * MediaAttributes write = MediaAttributes.builder()
 *     .media(MediaLink.referenced("https://crm.example.com/cases/7", "Case 7"))
 *     .insights(wrapUp)                          // one read–merge–write carries both
 *     .build();
 * }</pre>
 *
 * <p>Written with {@link MediaAttributes.Builder#insights(InsightsData)}: merging sets the named
 * keys and leaves every other key of the document alone, media and other writers' keys included,
 * by value. Read back with {@link #fromTaskAttributes(String)}, tolerantly: a key Insights does not
 * know, or a value of the wrong type, is kept as written and reported by {@link #lint()}.
 *
 * <p>Immutable, thread-safe, equal by value. {@link #toString()} shows paths, never values (they
 * may hold PHI).
 */
public final class InsightsData {
  /** Insights loads the first 128 characters of a text value ("Add Additional TaskRouter Data"). */
  public static final int MAX_TEXT_LENGTH = 128;

  private static final InsightsData EMPTY = new InsightsData(Map.of());
  private static final String CONVERSATIONS = "conversations";
  private static final String CUSTOMERS = "customers";

  private final Map<String, JsonNode> values; // path → value, in the order set or read

  private InsightsData(Map<String, JsonNode> values) {
    this.values = values;
  }

  /**
   * Starts an empty set of fields.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * No fields at all: merging it changes nothing.
   *
   * @return no fields at all
   */
  public static InsightsData empty() {
    return EMPTY;
  }

  /**
   * Reads what Insights will read from a full task attributes document: every key of {@code
   * conversations} but {@code media} (read by {@link MediaAttributes#fromTaskAttributes}), every
   * key of {@code customers}, and the root-level keys {@link InsightsField} documents. Tolerant:
   * unknown keys and values of the wrong type are kept as written; {@link #lint()} reports them.
   *
   * @param taskAttributesJson the task's attributes; {@code null}, blank and {@code {}} are empty
   * @return the fields in document order
   * @throws MalformedAttributesException if the document is not a JSON object, or its {@code
   *     conversations} or {@code customers} is not an object
   */
  public static InsightsData fromTaskAttributes(String taskAttributesJson) {
    ObjectNode root = Json.parseAttributes(taskAttributesJson);
    Map<String, JsonNode> read = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.equals(CONVERSATIONS) || name.equals(CUSTOMERS)) {
        JsonNode object = e.getValue();
        if (!object.isObject()) {
          throw new MalformedAttributesException(
              name, "must be a JSON object (was " + Json.kind(object) + ")");
        }
        object.fields().forEachRemaining(f -> {
          if (!(name.equals(CONVERSATIONS) && f.getKey().equals("media"))) {
            read.put(name + "." + f.getKey(), f.getValue());
          }
        });
      } else if (InsightsField.of(name).isPresent()) {
        read.put(name, e.getValue());
      }
    }
    return read.isEmpty() ? EMPTY : new InsightsData(Collections.unmodifiableMap(read));
  }

  /**
   * The JSON paths set, in order: {@code conversations.outcome}, {@code customers.category}, or a
   * root-level key.
   *
   * @return the JSON paths set, in order
   */
  public Set<String> paths() {
    return values.keySet();
  }

  /**
   * Whether no field is set.
   *
   * @return whether no field is set
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * A field's value when it is a JSON string.
   *
   * @param field the field
   * @return the text, or empty when the field is absent or not a string
   */
  public Optional<String> text(InsightsField field) {
    JsonNode v = values.get(field.path());
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  /**
   * A field's value when it is a JSON number, exactly as written.
   *
   * @param field the field
   * @return the number, or empty when the field is absent or not a number
   */
  public Optional<BigDecimal> number(InsightsField field) {
    JsonNode v = values.get(field.path());
    return v != null && v.isNumber() ? Optional.of(v.decimalValue()) : Optional.empty();
  }

  /**
   * Any path's value as minified JSON, known field or not, exactly as written or read.
   *
   * @param path the JSON path, e.g. {@code conversations.my_key}
   * @return the value as JSON, or empty when the path is not set
   */
  public Optional<String> json(String path) {
    JsonNode v = values.get(path);
    return v == null ? Optional.empty() : Optional.of(Json.write(v));
  }

  /**
   * A builder holding these fields, for edits.
   *
   * @return a builder holding these fields
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  /**
   * Checks what Insights will make of the fields, for an account without HIPAA: keys it does not
   * know (with the nearest known name), numbered fields out of range, values of the wrong type,
   * text it will truncate. Works offline and never throws.
   *
   * @return the warnings in path order; empty when Insights reads every field as written
   */
  public List<MediaWarning> lint() {
    return InsightsLinter.lint(values, false);
  }

  /**
   * {@link #lint()} plus what Twilio's HIPAA filter does: every key off the preserved list
   * ({@link MediaWarning.Code#HIPAA_NOT_PRESERVED}) and every field removed as PII ({@link
   * MediaWarning.Code#HIPAA_PII_REMOVED}). A {@link MediaPolicy} with {@link
   * MediaPolicy.Builder#hipaa(boolean) hipaa(true)} refuses such data instead.
   *
   * @return the warnings in path order
   */
  public List<MediaWarning> hipaaLint() {
    return InsightsLinter.lint(values, true);
  }

  /** The values by path, for the merge and the linters. */
  Map<String, JsonNode> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    // Order is part of the document, as for MediaAttributes' reservations.
    return o instanceof InsightsData d
        && d.values.equals(values)
        && List.copyOf(d.values.keySet()).equals(List.copyOf(values.keySet()));
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Shows the paths only: values may hold PHI. */
  @Override
  public String toString() {
    return "InsightsData" + values.keySet();
  }

  /**
   * Builds {@link InsightsData}. Setting a path again replaces its value. Documented fields are
   * checked against their type as they are set; {@link #custom} writes any key, which {@link
   * InsightsData#lint()} then reports.
   */
  public static final class Builder {
    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a text field.
     *
     * @param field a field of type {@link ValueType#TEXT} or {@link ValueType#ANY}
     * @param value the text
     * @return this builder
     * @throws InvalidMediaException if the field is numeric, or the text is null or not valid
     *     Unicode
     */
    public Builder text(InsightsField field, String value) {
      requireType(field, ValueType.NUMBER, "a number: use number(...)");
      values.put(field.path(), text(field.path(), value));
      return this;
    }

    /**
     * Sets a numeric field.
     *
     * @param field a field of type {@link ValueType#NUMBER} or {@link ValueType#ANY}
     * @param value the number
     * @return this builder
     * @throws InvalidMediaException if the field is text
     */
    public Builder number(InsightsField field, long value) {
      requireType(field, ValueType.TEXT, "text: use text(...)");
      values.put(field.path(), number(Long.toString(value)));
      return this;
    }

    /**
     * Sets a numeric field, written exactly ({@code 4.50} stays {@code 4.50}).
     *
     * @param field a field of type {@link ValueType#NUMBER} or {@link ValueType#ANY}
     * @param value the number
     * @return this builder
     * @throws InvalidMediaException if the field is text or the value is null
     */
    public Builder number(InsightsField field, BigDecimal value) {
      requireType(field, ValueType.TEXT, "text: use text(...)");
      values.put(field.path(), decimal(field.path(), value));
      return this;
    }

    /**
     * Sets {@code conversations.outcome}, the conversation's result as Insights segments it.
     *
     * @param outcome e.g. {@code Resolved}
     * @return this builder
     */
    public Builder outcome(String outcome) {
      return text(InsightsField.OUTCOME, outcome);
    }

    /**
     * Sets {@code conversations.conversation_id}, which links several tasks into one Insights
     * conversation (Twilio suggests the first task's SID).
     *
     * @param conversationId the shared id
     * @return this builder
     */
    public Builder conversationId(String conversationId) {
      return text(InsightsField.CONVERSATION_ID, conversationId);
    }

    /**
     * Sets {@code conversations.conversation_attribute_N}, a custom text attribute.
     *
     * @param n 1 to 10
     * @param value the text
     * @return this builder
     * @throws InvalidMediaException if {@code n} is out of range
     */
    public Builder conversationAttribute(int n, String value) {
      return text(numbered("conversation_attribute", n, 10, Place.CONVERSATIONS), value);
    }

    /**
     * Sets {@code conversations.conversation_label_N}, a custom text label: labels do not count
     * against Insights' limit of unique attribute values, so IDs and other high-cardinality values
     * belong here rather than in attributes.
     *
     * @param n 1 to 10
     * @param value the text
     * @return this builder
     * @throws InvalidMediaException if {@code n} is out of range
     */
    public Builder conversationLabel(int n, String value) {
      return text(numbered("conversation_label", n, 10, Place.CONVERSATIONS), value);
    }

    /**
     * Sets {@code conversations.conversation_measure_N}, a custom numeric measure.
     *
     * @param n 1 to 10
     * @param value the number
     * @return this builder
     * @throws InvalidMediaException if {@code n} is out of range
     */
    public Builder conversationMeasure(int n, long value) {
      return number(numbered("conversation_measure", n, 10, Place.CONVERSATIONS), value);
    }

    /**
     * Sets {@code conversations.conversation_measure_N} exactly.
     *
     * @param n 1 to 10
     * @param value the number
     * @return this builder
     * @throws InvalidMediaException if {@code n} is out of range
     */
    public Builder conversationMeasure(int n, BigDecimal value) {
      return number(numbered("conversation_measure", n, 10, Place.CONVERSATIONS), value);
    }

    /**
     * Sets {@code customers.customer_attribute_N}, a custom text attribute of the customer.
     *
     * @param n 1 to 3
     * @param value the text
     * @return this builder
     * @throws InvalidMediaException if {@code n} is out of range
     */
    public Builder customerAttribute(int n, String value) {
      return text(numbered("customer_attribute", n, 3, Place.CUSTOMERS), value);
    }

    /**
     * Sets {@code customers.customer_label_N}, a custom text label of the customer.
     *
     * @param n 1 to 3
     * @param value the text
     * @return this builder
     * @throws InvalidMediaException if {@code n} is out of range
     */
    public Builder customerLabel(int n, String value) {
      return text(numbered("customer_label", n, 3, Place.CUSTOMERS), value);
    }

    /**
     * Sets any key as text, documented or not: {@code conversations.KEY}, {@code customers.KEY},
     * or a root-level {@code KEY}. {@link InsightsData#lint()} reports keys Insights ignores.
     *
     * @param path the JSON path
     * @param value the text
     * @return this builder
     * @throws InvalidMediaException if the path is blank, a container ({@code conversations},
     *     {@code customers}, {@code reservation_attributes}) or {@code conversations.media}
     */
    public Builder custom(String path, String value) {
      values.put(writablePath(path), text(path, value));
      return this;
    }

    /**
     * Sets any key as a number; see {@link #custom(String, String)}.
     *
     * @param path the JSON path
     * @param value the number
     * @return this builder
     */
    public Builder custom(String path, BigDecimal value) {
      values.put(writablePath(path), decimal(path, value));
      return this;
    }

    /**
     * Sets any key as a boolean; see {@link #custom(String, String)}.
     *
     * @param path the JSON path
     * @param value the boolean
     * @return this builder
     */
    public Builder custom(String path, boolean value) {
      values.put(writablePath(path), BooleanNode.valueOf(value));
      return this;
    }

    /**
     * Adds every field of {@code other}, replacing values at the same paths.
     *
     * @param other more fields
     * @return this builder
     */
    public Builder putAll(InsightsData other) {
      values.putAll(other.values);
      return this;
    }

    /**
     * The fields.
     *
     * @return the fields
     */
    public InsightsData build() {
      return values.isEmpty()
          ? EMPTY
          : new InsightsData(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    private static void requireType(InsightsField field, ValueType refused, String what) {
      Objects.requireNonNull(field, "field");
      if (field.type() == refused) {
        throw new InvalidMediaException(field.path(), Rule.INSIGHTS_TYPE,
            "is " + what + " (Twilio, \"Add Additional TaskRouter Data\")");
      }
    }

    private static InsightsField numbered(String family, int n, int max, Place place) {
      if (n < 1 || n > max) {
        throw new InvalidMediaException(place.prefix() + family + "_" + n, Rule.RANGE,
            "Flex Insights has " + family + "_1 to " + family + "_" + max + " (was " + n + ")");
      }
      return InsightsField.of(place.prefix() + family + "_" + n).orElseThrow();
    }

    private static TextNode text(String path, String value) {
      if (value == null) {
        throw new InvalidMediaException(path, Rule.REQUIRED, "must not be null");
      }
      int surrogate = Json.firstUnpairedSurrogate(value);
      if (surrogate >= 0) {
        throw new InvalidMediaException(path, Rule.VALID_UNICODE,
            "must be valid Unicode (unpaired surrogate at index " + surrogate + ")");
      }
      return TextNode.valueOf(value);
    }

    private static JsonNode decimal(String path, BigDecimal value) {
      if (value == null) {
        throw new InvalidMediaException(path, Rule.REQUIRED, "must not be null");
      }
      return number(value.toString());
    }

    /**
     * The node the library's parser makes of this number's JSON text ({@code 5} an int, {@code
     * 4.50} an exact decimal), so that data built and data read back are equal by value.
     */
    private static JsonNode number(String json) {
      try {
        return Json.MAPPER.readTree(json);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a number's own text could not be read", e);
      }
    }

    private static String writablePath(String path) {
      if (path == null || path.isBlank()) {
        throw new InvalidMediaException("path", Rule.NOT_BLANK, "must be a JSON path");
      }
      String[] parts = InsightsLinter.split(path);
      String key = parts[1];
      boolean container = parts[0].isEmpty()
          && (key.equals(CONVERSATIONS) || key.equals(CUSTOMERS)
              || key.equals("reservation_attributes"));
      if (container || key.isEmpty() || path.equals("conversations.media")) {
        throw new InvalidMediaException(path, Rule.INSIGHTS_PATH,
            "is not a field: containers and media are written by MediaAttributes");
      }
      return path;
    }
  }
}
