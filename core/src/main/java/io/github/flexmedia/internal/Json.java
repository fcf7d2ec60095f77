package io.github.flexmedia.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MalformedAttributesException;

/**
 * The one configured Jackson mapper of flex-media, and the rules for reading documents with it.
 *
 * <p>Foreign attributes must survive a merge by value, so numbers are read exactly (big integers,
 * {@code BigDecimal} with trailing zeros kept: {@code 1.10} stays {@code 1.10}, {@code 1e400} does
 * not become {@code Infinity}). Duplicate keys and trailing content are refused rather than
 * silently resolved, and Jackson's {@code StreamReadConstraints} bound nesting and number length.
 */
public final class Json {
  /**
   * The longest document read, in characters: 256 times TaskRouter's 4096-character limit, so that
   * a hostile or corrupt document costs bounded time and memory.
   */
  public static final long MAX_DOCUMENT_LENGTH = 1_048_576;

  /** Shared and thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  // Jackson's defaults for nesting depth, number and string length stay.
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxDocumentLength(MAX_DOCUMENT_LENGTH).build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private Json() {}

  /**
   * Parses a task attributes document. {@code null}, blank and {@code {}} are an empty document.
   *
   * @throws MalformedAttributesException if it is not a single JSON object within the limits
   */
  public static ObjectNode parseAttributes(String json) {
    if (json == null || json.isBlank()) {
      return MAPPER.createObjectNode();
    }
    int surrogate = firstUnpairedSurrogate(json);
    if (surrogate >= 0) {
      throw new MalformedAttributesException(
          "$", "is not valid Unicode (unpaired UTF-16 surrogate at index " + surrogate + ")");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (StreamConstraintsException e) {
      throw new MalformedAttributesException(
          "$", "exceeds the parser's limits (nesting depth, number or string length)");
    } catch (MismatchedInputException e) {
      throw new MalformedAttributesException(
          "$", "has content after the JSON value" + where(e.getLocation()));
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the document's text: report only the kind and position.
      String original = e.getOriginalMessage();
      String problem =
          original != null && original.startsWith("Duplicate field")
              ? "has a duplicate key"
              : "is not valid JSON";
      throw new MalformedAttributesException("$", problem + where(e.getLocation()));
    }
    if (node == null || !node.isObject()) {
      throw new MalformedAttributesException(
          "$", "must be a JSON object (was " + kind(node) + ")");
    }
    return (ObjectNode) node;
  }

  /** Parses JSON this library wrote itself (an {@link io.github.flexmedia.MediaLink.Unknown}). */
  public static JsonNode parseTrusted(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("flex-media wrote JSON it cannot read back", e);
    }
  }

  /**
   * Writes minified JSON: TaskRouter counts whitespace against its 4096-character limit.
   *
   * @throws MalformedAttributesException if a string in the tree holds an unpaired surrogate (read
   *     from a {@code \ud800}-style escape): it cannot be sent as UTF-8
   */
  public static String write(JsonNode node) {
    String json;
    try {
      json = MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
    int surrogate = firstUnpairedSurrogate(json);
    if (surrogate >= 0) {
      throw new MalformedAttributesException(
          "$", "is not valid Unicode (an escaped unpaired UTF-16 surrogate cannot be sent as UTF-8)");
    }
    return json;
  }

  /** The index of the first high or low surrogate that is not part of a pair, or -1. */
  public static int firstUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Checks and minifies the JSON of an unrecognised link. */
  public static String canonicalUnknownLink(String type, String json) {
    if (json == null) {
      throw new InvalidMediaException("json", "required", "is required");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidMediaException("json", "json-object", "must be a JSON object");
    }
    if (node == null || !node.isObject() || !type.equals(node.path("type").textValue())) {
      throw new InvalidMediaException(
          "json", "json-object", "must be a JSON object whose \"type\" is the given type");
    }
    return write(node);
  }

  /** A short name of a node's JSON kind for messages, never its value. */
  public static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "not JSON data";
    };
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
