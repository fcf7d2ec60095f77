package io.github.flexmedia;

import io.github.flexmedia.InvalidMediaException.Rule;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;



/**
 * The one configured Jackson mapper of flex-media, and the rules for reading documents with it.
 *
 * <p>Foreign attributes must survive a merge by value, so numbers are read exactly (big integers,
 * {@code BigDecimal} with trailing zeros kept: {@code 1.10} stays {@code 1.10}, {@code 1e400} does
 * not become {@code Infinity}). Duplicate keys and trailing content are refused rather than
 * silently resolved, and Jackson's {@code StreamReadConstraints} bound nesting and number length.
 */
final class Json {
  /**
   * The longest document read, in characters: 256 times TaskRouter's 4096-character limit, so that
   * a hostile or corrupt document costs bounded time and memory.
   */
  static final long MAX_DOCUMENT_LENGTH = 1_048_576;

  /**
   * Shared and thread-safe once configured. Package-private: a caller holding it could reconfigure
   * it for everyone, and this package is visible on the class path even though the module
   * descriptor does not export it.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  // Jackson's defaults for nesting depth, number and string length stay.
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxDocumentLength(MAX_DOCUMENT_LENGTH).build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Duplicate keys: found for free while a tree is built (the map's put returns the
          // earlier value). The parser's own STRICT_DUPLICATE_DETECTION keeps a set per object
          // and cost merges 10 % (JMH); streaming reads that build no tree turn it on instead.
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private Json() {}

  /**
   * Parses a task attributes document. {@code null}, blank and {@code {}} are an empty document.
   *
   * @throws MalformedAttributesException if it is not a single JSON object within the limits
   */
  static ObjectNode parseAttributes(String json) {
    if (json == null || json.isBlank()) {
      return MAPPER.createObjectNode();
    }
    // Unpaired surrogates are caught when a document is written (see write): reading only
    // extracts media, whose titles are checked on their own.
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedAttributesException(
          "$", "must be a JSON object (was " + kind(node) + ")");
    }
    return (ObjectNode) node;
  }

  /** A streaming parser that refuses duplicate keys by itself (it builds no tree to notice). */
  static JsonParser strictParser(String json) throws java.io.IOException {
    JsonParser p = MAPPER.createParser(json);
    p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    return p;
  }

  /**
   * The {@link MalformedAttributesException} for a parser failure. Jackson's own message may quote
   * the document, so only the kind of problem and its position are reported.
   */
  static MalformedAttributesException malformed(java.io.IOException e) {
    if (e instanceof StreamConstraintsException) {
      return new MalformedAttributesException(
          "$", "exceeds the parser's limits (document or string length, nesting depth, number length)");
    }
    JsonLocation location = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
    String original = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : null;
    String problem;
    if (original != null && original.startsWith("Duplicate field")) {
      problem = "has a duplicate key";
    } else if (e instanceof MismatchedInputException) {
      problem = "has content after the JSON value";
    } else {
      problem = "is not valid JSON";
    }
    return new MalformedAttributesException("$", problem + where(location));
  }

  /** A short name of a token's JSON kind for messages, never its value. */
  static String kind(com.fasterxml.jackson.core.JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    switch (token) {
      case START_ARRAY: return "an array";
      case START_OBJECT: return "an object";
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      default: return "not JSON data";
    }
  }


  /**
   * Writes minified JSON: TaskRouter counts whitespace against its 4096-character limit.
   *
   * @throws MalformedAttributesException if a string in the tree holds an unpaired surrogate (read
   *     from a {@code \ud800}-style escape): it cannot be sent as UTF-8
   */
  static String write(JsonNode node) {
    String json;
    try {
      json = MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
    if (firstUnpairedSurrogate(json) != -1) {
      throw new MalformedAttributesException(
          "$", "is not valid Unicode (an escaped unpaired UTF-16 surrogate cannot be sent as UTF-8)");
    }
    return json;
  }

  /** The index of the first high or low surrogate that is not part of a pair, or -1. */
  static int firstUnpairedSurrogate(String s) {
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


  /** A short name of a node's JSON kind for messages, never its value. */
  static String kind(JsonNode node) {
    return node == null || node.isMissingNode() ? "nothing" : kind(node.asToken());
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) { // Jackson counts lines from 1; -1 is unknown
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
