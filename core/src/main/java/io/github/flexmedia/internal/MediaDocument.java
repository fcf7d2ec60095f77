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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads, writes and merges the media parts of a task attributes document. */
public final class MediaDocument {
  private static final String CONVERSATIONS = "conversations";
  private static final String RESERVATIONS = "reservation_attributes";
  private static final String MEDIA = "media";
  private static final String TASK_MEDIA = CONVERSATIONS + "." + MEDIA;

  /** Reads one part mid-stream: the rest of the document is not "trailing content". */
  private static final ObjectReader PART_READER =
      Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private MediaDocument() {}

  /** The media of a document; {@code taskMedia} is null when the document names no task list. */
  public record Read(List<MediaLink> taskMedia, Map<String, List<MediaLink>> reservationMedia) {}

  /**
   * Reads both levels tolerantly: an entry that is not a valid link of a known type comes back as
   * {@link MediaLink.Unknown} (see {@link LinkCodec#fromNode}); only a document of the wrong shape
   * is refused. A media list under a key that is not a reservation SID, or under a value that is
   * not an object, is not Flex's and is skipped. The same walk as {@link #merge}, with the same
   * shape checks, over the parts this library owns.
   */
  public static Read read(String json) {
    ObjectNode root = ownedParts(json);
    List<MediaLink> task = null;
    ObjectNode conversations = object(root, CONVERSATIONS, CONVERSATIONS, false);
    ArrayNode taskList = conversations == null ? null : mediaList(conversations, TASK_MEDIA, false);
    if (taskList != null) {
      task = links(taskList, TASK_MEDIA);
    }
    Map<String, List<MediaLink>> reservations = new LinkedHashMap<>();
    ObjectNode ra = object(root, RESERVATIONS, RESERVATIONS, false);
    if (ra != null) {
      Iterator<Map.Entry<String, JsonNode>> fields = ra.fields();
      while (fields.hasNext()) {
        String sid = fields.next().getKey();
        ObjectNode reservation = reservation(ra, sid, false);
        ArrayNode list = reservation == null ? null : mediaList(reservation, reservationPath(sid), false);
        if (list != null) {
          reservations.put(sid, links(list, reservationPath(sid)));
        }
      }
    }
    return new Read(task, Collections.unmodifiableMap(reservations));
  }

  /**
   * The document's {@code conversations} and {@code reservation_attributes} as trees, the rest
   * skipped by the streaming parser: foreign data is checked (syntax, duplicate keys, limits) but
   * never materialised, which keeps reading well under a full {@code readTree}.
   */
  private static ObjectNode ownedParts(String json) {
    ObjectNode owned = Json.MAPPER.createObjectNode();
    if (json == null || json.isBlank()) {
      return owned;
    }
    try (JsonParser p = Json.strictParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedAttributesException(
            "$", "must be a JSON object (was " + Json.kind(p.currentToken()) + ")");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(CONVERSATIONS) || name.equals(RESERVATIONS)) {
          owned.set(name, PART_READER.readTree(p));
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new MalformedAttributesException("$", "has content after the JSON value");
      }
      return owned;
    } catch (IOException e) {
      throw Json.malformed(e);
    }
  }

  private static List<MediaLink> links(ArrayNode array, String path) {
    List<MediaLink> links = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      links.add(LinkCodec.fromNode(array.get(i), path + "[" + i + "]"));
    }
    return List.copyOf(links);
  }

  private static String reservationPath(String sid) {
    return RESERVATIONS + "." + sid + "." + MEDIA;
  }

  // The shape of the parts this library owns, checked in one place for reading and merging.
  // create: the walk is about to write there, so an absent part is made; otherwise it is skipped.

  /** {@code parent.name}: an object, or null when absent and not created. */
  private static ObjectNode object(ObjectNode parent, String name, String path, boolean create) {
    JsonNode node = parent.get(name);
    if (node == null) {
      return create ? parent.putObject(name) : null;
    }
    return requireObject(node, path);
  }

  /**
   * A reservation's object. Flex reads media only under reservation SIDs, and a value that is not
   * an object is someone else's data: reading skips both; writing there needs an object.
   */
  private static ObjectNode reservation(ObjectNode ra, String sid, boolean create) {
    if (create) {
      return object(ra, sid, RESERVATIONS + "." + sid, true);
    }
    JsonNode node = ra.get(sid);
    return node.isObject() && Checks.isReservationSid(sid) ? (ObjectNode) node : null;
  }

  /** {@code parent.media}: an array of objects, or null when absent and not created. */
  private static ArrayNode mediaList(ObjectNode parent, String path, boolean create) {
    JsonNode current = parent.get(MEDIA);
    if (current == null) {
      return create ? parent.putArray(MEDIA) : null;
    }
    if (!current.isArray()) {
      throw new MalformedAttributesException(path, "must be a JSON array (was " + Json.kind(current) + ")");
    }
    for (int i = 0; i < current.size(); i++) {
      requireObject(current.get(i), path + "[" + i + "]");
    }
    return (ArrayNode) current;
  }

  /**
   * The minified document of what this library writes: the media lists and the Insights fields,
   * {@code conversations} first, then {@code reservation_attributes}, {@code customers} and the
   * root-level fields.
   */
  public static String write(
      List<MediaLink> task, Map<String, List<MediaLink>> reservations, Map<String, JsonNode> insights) {
    Map<String, Map<String, JsonNode>> byPlace = new LinkedHashMap<>();
    for (String place : new String[] {"conversations.", "customers.", ""}) {
      byPlace.put(place, new LinkedHashMap<>());
    }
    insights.forEach((path, value) -> {
      String[] parts = InsightsLinter.split(path);
      byPlace.get(parts[0]).put(parts[1], value);
    });
    StringBuilderWriter out = new StringBuilderWriter(256);
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      // Every object is closed here, explicitly: a missing end is a bug to see, not one for
      // Jackson to paper over when the generator closes.
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      LinkCodec.Writer writer = new LinkCodec.Writer(gen);
      gen.writeStartObject();
      Map<String, JsonNode> conversationFields = byPlace.get("conversations.");
      if (task != null || !conversationFields.isEmpty()) {
        gen.writeObjectFieldStart(CONVERSATIONS);
        if (task != null) {
          writeList(gen, writer, task);
        }
        writeFields(gen, conversationFields);
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
      Map<String, JsonNode> customerFields = byPlace.get("customers.");
      if (!customerFields.isEmpty()) {
        gen.writeObjectFieldStart("customers");
        writeFields(gen, customerFields);
        gen.writeEndObject();
      }
      writeFields(gen, byPlace.get(""));
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeFields(JsonGenerator gen, Map<String, JsonNode> fields) throws IOException {
    for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
      gen.writeFieldName(e.getKey());
      gen.writeTree(e.getValue());
    }
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
      MergeMode mode,
      Map<String, JsonNode> insights) {
    ObjectNode root = Json.parseAttributes(existing);
    if (task != null) {
      ObjectNode conversations = object(root, CONVERSATIONS, CONVERSATIONS, true);
      mergeList(mediaList(conversations, TASK_MEDIA, true), TASK_MEDIA, task, mode);
    }
    if (!reservations.isEmpty()) {
      ObjectNode ra = object(root, RESERVATIONS, RESERVATIONS, true);
      for (Map.Entry<String, List<MediaLink>> e : reservations.entrySet()) {
        String path = reservationPath(e.getKey());
        mergeList(mediaList(reservation(ra, e.getKey(), true), path, true), path, e.getValue(), mode);
      }
    }
    mergeInsights(root, insights);
    return Json.write(root);
  }

  /**
   * Sets each named Insights field, in either mode: a field holds one value, so naming it replaces
   * it. Every other key stays where it is, with its value.
   */
  private static void mergeInsights(ObjectNode root, Map<String, JsonNode> insights) {
    for (Map.Entry<String, JsonNode> e : insights.entrySet()) {
      String[] parts = InsightsLinter.split(e.getKey());
      ObjectNode target = parts[0].isEmpty()
          ? root
          : object(root, parts[0].substring(0, parts[0].length() - 1),
              parts[0].substring(0, parts[0].length() - 1), true);
      target.set(parts[1], e.getValue().deepCopy());
    }
  }

  private static void mergeList(ArrayNode array, String path, List<MediaLink> links, MergeMode mode) {
    if (mode == MergeMode.APPEND) {
      // Typed readings of the elements, made only when a new link of the same type needs one.
      List<MediaLink> typed = new ArrayList<>(Collections.nCopies(array.size(), (MediaLink) null));
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
      LinkKind kind = LinkKind.of(read);
      if ((kind == LinkKind.FLEX_CONVERSATION || kind == LinkKind.UNKNOWN) && !links.contains(read)) {
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

  private static ObjectNode requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new MalformedAttributesException(path, "must be a JSON object (was " + Json.kind(node) + ")");
    }
    return (ObjectNode) node;
  }
}
