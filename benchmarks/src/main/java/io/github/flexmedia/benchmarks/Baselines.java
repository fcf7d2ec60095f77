package io.github.flexmedia.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user would write by hand instead of the library, producing the same results (a test
 * checks that). These are the denominators of every ratio the suite reports.
 */
public final class Baselines {
  /** The mapper a careful user would configure: exact numbers, so foreign data survives. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private Baselines() {}

  /** Serialize with Jackson from hand-built maps and lists. */
  public static String serializeWithMaps() {
    Map<String, Object> embedded = new LinkedHashMap<>();
    embedded.put("type", "Embedded");
    embedded.put("url", Fixtures.TICKET_URL);
    embedded.put("title", Fixtures.TICKET_TITLE);
    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("type", "ChatTranscript");
    chat.put("sid", Fixtures.CHAT_SID);
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("type", "VoiceRecording");
    call.put("url", Fixtures.RECORDING_URL);
    call.put("start_time", Fixtures.START_MILLIS);
    call.put("channels", List.of("customer", "others"));
    Map<String, Object> conversations = new LinkedHashMap<>();
    conversations.put("media", List.of(embedded, chat, call));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("conversations", conversations);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The floor: the same bytes written straight to a streaming generator. */
  public static String serializeStreaming() {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("conversations");
      g.writeArrayFieldStart("media");
      g.writeStartObject();
      g.writeStringField("type", "Embedded");
      g.writeStringField("url", Fixtures.TICKET_URL);
      g.writeStringField("title", Fixtures.TICKET_TITLE);
      g.writeEndObject();
      g.writeStartObject();
      g.writeStringField("type", "ChatTranscript");
      g.writeStringField("sid", Fixtures.CHAT_SID);
      g.writeEndObject();
      g.writeStartObject();
      g.writeStringField("type", "VoiceRecording");
      g.writeStringField("url", Fixtures.RECORDING_URL);
      g.writeNumberField("start_time", Fixtures.START_MILLIS);
      g.writeArrayFieldStart("channels");
      g.writeString("customer");
      g.writeString("others");
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Merge by hand: read the tree, append the three links to conversations.media, write. */
  public static String mergeWithTree(String attributes) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(attributes);
      JsonNode c = root.get("conversations");
      ObjectNode conversations = c instanceof ObjectNode o ? o : root.putObject("conversations");
      JsonNode m = conversations.get("media");
      ArrayNode media = m instanceof ArrayNode a ? a : conversations.putArray("media");
      ObjectNode embedded = media.addObject();
      embedded.put("type", "Embedded");
      embedded.put("url", Fixtures.TICKET_URL);
      embedded.put("title", Fixtures.TICKET_TITLE);
      ObjectNode chat = media.addObject();
      chat.put("type", "ChatTranscript");
      chat.put("sid", Fixtures.CHAT_SID);
      ObjectNode call = media.addObject();
      call.put("type", "VoiceRecording");
      call.put("url", Fixtures.RECORDING_URL);
      call.put("start_time", Fixtures.START_MILLIS);
      call.putArray("channels").add("customer").add("others");
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parse by hand: read the tree and walk it into the same typed links. */
  public static List<MediaLink> parseWithTreeWalk(String attributes) {
    try {
      JsonNode media = MAPPER.readTree(attributes).path("conversations").path("media");
      List<MediaLink> links = new ArrayList<>();
      for (Iterator<JsonNode> it = media.elements(); it.hasNext(); ) {
        JsonNode n = it.next();
        switch (n.path("type").asText()) {
          case "Raw" -> links.add(new MediaLink.Raw(URI.create(n.get("url").asText()), n.get("title").asText()));
          case "Embedded" -> links.add(new MediaLink.Embedded(URI.create(n.get("url").asText()), n.get("title").asText()));
          case "Referenced" -> links.add(new MediaLink.Referenced(URI.create(n.get("url").asText()), n.get("title").asText()));
          case "ChatTranscript" -> links.add(new MediaLink.ChatTranscript(n.get("sid").asText()));
          case "VoiceRecording" -> {
            List<RecordingChannel> channels = new ArrayList<>();
            for (JsonNode ch : n.path("channels")) {
              channels.add(RecordingChannel.valueOf(ch.asText().toUpperCase(java.util.Locale.ROOT)));
            }
            links.add(new MediaLink.VoiceRecording(
                n.has("url") ? URI.create(n.get("url").asText()) : null,
                n.has("url_provider") ? URI.create(n.get("url_provider").asText()) : null,
                n.has("start_time") ? Instant.ofEpochMilli(n.get("start_time").asLong()) : null,
                channels,
                n.has("title") ? n.get("title").asText() : null));
          }
          default -> { }
        }
      }
      return links;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
