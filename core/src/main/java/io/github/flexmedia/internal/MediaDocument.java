package io.github.flexmedia.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads, writes and merges the media parts of a task attributes document. */
public final class MediaDocument {
  private static final String CONVERSATIONS = "conversations";
  private static final String RESERVATIONS = "reservation_attributes";
  private static final String MEDIA = "media";

  /** Reads one element mid-stream: the rest of the document is not "trailing content". */
  private static final ObjectReader ELEMENT_READER =
      Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private MediaDocument() {}

  /** The media of a document; {@code taskMedia} is null when the document names no task list. */
  public record Read(List<MediaLink> taskMedia, Map<String, List<MediaLink>> reservationMedia) {}

  /**
   * Reads both levels tolerantly: an entry that is not a valid link of a known type comes back as
   * {@link MediaLink.Unknown} (see {@link LinkCodec#fromNode}); only a document of the wrong shape
   * is refused. A media list under a key that is not a reservation SID is not Flex's, and is
   * skipped. Streams over the
   * document and builds trees only for the media lists, so the foreign data is checked (syntax,
   * duplicate keys, limits) but never materialised.
   */
  public static Read read(String json) {
    if (json == null || json.isBlank()) {
      return new Read(null, Map.of());
    }
    try (JsonParser p = Json.strictParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedAttributesException(
            "$", "must be a JSON object (was " + Json.kind(p.currentToken()) + ")");
      }
      List<MediaLink> task = null;
      Map<String, List<MediaLink>> reservations = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(CONVERSATIONS)) {
          task = readConversations(p, value);
        } else if (name.equals(RESERVATIONS)) {
          readReservations(p, value, reservations);
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new MalformedAttributesException("$", "has content after the JSON value");
      }
      return new Read(task, Collections.unmodifiableMap(reservations));
    } catch (IOException e) {
      throw Json.malformed(e);
    }
  }

  private static List<MediaLink> readConversations(JsonParser p, JsonToken value) throws IOException {
    requireObject(p, value, CONVERSATIONS);
    List<MediaLink> task = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals(MEDIA)) {
        task = readList(p, v, CONVERSATIONS + "." + MEDIA);
      } else {
        p.skipChildren();
      }
    }
    return task;
  }

  private static void readReservations(
      JsonParser p, JsonToken value, Map<String, List<MediaLink>> into) throws IOException {
    requireObject(p, value, RESERVATIONS);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String sid = p.currentName();
      if (p.nextToken() != JsonToken.START_OBJECT) {
        p.skipChildren(); // not a reservation's object: someone else's data
        continue;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (!name.equals(MEDIA)) {
          p.skipChildren();
          continue;
        }
        if (!Checks.isReservationSid(sid)) {
          p.skipChildren(); // Flex reads media only under reservation SIDs: someone else's data
          continue;
        }
        into.put(sid, readList(p, v, RESERVATIONS + "." + sid + "." + MEDIA));
      }
    }
  }

  private static List<MediaLink> readList(JsonParser p, JsonToken value, String path) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw new MalformedAttributesException(
          path, "must be a JSON array (was " + Json.kind(value) + ")");
    }
    List<MediaLink> links = new ArrayList<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      JsonNode element = ELEMENT_READER.readTree(p);
      links.add(LinkCodec.fromNode(element, path + "[" + i + "]"));
    }
    return List.copyOf(links);
  }

  private static void requireObject(JsonParser p, JsonToken value, String path) {
    if (value != JsonToken.START_OBJECT) {
      throw new MalformedAttributesException(path, "must be a JSON object (was " + Json.kind(value) + ")");
    }
  }

  /** The minified media-only document. */
  public static String write(List<MediaLink> task, Map<String, List<MediaLink>> reservations) {
    StringBuilderWriter out = new StringBuilderWriter(256);
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      LinkCodec.Writer writer = new LinkCodec.Writer(gen);
      gen.writeStartObject();
      if (task != null) {
        gen.writeObjectFieldStart(CONVERSATIONS);
        writeList(gen, writer, task);
        gen.writeEndObject();
      }
      if (!reservations.isEmpty()) {
        gen.writeObjectFieldStart(RESERVATIONS);
        for (Map.Entry<String, List<MediaLink>> e : reservations.entrySet()) {
          gen.writeObjectFieldStart(e.getKey());
          writeList(gen, writer, e.getValue());
          gen.writeEndObject();
        }
        gen.writeEndObject();
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeList(JsonGenerator gen, LinkCodec.Writer writer, List<MediaLink> links)
      throws IOException {
    gen.writeArrayFieldStart(MEDIA);
    for (MediaLink link : links) {
      writer.write(link);
    }
    gen.writeEndArray();
  }

  /** Merges the named lists into {@code existing}; see {@link MergeMode}. */
  public static String merge(
      String existing,
      List<MediaLink> task,
      Map<String, List<MediaLink>> reservations,
      MergeMode mode) {
    ObjectNode root = Json.parseAttributes(existing);
    if (task != null) {
      ObjectNode conversations = child(root, CONVERSATIONS, CONVERSATIONS);
      mergeList(conversations, CONVERSATIONS + "." + MEDIA, task, mode);
    }
    if (!reservations.isEmpty()) {
      ObjectNode ra = child(root, RESERVATIONS, RESERVATIONS);
      for (Map.Entry<String, List<MediaLink>> e : reservations.entrySet()) {
        String path = RESERVATIONS + "." + e.getKey();
        mergeList(child(ra, e.getKey(), path), path + "." + MEDIA, e.getValue(), mode);
      }
    }
    return Json.write(root);
  }

  private static void mergeList(ObjectNode parent, String path, List<MediaLink> links, MergeMode mode) {
    JsonNode current = parent.get(MEDIA);
    ArrayNode array = current == null ? parent.putArray(MEDIA) : requireArray(current, path);
    for (int i = 0; i < array.size(); i++) {
      requireObject(array.get(i), path + "[" + i + "]");
    }
    if (mode == MergeMode.APPEND) {
      // Typed readings of the elements, made only when a new link of the same type needs one.
      List<MediaLink> typed = new ArrayList<>(array.size() + links.size());
      for (int i = 0; i < array.size(); i++) {
        typed.add(null);
      }
      for (MediaLink link : links) {
        ObjectNode node = LinkCodec.toNode(link);
        if (!contains(array, typed, link, node, path)) {
          array.add(node);
          typed.add(link);
        }
      }
      return;
    }
    // REPLACE replaces the links this library writes. Flex's own transcript entry and links it
    // does not model (another writer's) stay, after the new ones, unless a new link equals one.
    List<JsonNode> kept = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode old = array.get(i);
      MediaLink read = LinkCodec.fromNode(old, path + "[" + i + "]");
      if ((read instanceof MediaLink.FlexConversation || read instanceof MediaLink.Unknown)
          && !links.contains(read)) {
        kept.add(old);
      }
    }
    array.removeAll();
    for (MediaLink link : links) {
      array.add(LinkCodec.toNode(link));
    }
    array.addAll(kept);
  }

  /**
   * Whether {@code array} already holds {@code link}: the same JSON, or the same link written in
   * another form (an ISO {@code start_time}, another key order, extra fields).
   */
  private static boolean contains(
      ArrayNode array, List<MediaLink> typed, MediaLink link, ObjectNode node, String path) {
    String type = link.typeName();
    for (int i = 0; i < array.size(); i++) {
      JsonNode existing = array.get(i);
      if (existing.equals(node)) {
        return true;
      }
      if (type.equals(LinkCodec.typeOf(existing))) {
        if (typed.get(i) == null) {
          typed.set(i, LinkCodec.fromNode(existing, path + "[" + i + "]"));
        }
        if (link.equals(typed.get(i))) {
          return true;
        }
      }
    }
    return false;
  }

  private static ObjectNode child(ObjectNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    return node == null ? parent.putObject(name) : requireObject(node, path);
  }

  private static ObjectNode requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new MalformedAttributesException(path, "must be a JSON object (was " + Json.kind(node) + ")");
    }
    return (ObjectNode) node;
  }

  private static ArrayNode requireArray(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new MalformedAttributesException(path, "must be a JSON array (was " + Json.kind(node) + ")");
    }
    return (ArrayNode) node;
  }
}
