package io.github.flexmedia.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code start_time}: written as epoch milliseconds (Flex's custom-media page), read from
 * milliseconds or an ISO 8601 string (the form another Twilio page shows). Needs no JSR-310 module,
 * so a plain {@code ObjectMapper} handles the records too.
 */
public final class EpochMillis {
  private EpochMillis() {}

  /**
   * Reads a {@code start_time} given as text: a string of digits (milliseconds) or an ISO 8601
   * date-time with an offset. {@code null} when it is neither.
   */
  public static Instant parseText(String raw) {
    String text = raw.trim();
    try {
      if (!text.isEmpty() && text.length() < 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Writes an {@link Instant} as a JSON number of epoch milliseconds. */
  public static final class Serializer extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Used by Jackson. */
    public Serializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(value.toEpochMilli());
    }
  }

  /** Reads epoch milliseconds (a JSON integer or a string of digits) or an ISO 8601 instant. */
  public static final class Deserializer extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Used by Jackson. */
    public Deserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return (Instant) ctxt.handleWeirdNumberValue(Instant.class, p.getNumberValue(),
              "start_time is out of range for epoch milliseconds");
        }
        return Instant.ofEpochMilli(p.getLongValue());
      }
      if (t == JsonToken.VALUE_STRING) {
        Instant parsed = parseText(p.getText());
        if (parsed == null) {
          return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(),
              "start_time must be epoch milliseconds or an ISO 8601 date-time with an offset");
        }
        return parsed;
      }
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
  }
}
