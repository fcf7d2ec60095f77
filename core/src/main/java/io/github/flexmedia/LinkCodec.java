package io.github.flexmedia;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.flexmedia.InvalidMediaException.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON mapping of links: {@code toJson}, {@code mergeInto}, {@code fromTaskAttributes}
 * and a user's plain {@code ObjectMapper} (through the {@link Serializer} and {@link Deserializer}
 * named on {@link MediaLink}) all go through it. Links are emitted field by field to a streaming
 * generator or a tree: going through databind's bean machinery cost 15–25 % (JMH, {@code
 * benchmarks/}).
 */
final class LinkCodec {
  /** The one field of Flex Conversations' own transcript entry, which has no {@code type}. */
  static final String CONVERSATION_SID = "conversation_sid";

  private LinkCodec() {}

  /**
   * Where {@link #emit} puts a link's fields, in schema order; a sink that reads only some fields
   * (a policy check, a label) overrides only those.
   */
  interface Sink {
    default void start() {}

    default void text(String name, String value) {}

    default void url(String name, URI value) {}

    default void number(String name, long value) {}

    default void channels(String name, List<RecordingChannel> values) {}

    default void end() {}

    /** A link kept as written: its whole object. */
    default void verbatim(ObjectNode node) {}
  }

  /** Emits {@code type} first, then the documented fields; absent optional fields are omitted. */
  static void emit(MediaLink link, Sink sink) {
    link.accept(new Emit(sink));
  }

  private static final class Emit implements MediaLink.Visitor<Void> {
    private final Sink sink;

    Emit(Sink sink) {
      this.sink = sink;
    }

    private void page(MediaLink.Page link) {
      sink.start();
      sink.text("type", link.typeName());
      sink.url("url", link.url());
      sink.text("title", link.title());
      sink.end();
    }

    @Override
    public Void visitRaw(MediaLink.Raw link) {
      page(link);
      return null;
    }

    @Override
    public Void visitEmbedded(MediaLink.Embedded link) {
      page(link);
      return null;
    }

    @Override
    public Void visitReferenced(MediaLink.Referenced link) {
      page(link);
      return null;
    }

    @Override
    public Void visitVoiceRecording(MediaLink.VoiceRecording v) {
      sink.start();
      sink.text("type", v.typeName());
      if (v.url() != null) {
        sink.url("url", v.url());
      }
      if (v.urlProvider() != null) {
        sink.url("url_provider", v.urlProvider());
      }
      if (v.startTime() != null) {
        sink.number("start_time", v.startTime().toEpochMilli());
      }
      if (!v.channels().isEmpty()) {
        sink.channels("channels", v.channels());
      }
      if (v.title() != null) {
        sink.text("title", v.title());
      }
      sink.end();
      return null;
    }

    @Override
    public Void visitChatTranscript(MediaLink.ChatTranscript link) {
      sink.start();
      sink.text("type", link.typeName());
      sink.text("sid", link.sid());
      sink.end();
      return null;
    }

    @Override
    public Void visitFlexConversation(MediaLink.FlexConversation link) {
      sink.start();
      sink.text(CONVERSATION_SID, link.conversationSid()); // as Flex writes it: no type
      sink.end();
      return null;
    }

    @Override
    public Void visitUnknown(MediaLink.Unknown link) {
      sink.verbatim(link.tree());
      return null;
    }
  }

  /** Writes links to one generator. */
  static final class Writer implements Sink {
    private final JsonGenerator g;

    Writer(JsonGenerator g) {
      this.g = g;
    }

    /** Writes one link object. */
    void write(MediaLink link) throws IOException {
      try {
        emit(link, this);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    @Override
    public void start() {
      io(() -> g.writeStartObject());
    }

    @Override
    public void end() {
      io(() -> g.writeEndObject());
    }

    @Override
    public void text(String name, String value) {
      io(() -> g.writeStringField(name, value));
    }

    @Override
    public void url(String name, URI value) {
      io(() -> g.writeStringField(name, value.toString()));
    }

    @Override
    public void number(String name, long value) {
      io(() -> g.writeNumberField(name, value));
    }

    @Override
    public void channels(String name, List<RecordingChannel> values) {
      io(() -> {
        g.writeArrayFieldStart(name);
        for (RecordingChannel c : values) {
          g.writeString(c.wireName());
        }
        g.writeEndArray();
      });
    }

    @Override
    public void verbatim(ObjectNode node) {
      io(() -> g.writeTree(node));
    }

    private interface IoAction {
      void run() throws IOException;
    }

    private static void io(IoAction action) {
      try {
        action.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** What names a link for people: its title, or a transcript's SID; {@code null} when neither. */
  static String label(MediaLink link) {
    String[] label = {null};
    emit(link, new Sink() {
      @Override
      public void text(String name, String value) {
        if (name.equals("title") || name.equals("sid")) {
          label[0] = value;
        }
      }
    });
    return label[0];
  }

  /** One link as a new tree node, which the caller owns. */
  static ObjectNode toNode(MediaLink link) {
    ObjectNode[] out = {Json.MAPPER.createObjectNode()};
    ObjectNode node = out[0];
    emit(link, new Sink() {
      @Override
      public void text(String name, String value) {
        node.put(name, value);
      }

      @Override
      public void url(String name, URI value) {
        node.put(name, value.toString());
      }

      @Override
      public void number(String name, long value) {
        node.put(name, value);
      }

      @Override
      public void channels(String name, List<RecordingChannel> values) {
        ArrayNode array = node.putArray(name);
        for (RecordingChannel c : values) {
          array.add(c.wireName());
        }
      }

      @Override
      public void verbatim(ObjectNode tree) {
        out[0] = tree.deepCopy();
      }
    });
    return out[0];
  }

  /**
   * Reads one entry of a media list, tolerantly: a valid link of a known type comes back typed,
   * Flex's own {@code {"conversation_sid"}} entry as {@link MediaLink.FlexConversation}, and
   * anything else as {@link MediaLink.Unknown}, which takes {@code node} over (the caller must not
   * change it afterwards). Fields this library does not know are ignored; a JSON {@code null}
   * counts as absent.
   *
   * @throws MalformedAttributesException only when the entry is not a JSON object
   */
  static MediaLink fromNode(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new MalformedAttributesException(path, "must be a JSON object (was " + Json.kind(node) + ")");
    }
    try {
      return typed(node);
    } catch (InvalidMediaException e) {
      Json.write(node); // refuses what cannot be sent as UTF-8, so that json() always can
      JsonNode type = node.get("type");
      return new MediaLink.Unknown(type != null && type.isTextual() ? type.textValue() : null, (ObjectNode) node);
    }
  }

  /**
   * Why an {@link MediaLink.Unknown} link is not a link this library can model: the rule it
   * breaks, with the field relative to the link.
   */
  static InvalidMediaException problem(MediaLink.Unknown link) {
    try {
      typed(link.tree());
    } catch (InvalidMediaException e) {
      return e;
    }
    // A valid link built by hand as Unknown; say so rather than pretend it is fine.
    return new InvalidMediaException("type", Rule.TYPED, "is a valid link kept untyped");
  }

  /**
   * The type a stored entry would be read as, from its JSON alone: its {@code type}, {@code
   * FlexConversation} for Flex's untyped transcript entry, {@code ""} otherwise.
   */
  static String typeOf(JsonNode node) {
    JsonNode type = node.get("type");
    if (type != null && type.isTextual()) {
      return type.textValue();
    }
    return (type == null || type.isNull()) && node.has(CONVERSATION_SID)
        ? LinkKind.FLEX_CONVERSATION.typeName
        : "";
  }

  /** The tree of a user-made {@link MediaLink.Unknown}: an object whose {@code type} is {@code type}. */
  static ObjectNode unknownTree(String type, String json) {
    if (json == null) {
      throw new InvalidMediaException("json", Rule.REQUIRED, "is required");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new InvalidMediaException("json", Rule.JSON_OBJECT, "must be a JSON object");
    }
    if (node == null || !node.isObject() || !java.util.Objects.equals(type, node.path("type").textValue())) {
      throw new InvalidMediaException(
          "json",
          Rule.JSON_OBJECT,
          "must be a JSON object whose \"type\" is the given type (no string \"type\" when none is given)");
    }
    Json.write(node); // refuses what cannot be sent as UTF-8
    return (ObjectNode) node;
  }

  private static MediaLink typed(JsonNode node) {
    JsonNode type = node.get("type");
    if (type == null || type.isNull()) {
      if (node.has(CONVERSATION_SID)) {
        return LinkKind.FLEX_CONVERSATION.read(node);
      }
      throw new InvalidMediaException(
          "type", Rule.TYPE_REQUIRED, "is required (or conversation_sid, for Flex's own transcript entry)");
    }
    if (!type.isTextual()) {
      throw new InvalidMediaException(
          "type", Rule.TYPE_STRING, "must be a string naming the link type (was " + Json.kind(type) + ")");
    }
    LinkKind kind = LinkKind.ofType(type.textValue());
    if (kind == null) {
      throw new InvalidMediaException(
          "type", Rule.KNOWN_TYPE, "is not a type Flex documents (" + LinkKind.documented() + ")");
    }
    return kind.read(node);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidMediaException(field, Rule.STRING, "must be a string (was " + Json.kind(value) + ")");
    }
    return value.textValue();
  }

  static URI url(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : Checks.parseUrl(field, text);
  }

  static Instant startTime(JsonNode node) {
    JsonNode value = node.get("start_time");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    if (value.isTextual()) {
      Instant parsed = parseTime(value.textValue());
      if (parsed != null) {
        return parsed;
      }
    }
    throw new InvalidMediaException("start_time", Rule.EPOCH_MILLIS_OR_ISO,
        "must be epoch milliseconds or an ISO 8601 date-time with an offset");
  }

  /**
   * A {@code start_time} given as text: a string of digits (milliseconds) or an ISO 8601
   * date-time with an offset (the form another Twilio page shows). {@code null} when neither.
   */
  private static Instant parseTime(String raw) {
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

  static List<RecordingChannel> channels(JsonNode node) {
    JsonNode value = node.get("channels");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new InvalidMediaException("channels", Rule.ARRAY, "must be an array (was " + Json.kind(value) + ")");
    }
    List<RecordingChannel> channels = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      String name = value.get(i).isTextual() ? value.get(i).textValue() : "";
      if (name.equals("customer")) {
        channels.add(RecordingChannel.CUSTOMER);
      } else if (name.equals("others")) {
        channels.add(RecordingChannel.OTHERS);
      } else {
        throw new InvalidMediaException(
            "channels[" + i + "]", Rule.CHANNEL_NAME, "must be \"customer\" or \"others\"");
      }
    }
    return channels;
  }

  /** A user's {@code ObjectMapper} writes links through the codec. */
  static final class Serializer extends StdSerializer<MediaLink> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(MediaLink.class);
    }

    @Override
    public void serialize(MediaLink value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      new Writer(gen).write(value);
    }

    @Override
    public void serializeWithType(
        MediaLink value, JsonGenerator gen, SerializerProvider provider, TypeSerializer ts)
        throws IOException {
      serialize(value, gen, provider); // a link carries its own type
    }
  }

  /**
   * A user's {@code ObjectMapper} reads links through the codec, as tolerantly as a document: an
   * entry this library cannot model comes back as {@link MediaLink.Unknown}.
   */
  static final class Deserializer extends StdDeserializer<MediaLink> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      this(MediaLink.class);
    }

    private Deserializer(Class<?> target) {
      super(target);
    }

    /** {@code readValue(json, MediaLink.Raw.class)} asks for one kind: remember which. */
    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      JavaType type = ctxt.getContextualType();
      return type == null || type.getRawClass() == handledType() ? this : new Deserializer(type.getRawClass());
    }

    @Override
    public MediaLink deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = Json.MAPPER.readTree(p);
      MediaLink link = fromNode(node, "$");
      if (!handledType().isInstance(link)) {
        return (MediaLink) ctxt.handleUnexpectedToken(handledType(), JsonToken.START_OBJECT, p,
            "the link is a %s, not a %s", link.typeName(), handledType().getSimpleName());
      }
      return link;
    }
  }
}
