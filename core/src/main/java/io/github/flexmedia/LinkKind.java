package io.github.flexmedia;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.StringJoiner;

/**
 * The one table of link kinds: each kind's name, how it is read from JSON, and the facts the
 * display rules need. Writing is {@link LinkCodec}'s visitor, which the compiler holds to every
 * kind; adding a kind means a row here, its record, and its {@link MediaLink.Visitor} method.
 */
enum LinkKind {
  RAW("Raw", true, false, n -> new MediaLink.Raw(LinkCodec.url(n, "url"), LinkCodec.text(n, "title"))),
  EMBEDDED("Embedded", true, false,
      n -> new MediaLink.Embedded(LinkCodec.url(n, "url"), LinkCodec.text(n, "title"))),
  REFERENCED("Referenced", true, false,
      n -> new MediaLink.Referenced(LinkCodec.url(n, "url"), LinkCodec.text(n, "title"))),
  VOICE_RECORDING("VoiceRecording", true, true, n -> new MediaLink.VoiceRecording(
      LinkCodec.url(n, "url"), LinkCodec.url(n, "url_provider"), LinkCodec.startTime(n),
      LinkCodec.channels(n), LinkCodec.text(n, "title"))),
  CHAT_TRANSCRIPT("ChatTranscript", true, true,
      n -> new MediaLink.ChatTranscript(LinkCodec.text(n, "sid"))),
  /** Flex's own entry: no {@code type} in JSON, recognised by its {@code conversation_sid}. */
  FLEX_CONVERSATION("FlexConversation", false, true,
      n -> new MediaLink.FlexConversation(LinkCodec.text(n, LinkCodec.CONVERSATION_SID))),
  /** Anything else; kept as written. */
  UNKNOWN("", false, false, null);

  /** The {@code type} in JSON, or the name {@link MediaLink#typeName()} reports. */
  final String typeName;
  /** Whether JSON names the kind by {@code type}. */
  final boolean typed;
  /** Whether Flex counts it as its default recording or transcript (see lint). */
  final boolean defaultMedia;
  private final Function<JsonNode, MediaLink> reader;

  LinkKind(String typeName, boolean typed, boolean defaultMedia, Function<JsonNode, MediaLink> reader) {
    this.typeName = typeName;
    this.typed = typed;
    this.defaultMedia = defaultMedia;
    this.reader = reader;
  }

  /** The typed kind named {@code type}, or {@code null}. */
  static LinkKind ofType(String type) {
    // A loop over five kinds, not a map built in the static initializer: as fast, and every
    // decision in it is one a test can reach (mutation testing cannot judge initializer code).
    for (LinkKind kind : values()) {
      if (kind.typed && kind.typeName.equals(type)) {
        return kind;
      }
    }
    return null;
  }

  /** The documented types, for messages: {@code Raw, Embedded, …}. */
  static String documented() {
    StringJoiner names = new StringJoiner(", ");
    for (LinkKind kind : values()) {
      if (kind.typed) {
        names.add(kind.typeName);
      }
    }
    return names.toString();
  }

  /** Reads a link of this kind; throws {@link InvalidMediaException} when a field breaks a rule. */
  MediaLink read(JsonNode node) {
    return reader.apply(node);
  }

  /** The kind of a link: what the display rules ask of it. */
  static LinkKind of(MediaLink link) {
    return link.accept(KIND);
  }

  private static final MediaLink.Visitor<LinkKind> KIND = new MediaLink.Visitor<>() {
    @Override
    public LinkKind visitRaw(MediaLink.Raw link) {
      return RAW;
    }

    @Override
    public LinkKind visitEmbedded(MediaLink.Embedded link) {
      return EMBEDDED;
    }

    @Override
    public LinkKind visitReferenced(MediaLink.Referenced link) {
      return REFERENCED;
    }

    @Override
    public LinkKind visitVoiceRecording(MediaLink.VoiceRecording link) {
      return VOICE_RECORDING;
    }

    @Override
    public LinkKind visitChatTranscript(MediaLink.ChatTranscript link) {
      return CHAT_TRANSCRIPT;
    }

    @Override
    public LinkKind visitFlexConversation(MediaLink.FlexConversation link) {
      return FLEX_CONVERSATION;
    }

    @Override
    public LinkKind visitUnknown(MediaLink.Unknown link) {
      return UNKNOWN;
    }
  };
}
