package io.github.flexmedia.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads, writes and merges the media parts of a task attributes document. */
public final class MediaDocument {
  private static final String CONVERSATIONS = "conversations";
  private static final String RESERVATIONS = "reservation_attributes";
  private static final String MEDIA = "media";
  private static final Set<String> KNOWN_TYPES =
      Set.of("Raw", "Embedded", "Referenced", "VoiceRecording", "ChatTranscript");
  private static final ObjectWriter LINK_WRITER = Json.MAPPER.writerFor(MediaLink.class);

  private MediaDocument() {}

  /** The media of a document; {@code taskMedia} is null when the document names no task list. */
  public record Read(List<MediaLink> taskMedia, Map<String, List<MediaLink>> reservationMedia) {}

  /** Reads both levels strictly: any link this library knows must be valid. */
  public static Read read(String json) {
    ObjectNode root = Json.parseAttributes(json);
    List<MediaLink> task = null;
    JsonNode conversations = root.get(CONVERSATIONS);
    if (conversations != null) {
      JsonNode media = requireObject(conversations, CONVERSATIONS).get(MEDIA);
      if (media != null) {
        task = readList(requireArray(media, CONVERSATIONS + "." + MEDIA), CONVERSATIONS + "." + MEDIA);
      }
    }
    Map<String, List<MediaLink>> reservations = new LinkedHashMap<>();
    JsonNode ra = root.get(RESERVATIONS);
    if (ra != null) {
      Iterator<Map.Entry<String, JsonNode>> it = requireObject(ra, RESERVATIONS).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode media = e.getValue().isObject() ? e.getValue().get(MEDIA) : null;
        if (media == null) {
          continue; // not a media list: someone else's reservation data
        }
        String path = RESERVATIONS + "." + e.getKey();
        if (!Checks.isReservationSid(e.getKey())) {
          throw new MalformedAttributesException(
              RESERVATIONS, "holds a media list under a key that is not a reservation SID (WR + 32 hex)");
        }
        reservations.put(e.getKey(), readList(requireArray(media, path + "." + MEDIA), path + "." + MEDIA));
      }
    }
    return new Read(task, Collections.unmodifiableMap(reservations));
  }

  private static List<MediaLink> readList(ArrayNode array, String path) {
    List<MediaLink> links = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      links.add(readLink(array.get(i), path + "[" + i + "]"));
    }
    return List.copyOf(links);
  }

  /** Reads one link; known types are validated, unknown types are kept as they are. */
  public static MediaLink readLink(JsonNode node, String path) {
    requireObject(node, path);
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new MalformedAttributesException(path + ".type", "must be a string naming the link type");
    }
    if (!KNOWN_TYPES.contains(type.textValue())) {
      return new MediaLink.Unknown(type.textValue(), Json.write(node));
    }
    try {
      return Json.MAPPER.treeToValue(node, MediaLink.class);
    } catch (IOException e) {
      InvalidMediaException rule = findInvalidMedia(e);
      if (rule != null) {
        throw new MalformedAttributesException(
            path + "." + rule.field(), rule.reason() + " [rule: " + rule.rule() + "]");
      }
      throw new MalformedAttributesException(path + jacksonPath(e), "has a value of the wrong kind or form");
    }
  }

  private static InvalidMediaException findInvalidMedia(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InvalidMediaException ime) {
        return ime;
      }
    }
    return null;
  }

  private static String jacksonPath(IOException e) {
    if (!(e instanceof DatabindException de) || !(de instanceof JsonMappingException jme)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : jme.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** The minified media-only document. */
  public static String write(List<MediaLink> task, Map<String, List<MediaLink>> reservations) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator gen = Json.MAPPER.createGenerator(out)) {
      gen.writeStartObject();
      if (task != null) {
        gen.writeObjectFieldStart(CONVERSATIONS);
        writeList(gen, task);
        gen.writeEndObject();
      }
      if (!reservations.isEmpty()) {
        gen.writeObjectFieldStart(RESERVATIONS);
        for (Map.Entry<String, List<MediaLink>> e : reservations.entrySet()) {
          gen.writeObjectFieldStart(e.getKey());
          writeList(gen, e.getValue());
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

  private static void writeList(JsonGenerator gen, List<MediaLink> links) throws IOException {
    gen.writeArrayFieldStart(MEDIA);
    for (MediaLink link : links) {
      LINK_WRITER.writeValue(gen, link);
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
    List<MediaLink> present = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      present.add(readLenient(array.get(i), path + "[" + i + "]"));
    }
    if (mode == MergeMode.APPEND) {
      for (MediaLink link : links) {
        if (!present.contains(link)) {
          array.add(toTree(link));
          present.add(link);
        }
      }
      return;
    }
    List<JsonNode> keptUnknown = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      MediaLink old = present.get(i);
      if (old instanceof MediaLink.Unknown && !links.contains(old)) {
        keptUnknown.add(array.get(i));
      }
    }
    array.removeAll();
    for (MediaLink link : links) {
      array.add(toTree(link));
    }
    array.addAll(keptUnknown);
  }

  /** The link at {@code path}, or null when it is an object this library cannot read. */
  private static MediaLink readLenient(JsonNode node, String path) {
    requireObject(node, path);
    try {
      return readLink(node, path);
    } catch (MalformedAttributesException e) {
      return null; // someone else's link that breaks our rules: keep it untouched, never equal
    }
  }

  private static JsonNode toTree(MediaLink link) {
    return Json.MAPPER.valueToTree(link);
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
