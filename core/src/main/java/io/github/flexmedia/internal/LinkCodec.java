package io.github.flexmedia.internal;

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
  private LinkCodec() {}

  /** Where {@link #emit} puts a link's fields, in schema order. */
  private interface Sink {
    void string(String name, String value);

    void number(String name, long value);

    void channels(String name, List<RecordingChannel> values);
  }

  /** Emits {@code type} first, then the documented fields; absent optional fields are omitted. */
  private static void emit(MediaLink link, Sink sink) {
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
   * Reads one link; a known type is validated, an unknown one kept as it is. Fields this library
   * does not know are ignored, and a JSON {@code null} counts as absent.
   *
   * @throws MalformedAttributesException naming the path and the rule
   */
  public static MediaLink fromNode(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new MalformedAttributesException(path, "must be a JSON object (was " + Json.kind(node) + ")");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new MalformedAttributesException(path + ".type", "must be a string naming the link type");
    }
    try {
      switch (type.textValue()) {
        case "Raw":
          return new MediaLink.Raw(url(node, "url", path), text(node, "title", path));
        case "Embedded":
          return new MediaLink.Embedded(url(node, "url", path), text(node, "title", path));
        case "Referenced":
          return new MediaLink.Referenced(url(node, "url", path), text(node, "title", path));
        case "ChatTranscript":
          return new MediaLink.ChatTranscript(text(node, "sid", path));
        case "VoiceRecording":
          return new MediaLink.VoiceRecording(
              url(node, "url", path),
              url(node, "url_provider", path),
              startTime(node, path),
              channels(node, path),
              text(node, "title", path));
        default:
          return new MediaLink.Unknown(type.textValue(), Json.write(node));
      }
    } catch (InvalidMediaException e) {
      throw new MalformedAttributesException(
          path + "." + e.field(), e.reason() + " [rule: " + e.rule() + "]");
    }
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedAttributesException(
          path + "." + field, "must be a string (was " + Json.kind(value) + ")");
    }
    return value.textValue();
  }

  private static URI url(JsonNode node, String field, String path) {
    String text = text(node, field, path);
    return text == null ? null : Checks.parseUrl(field, text);
  }

  private static Instant startTime(JsonNode node, String path) {
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
    throw new MalformedAttributesException(path + ".start_time",
        "must be epoch milliseconds or an ISO 8601 date-time with an offset");
  }

  private static List<RecordingChannel> channels(JsonNode node, String path) {
    JsonNode value = node.get("channels");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new MalformedAttributesException(
          path + ".channels", "must be an array (was " + Json.kind(value) + ")");
    }
    List<RecordingChannel> channels = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      String name = value.get(i).isTextual() ? value.get(i).textValue() : "";
      if (name.equals("customer")) {
        channels.add(RecordingChannel.CUSTOMER);
      } else if (name.equals("others")) {
        channels.add(RecordingChannel.OTHERS);
      } else {
        throw new MalformedAttributesException(
            path + ".channels[" + i + "]", "must be \"customer\" or \"others\"");
      }
    }
    return channels;
  }
}
