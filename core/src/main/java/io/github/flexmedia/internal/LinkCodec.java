package io.github.flexmedia.internal;

import io.github.flexmedia.InvalidMediaException.Rule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The library's own fast path between links and JSON, used by {@code toJson}, {@code mergeInto}
 * and {@code fromTaskAttributes}.
 *
 * <p>The records' Jackson annotations serve users' own {@code ObjectMapper}s; going through
 * databind for every link here cost 15–25 % against hand-written Jackson code (measured with the
 * JMH suite in {@code benchmarks/}), so links are emitted field by field to a streaming generator
 * or a tree, and read straight from the tree. Tests hold both paths to the same golden files.
 */
public final class LinkCodec {
  /** The one field of Flex Conversations' own transcript entry, which has no {@code type}. */
  public static final String CONVERSATION_SID = "conversation_sid";

  private LinkCodec() {}

  /** Where {@link #emit} puts a link's fields, in schema order. */
  private interface Sink {
    void string(String name, String value);

    void number(String name, long value);

    void channels(String name, List<RecordingChannel> values);
  }

  /** Emits {@code type} first, then the documented fields; absent optional fields are omitted. */
  private static void emit(MediaLink link, Sink sink) {
    if (link instanceof MediaLink.FlexConversation f) {
      sink.string(CONVERSATION_SID, f.conversationSid()); // as Flex writes it: no type
      return;
    }
    sink.string("type", link.typeName());
    if (link instanceof MediaLink.Embedded e) {
      sink.string("url", e.url().toString());
      sink.string("title", e.title());
    } else if (link instanceof MediaLink.ChatTranscript c) {
      sink.string("sid", c.sid());
    } else if (link instanceof MediaLink.VoiceRecording v) {
      if (v.url() != null) {
        sink.string("url", v.url().toString());
      }
      if (v.urlProvider() != null) {
        sink.string("url_provider", v.urlProvider().toString());
      }
      if (v.startTime() != null) {
        sink.number("start_time", v.startTime().toEpochMilli());
      }
      if (!v.channels().isEmpty()) {
        sink.channels("channels", v.channels());
      }
      if (v.title() != null) {
        sink.string("title", v.title());
      }
    } else if (link instanceof MediaLink.Referenced r) {
      sink.string("url", r.url().toString());
      sink.string("title", r.title());
    } else if (link instanceof MediaLink.Raw r) {
      sink.string("url", r.url().toString());
      sink.string("title", r.title());
    }
  }

  /**
   * Writes links to one generator. Make one per document: it is the {@link Sink} for every link
   * written through it.
   */
  public static final class Writer implements Sink {
    private final JsonGenerator g;

    /** Writes to {@code g}. */
    public Writer(JsonGenerator g) {
      this.g = g;
    }

    /** Writes one link object. */
    public void write(MediaLink link) throws IOException {
      if (link instanceof MediaLink.Unknown u) {
        g.writeTree(Json.parseTrusted(u.json()));
        return;
      }
      g.writeStartObject();
      try {
        emit(link, this);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      g.writeEndObject();
    }

    @Override
    public void string(String name, String value) {
      try {
        g.writeStringField(name, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void number(String name, long value) {
      try {
        g.writeNumberField(name, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void channels(String name, List<RecordingChannel> values) {
      try {
        g.writeArrayFieldStart(name);
        for (RecordingChannel c : values) {
          g.writeString(c.wireName());
        }
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One link as a tree node. */
  public static ObjectNode toNode(MediaLink link) {
    if (link instanceof MediaLink.Unknown u) {
      return (ObjectNode) Json.parseTrusted(u.json());
    }
    ObjectNode node = Json.MAPPER.createObjectNode();
    emit(link, new Sink() {
      @Override
      public void string(String name, String value) {
        node.put(name, value);
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
    });
    return node;
  }

  /**
   * Reads one entry of a media list, tolerantly: a valid link of a known type comes back typed,
   * Flex's own {@code {"conversation_sid"}} entry as {@link MediaLink.FlexConversation}, and
   * anything else — an unknown or missing type, a field that breaks a rule — as {@link
   * MediaLink.Unknown}, kept exactly as written. Fields this library does not know are ignored,
   * and a JSON {@code null} counts as absent.
   *
   * @throws MalformedAttributesException only when the entry is not a JSON object
   */
  public static MediaLink fromNode(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new MalformedAttributesException(path, "must be a JSON object (was " + Json.kind(node) + ")");
    }
    try {
      return typed(node);
    } catch (InvalidMediaException e) {
      JsonNode type = node.get("type");
      return new MediaLink.Unknown(type != null && type.isTextual() ? type.textValue() : null, Json.write(node));
    }
  }

  /**
   * Why an {@link MediaLink.Unknown} link is not a link this library can model: the rule it
   * breaks, with the field relative to the link.
   */
  public static InvalidMediaException problem(MediaLink.Unknown link) {
    try {
      typed(Json.parseTrusted(link.json()));
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
  public static String typeOf(JsonNode node) {
    JsonNode type = node.get("type");
    if (type != null && type.isTextual()) {
      return type.textValue();
    }
    return (type == null || type.isNull()) && node.has(CONVERSATION_SID) ? "FlexConversation" : "";
  }

  private static MediaLink typed(JsonNode node) {
    JsonNode type = node.get("type");
    if (type == null || type.isNull()) {
      if (node.has(CONVERSATION_SID)) {
        return new MediaLink.FlexConversation(text(node, CONVERSATION_SID));
      }
      throw new InvalidMediaException(
          "type", Rule.TYPE_REQUIRED, "is required (or conversation_sid, for Flex's own transcript entry)");
    }
    if (!type.isTextual()) {
      throw new InvalidMediaException(
          "type", Rule.TYPE_STRING, "must be a string naming the link type (was " + Json.kind(type) + ")");
    }
    switch (type.textValue()) {
      case "Raw":
        return new MediaLink.Raw(url(node, "url"), text(node, "title"));
      case "Embedded":
        return new MediaLink.Embedded(url(node, "url"), text(node, "title"));
      case "Referenced":
        return new MediaLink.Referenced(url(node, "url"), text(node, "title"));
      case "ChatTranscript":
        return new MediaLink.ChatTranscript(text(node, "sid"));
      case "VoiceRecording":
        return new MediaLink.VoiceRecording(
            url(node, "url"),
            url(node, "url_provider"),
            startTime(node),
            channels(node),
            text(node, "title"));
      default:
        throw new InvalidMediaException(
            "type",
            Rule.KNOWN_TYPE,
            "is not a type Flex documents (Raw, Embedded, Referenced, VoiceRecording, ChatTranscript)");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidMediaException(field, Rule.STRING, "must be a string (was " + Json.kind(value) + ")");
    }
    return value.textValue();
  }

  private static URI url(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : Checks.parseUrl(field, text);
  }

  private static Instant startTime(JsonNode node) {
    JsonNode value = node.get("start_time");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    if (value.isTextual()) {
      Instant parsed = EpochMillis.parseText(value.textValue());
      if (parsed != null) {
        return parsed;
      }
    }
    throw new InvalidMediaException("start_time", Rule.EPOCH_MILLIS_OR_ISO,
        "must be epoch milliseconds or an ISO 8601 date-time with an offset");
  }

  private static List<RecordingChannel> channels(JsonNode node) {
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
}
