package io.github.flexmedia;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.flexmedia.InvalidMediaException.Rule;
import io.github.flexmedia.internal.Checks;
import io.github.flexmedia.internal.Json;
import io.github.flexmedia.internal.LinkCodec;
import io.github.flexmedia.internal.LinkKind;
import io.github.flexmedia.internal.UnknownLinks;


import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.internal.Redaction;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One piece of custom media that Flex Insights shows for a conversation or a segment of it.
 *
 * <p>Every link is immutable and validated when it is made: an invalid link cannot exist. Make
 * links with the static factories, which also apply the default {@link MediaPolicy} ({@code
 * https} only):
 *
 * <pre>{@code
 * MediaLink ticket = MediaLink.embedded("https://support.example.com/tickets/42", "Ticket #42");
 * MediaLink call = MediaLink.voiceRecording("https://rec.example.com/RE123.wav")
 *     .startTimeMillis(1_700_000_000_000L)
 *     .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
 *     .build();
 * MediaLink chat = MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef");
 * }</pre>
 *
 * <p>The records' canonical constructors check the structural rules only (absolute {@code
 * http}/{@code https} URL, host, no user-info, length, titles, SIDs, time), so that documents
 * written by others can be read back; whether plain {@code http} is acceptable for writing is the
 * {@link MediaPolicy}'s decision, applied when a {@link MediaAttributes} is built.
 *
 * <p>{@code toString()} shows a URL's scheme and host only and never a title: both may carry PHI.
 * What it cuts is replaced by a short fingerprint, keyed per JVM, so that two links that differ
 * only in their path or title still print differently in a test failure.
 *
 * <p>Links also (de)serialize with a plain Jackson {@code ObjectMapper} ({@code
 * writeValueAsString(link)}, {@code readValue(json, MediaLink.class)}), through the same mapping
 * the library writes documents with; reading is as tolerant as {@link
 * MediaAttributes#fromTaskAttributes(String)}: what this library cannot model comes back as
 * {@link Unknown}.
 *
 * <p>Code that treats every kind of link uses {@link #accept(Visitor)}, which the compiler holds to
 * every kind; {@link Page} is the shared view of the three kinds that are a URL and a title.
 */
@JsonSerialize(using = LinkCodec.Serializer.class)
@JsonDeserialize(using = LinkCodec.Deserializer.class)
public sealed interface MediaLink
    permits MediaLink.Page,
        MediaLink.VoiceRecording,
        MediaLink.ChatTranscript,
        MediaLink.FlexConversation,
        MediaLink.Unknown {

  /**
   * The link's {@code type} in JSON: {@code Raw}, {@code Embedded}, {@code Referenced}, {@code
   * VoiceRecording}, {@code ChatTranscript}, or the type of an {@link Unknown} link ({@code ""}
   * when it has none). A {@link FlexConversation} has no {@code type} in JSON; its name here is
   * {@code FlexConversation}.
   *
   * @return the link's {@code type} in JSON
   */
  String typeName();

  /**
   * Calls the {@code visitor}'s method for this link's kind.
   *
   * <pre>{@code
   * String what = link.accept(new MediaLink.Visitor<String>() { ... });
   * }</pre>
   *
   * @param visitor the code for each kind of link
   * @param <R> what the visitor returns
   * @return what the visitor's method returned
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * Code for every kind of link, one method each: adding a kind of link adds a method here, so
   * every visitor must handle it before it compiles.
   *
   * @param <R> what the visit returns
   */
  interface Visitor<R> {
    /**
     * Visits a {@link Raw} link.
     *
     * @param link the link
     * @return the result
     */
    R visitRaw(Raw link);

    /**
     * Visits an {@link Embedded} link.
     *
     * @param link the link
     * @return the result
     */
    R visitEmbedded(Embedded link);

    /**
     * Visits a {@link Referenced} link.
     *
     * @param link the link
     * @return the result
     */
    R visitReferenced(Referenced link);

    /**
     * Visits a {@link VoiceRecording}.
     *
     * @param link the link
     * @return the result
     */
    R visitVoiceRecording(VoiceRecording link);

    /**
     * Visits a {@link ChatTranscript}.
     *
     * @param link the link
     * @return the result
     */
    R visitChatTranscript(ChatTranscript link);

    /**
     * Visits Flex Conversations' own transcript entry.
     *
     * @param link the link
     * @return the result
     */
    R visitFlexConversation(FlexConversation link);

    /**
     * Visits a link this library keeps but does not model.
     *
     * @param link the link
     * @return the result
     */
    R visitUnknown(Unknown link);
  }

  /**
   * The shared view of {@link Raw}, {@link Embedded} and {@link Referenced}: a page, given by its
   * URL and the title Flex shows for it.
   */
  sealed interface Page extends MediaLink permits Raw, Embedded, Referenced {
    /**
     * The page's URL.
     *
     * @return the URL: absolute, {@code http} or {@code https}, with a host
     */
    URI url();

    /**
     * The title Flex shows.
     *
     * @return the title: not blank, no control characters
     */
    String title();
  }

  /**
   * A URL Flex passes through as-is: on drill-down it opens in a new browser tab (or goes to a
   * custom {@code HistoricalReportingView} action). When it is the first link of a list, the
   * Conversation Screen does not open and the other links cannot be reached.
   *
   * @param url absolute {@code http}/{@code https} URL with a host and no user-info
   * @param title non-blank, no control characters
   */
  record Raw(URI url, String title) implements Page {
    /**
     * Validates; see {@link MediaLink}.
     *
     * @param url the URL: absolute, with a host and no user-info
     * @param title the title shown in Flex: not blank, no control characters
     */
    public Raw {
      url = Checks.url("url", url);
      title = Checks.requiredTitle("title", title);
    }

    @Override
    public String typeName() {
      return LinkKind.RAW.typeName;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRaw(this);
    }

    @Override
    public String toString() {
      return "Raw[url=" + Redaction.url(url) + ", title=" + Redaction.title(title) + "]";
    }
  }

  /**
   * A page shown in an iframe on the Conversation Screen. The target site must allow framing by
   * Flex; otherwise use {@link Referenced}.
   *
   * @param url absolute {@code http}/{@code https} URL with a host and no user-info
   * @param title non-blank, no control characters
   */
  record Embedded(URI url, String title) implements Page {
    /**
     * Validates; see {@link MediaLink}.
     *
     * @param url the URL: absolute, with a host and no user-info
     * @param title the title shown in Flex: not blank, no control characters
     */
    public Embedded {
      url = Checks.url("url", url);
      title = Checks.requiredTitle("title", title);
    }

    @Override
    public String typeName() {
      return LinkKind.EMBEDDED.typeName;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEmbedded(this);
    }

    @Override
    public String toString() {
      return "Embedded[url=" + Redaction.url(url) + ", title=" + Redaction.title(title) + "]";
    }
  }

  /**
   * A link shown on the Conversation Screen.
   *
   * @param url absolute {@code http}/{@code https} URL with a host and no user-info
   * @param title non-blank, no control characters
   */
  record Referenced(URI url, String title) implements Page {
    /**
     * Validates; see {@link MediaLink}.
     *
     * @param url the URL: absolute, with a host and no user-info
     * @param title the title shown in Flex: not blank, no control characters
     */
    public Referenced {
      url = Checks.url("url", url);
      title = Checks.requiredTitle("title", title);
    }

    @Override
    public String typeName() {
      return LinkKind.REFERENCED.typeName;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReferenced(this);
    }

    @Override
    public String toString() {
      return "Referenced[url=" + Redaction.url(url) + ", title=" + Redaction.title(title) + "]";
    }
  }

  /**
   * A call recording, played in the Flex Insights player. Only the first {@code VoiceRecording}
   * of a list is playable.
   *
   * <p>Give a {@code url} the player fetches directly, or a {@code url_provider}: the player then
   * sends {@code GET} with {@code Authorization: Basic base64("token:" + <Flex JWE>)} to it and
   * plays the {@code media_url} of the JSON answer. That lets your service authorise every
   * playback — the HIPAA-friendly choice. Twilio's "Secure playback of recordings from custom
   * storage" example gives {@code url_provider} alone, so {@code url} may then be omitted.
   *
   * @param url the recording itself, or {@code null} when {@code urlProvider} is given
   * @param urlProvider the authorising service, or {@code null} when {@code url} is given
   * @param startTime when the recording starts (written as epoch milliseconds), or {@code null}
   * @param channels the audio's channels in order, e.g. {@code [CUSTOMER, OTHERS]}; may be empty
   * @param title optional; when given, non-blank without control characters
   */
  record VoiceRecording(
      URI url, URI urlProvider, Instant startTime, List<RecordingChannel> channels, String title)
      implements MediaLink {
    /**
     * Validates; see {@link MediaLink}. Sub-millisecond parts of {@code startTime} are dropped.
     *
     * @param url the URL: absolute, with a host and no user-info
     * @param urlProvider the URL of the service that authorises playback
     * @param startTime when the recording starts, or {@code null}
     * @param channels the channels, in the order of the audio
     * @param title the title shown in Flex: not blank, no control characters
     */
    public VoiceRecording {
      if (url == null && urlProvider == null) {
        throw new InvalidMediaException(
            "url", Rule.URL_OR_PROVIDER, "is required when url_provider is not given");
      }
      url = url == null ? null : Checks.url("url", url);
      urlProvider = urlProvider == null ? null : Checks.url("url_provider", urlProvider);
      startTime = Checks.startTime("start_time", startTime);
      channels = Checks.noNulls("channels", channels);
      if (new HashSet<>(channels).size() != channels.size()) {
        throw new InvalidMediaException("channels", Rule.DISTINCT, "must not repeat a channel");
      }
      title = Checks.optionalTitle("title", title);
    }

    @Override
    public String typeName() {
      return LinkKind.VOICE_RECORDING.typeName;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitVoiceRecording(this);
    }

    /**
     * A builder holding this recording's values, for edits.
     *
     * @return a builder holding these values, for edits
     */
    public Builder toBuilder() {
      Builder b = new Builder();
      b.url = url;
      b.urlProvider = urlProvider;
      b.startTime = startTime;
      b.channels = channels;
      b.title = title;
      return b;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("VoiceRecording[");
      if (url != null) {
        sb.append("url=").append(Redaction.url(url));
      }
      if (urlProvider != null) {
        sb.append(url != null ? ", " : "").append("url_provider=").append(Redaction.url(urlProvider));
      }
      if (startTime != null) {
        sb.append(", start_time=").append(startTime);
      }
      if (!channels.isEmpty()) {
        sb.append(", channels=")
            .append(channels.stream().map(RecordingChannel::wireName).collect(Collectors.toList()));
      }
      if (title != null) {
        sb.append(", title=").append(Redaction.title(title));
      }
      return sb.append(']').toString();
    }

    /**
     * Builds a {@link VoiceRecording}; start from {@link MediaLink#voiceRecording(String)} or
     * {@link MediaLink#voiceRecordingViaProvider(String)}. URLs given as text must be {@code
     * https}.
     */
    public static final class Builder {
      private URI url;
      private URI urlProvider;
      private Instant startTime;
      private List<RecordingChannel> channels = List.of();
      private String title;

      private Builder() {}

      /**
       * The recording's own URL ({@code https}); {@code null} removes it.
       *
       * @param url the URL: absolute, with a host and no user-info
       * @return this builder
       */
      public Builder url(String url) {
        this.url = url == null ? null : MediaPolicy.strictUrl("url", url);
        return this;
      }

      /**
       * The authorising playback service ({@code https}); {@code null} removes it.
       *
       * @param urlProvider the URL of the service that authorises playback
       * @return this builder
       */
      public Builder urlProvider(String urlProvider) {
        this.urlProvider =
            urlProvider == null ? null : MediaPolicy.strictUrl("url_provider", urlProvider);
        return this;
      }

      /**
       * When the recording starts; sub-millisecond parts are dropped.
       *
       * @param startTime when the recording starts, or {@code null}
       * @return this builder
       */
      public Builder startTime(Instant startTime) {
        this.startTime = startTime;
        return this;
      }

      /**
       * When the recording starts, in epoch milliseconds (not seconds).
       *
       * @param epochMillis milliseconds since the epoch
       * @return this builder
       */
      public Builder startTimeMillis(long epochMillis) {
        this.startTime = Instant.ofEpochMilli(epochMillis);
        return this;
      }

      /**
       * The audio's channels in order; Flex documents {@code CUSTOMER, OTHERS}.
       *
       * @param channels the channels, in the order of the audio
       * @return this builder
       */
      public Builder channels(RecordingChannel... channels) {
        this.channels = Arrays.asList(Objects.requireNonNull(channels, "channels"));
        return this;
      }

      /**
       * An optional title; {@code null} removes it.
       *
       * @param title the title shown in Flex: not blank, no control characters
       * @return this builder
       */
      public Builder title(String title) {
        this.title = title;
        return this;
      }

      /**
       * The recording.
       *
       * @return the recording
       * @throws InvalidMediaException if a value breaks a rule
       */
      public VoiceRecording build() {
        return new VoiceRecording(url, urlProvider, startTime, channels, title);
      }
    }
  }

  /**
   * A Programmable Chat channel's transcript.
   *
   * @param sid the channel SID: {@code CH} and 32 hex digits
   */
  record ChatTranscript(String sid) implements MediaLink {
    /**
     * Validates; see {@link MediaLink}.
     *
     * @param sid the channel SID: {@code CH} and 32 hex digits
     */
    public ChatTranscript {
      sid = Checks.chatSid("sid", sid);
    }

    @Override
    public String typeName() {
      return LinkKind.CHAT_TRANSCRIPT.typeName;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitChatTranscript(this);
    }

    @Override
    public String toString() {
      return "ChatTranscript[sid=" + sid + "]";
    }
  }

  /**
   * The transcript entry Flex Conversations (Flex UI 2) writes for every SMS, WhatsApp and web-chat
   * task: {@code {"conversation_sid": "CH…"}}, with no {@code type}. Flex shows the conversation's
   * transcript for it, so it counts as the default transcript for {@link MediaAttributes#lint()},
   * and {@link MergeMode#REPLACE} keeps it.
   *
   * @param conversationSid the Conversations SID: {@code CH} and 32 hex digits
   */
  record FlexConversation(String conversationSid) implements MediaLink {
    /**
     * Validates; see {@link MediaLink}.
     *
     * @param conversationSid the Conversations SID: {@code CH} and 32 hex digits
     */
    public FlexConversation {
      conversationSid = Checks.chatSid("conversation_sid", conversationSid);
    }

    @Override
    public String typeName() {
      return LinkKind.FLEX_CONVERSATION.typeName;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitFlexConversation(this);
    }

    @Override
    public String toString() {
      return "FlexConversation[conversation_sid=" + conversationSid + "]";
    }
  }

  /**
   * A link this library keeps but does not model: one whose {@code type} it does not know (a
   * newer Flex type, another tool's extension), one without a usable {@code type}, or one another
   * writer made that breaks a rule of its type (a {@code start_time} in seconds, a malformed SID,
   * an unknown channel). It is kept exactly as it was read, so that reading and merging never lose
   * it, and {@link MediaAttributes#lint()} reports it as {@link MediaWarning.Code#INVALID_LINK}.
   *
   * <p>Held as a JSON tree, so that writing it back costs no parsing; {@link #json()} gives it as
   * text.
   */
  final class Unknown implements MediaLink {
    static {
      UnknownLinks.install(new UnknownLinks.Access() {
        @Override
        public Unknown create(String type, ObjectNode tree) {
          return new Unknown(type, tree);
        }

        @Override
        public ObjectNode tree(Unknown link) {
          return link.tree;
        }
      });
    }

    private final String type;
    private final ObjectNode tree; // never handed out: json() writes it

    /**
     * Validates that {@code json} is an object whose {@code type} is {@code type} (and has no
     * string {@code type} when {@code type} is {@code null}).
     *
     * @param type the link's {@code type} value, or {@code null}
     * @param json the whole link object
     * @throws InvalidMediaException if {@code json} is not such an object
     */
    public Unknown(String type, String json) {
      this(type, LinkCodec.unknownTree(type, json));
    }

    /** Takes {@code tree} over: the caller must not change it afterwards. */
    Unknown(String type, ObjectNode tree) {
      this.type = type;
      this.tree = tree;
    }

    /**
     * The link's {@code type} value.
     *
     * @return the {@code type}, or {@code null} when the link has no string {@code type}
     */
    public String type() {
      return type;
    }

    /**
     * The whole link object as it was read, minified.
     *
     * @return the link's JSON
     */
    public String json() {
      return Json.write(tree);
    }

    @Override
    public String typeName() {
      return type == null ? "" : type;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitUnknown(this);
    }

    /** Equal when the type and the JSON value (not its key order) are equal. */
    @Override
    public boolean equals(Object o) {
      return o != null && o.getClass() == Unknown.class
          && Objects.equals(((Unknown) o).type, type) && ((Unknown) o).tree.equals(tree);
    }

    @Override
    public int hashCode() {
      return Objects.hash(type, tree);
    }

    @Override
    public String toString() {
      return "Unknown[type=" + type + ", json=" + Redaction.title(json()) + "]";
    }
  }

  /**
   * A {@link Raw} link ({@code https} only).
   *
   * @param url the URL: absolute, with a host and no user-info
   * @param title the title shown in Flex: not blank, no control characters
   * @return a {@link Raw} link ({@code https} only)
   * @throws InvalidMediaException if the URL or title breaks a rule
   */
  static Raw raw(String url, String title) {
    return new Raw(MediaPolicy.strictUrl("url", url), title);
  }

  /**
   * An {@link Embedded} link ({@code https} only).
   *
   * @param url the URL: absolute, with a host and no user-info
   * @param title the title shown in Flex: not blank, no control characters
   * @return an {@link Embedded} link ({@code https} only)
   * @throws InvalidMediaException if the URL or title breaks a rule
   */
  static Embedded embedded(String url, String title) {
    return new Embedded(MediaPolicy.strictUrl("url", url), title);
  }

  /**
   * A {@link Referenced} link ({@code https} only).
   *
   * @param url the URL: absolute, with a host and no user-info
   * @param title the title shown in Flex: not blank, no control characters
   * @return a {@link Referenced} link ({@code https} only)
   * @throws InvalidMediaException if the URL or title breaks a rule
   */
  static Referenced referenced(String url, String title) {
    return new Referenced(MediaPolicy.strictUrl("url", url), title);
  }

  /**
   * Starts a {@link VoiceRecording} played straight from {@code url} ({@code https} only).
   *
   * @param url the URL: absolute, with a host and no user-info
   * @return a builder for the recording
   * @throws InvalidMediaException if the URL breaks a rule
   */
  static VoiceRecording.Builder voiceRecording(String url) {
    VoiceRecording.Builder b = new VoiceRecording.Builder();
    b.url = MediaPolicy.strictUrl("url", url);
    return b;
  }

  /**
   * Starts a {@link VoiceRecording} whose playback Flex asks {@code urlProvider} to authorise
   * ({@code https} only). See {@link VoiceRecording} for the protocol.
   *
   * @param urlProvider the URL of the service that authorises playback
   * @return a builder for the recording
   * @throws InvalidMediaException if the URL breaks a rule
   */
  static VoiceRecording.Builder voiceRecordingViaProvider(String urlProvider) {
    VoiceRecording.Builder b = new VoiceRecording.Builder();
    b.urlProvider = MediaPolicy.strictUrl("url_provider", urlProvider);
    return b;
  }

  /**
   * A {@link ChatTranscript} of the channel {@code channelSid}.
   *
   * @param channelSid the channel SID: {@code CH} and 32 hex digits
   * @return a {@link ChatTranscript} of the channel {@code channelSid}
   * @throws InvalidMediaException if the SID is not {@code CH} and 32 hex digits
   */
  static ChatTranscript chatTranscript(String channelSid) {
    return new ChatTranscript(channelSid);
  }

  /**
   * Starts a {@link VoiceRecording} of a Twilio recording, played from {@code
   * https://api.twilio.com/2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}}.
   *
   * <pre>{@code
   * MediaLink call = MediaLink.twilioRecording(accountSid, recordingSid)
   *     .startTime(recordingStart)
   *     .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
   *     .build();
   * }</pre>
   *
   * @param accountSid the account: {@code AC} and 32 hex digits
   * @param recordingSid the recording: {@code RE} and 32 hex digits
   * @return a builder for the recording
   * @throws InvalidMediaException if a SID is malformed
   */
  static VoiceRecording.Builder twilioRecording(String accountSid, String recordingSid) {
    Sid.require("accountSid", accountSid, "AC");
    Sid.require("recordingSid", recordingSid, "RE");
    return voiceRecording(
        "https://api.twilio.com/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid);
  }

  /**
   * The transcript entry Flex Conversations writes, {@code {"conversation_sid": "CH…"}}; see
   * {@link FlexConversation}.
   *
   * @param conversationSid the Conversations SID: {@code CH} and 32 hex digits
   * @return the entry
   * @throws InvalidMediaException if the SID is not {@code CH} and 32 hex digits
   */
  static FlexConversation flexConversation(String conversationSid) {
    return new FlexConversation(conversationSid);
  }
}
