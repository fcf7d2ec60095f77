package io.github.flexmedia;

import io.github.flexmedia.InvalidMediaException.Rule;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.flexmedia.internal.Checks;
import io.github.flexmedia.internal.EpochMillis;
import io.github.flexmedia.internal.FlexConversationSerializer;
import io.github.flexmedia.internal.Redaction;
import io.github.flexmedia.internal.UnknownLinkSerializer;
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
 * The records also (de)serialize with a plain Jackson {@code ObjectMapper}, using the {@code type}
 * property to choose the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = MediaLink.Raw.class, name = "Raw"),
  @JsonSubTypes.Type(value = MediaLink.Embedded.class, name = "Embedded"),
  @JsonSubTypes.Type(value = MediaLink.Referenced.class, name = "Referenced"),
  @JsonSubTypes.Type(value = MediaLink.VoiceRecording.class, name = "VoiceRecording"),
  @JsonSubTypes.Type(value = MediaLink.ChatTranscript.class, name = "ChatTranscript")
})
public sealed interface MediaLink
    permits MediaLink.Raw,
        MediaLink.Embedded,
        MediaLink.Referenced,
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
   * A URL Flex passes through as-is: on drill-down it opens in a new browser tab (or goes to a
   * custom {@code HistoricalReportingView} action). When it is the first link of a list, the
   * Conversation Screen does not open and the other links cannot be reached.
   *
   * @param url absolute {@code http}/{@code https} URL with a host and no user-info
   * @param title non-blank, no control characters
   */
  @JsonTypeName("Raw")
  @JsonPropertyOrder({"url", "title"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Raw(@JsonProperty("url") URI url, @JsonProperty("title") String title)
      implements MediaLink {
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
      return "Raw";
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
  @JsonTypeName("Embedded")
  @JsonPropertyOrder({"url", "title"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Embedded(@JsonProperty("url") URI url, @JsonProperty("title") String title)
      implements MediaLink {
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
      return "Embedded";
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
  @JsonTypeName("Referenced")
  @JsonPropertyOrder({"url", "title"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Referenced(@JsonProperty("url") URI url, @JsonProperty("title") String title)
      implements MediaLink {
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
      return "Referenced";
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
  @JsonTypeName("VoiceRecording")
  @JsonPropertyOrder({"url", "url_provider", "start_time", "channels", "title"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record VoiceRecording(
      @JsonProperty("url") URI url,
      @JsonProperty("url_provider") URI urlProvider,
      @JsonProperty("start_time")
          @JsonSerialize(using = EpochMillis.Serializer.class)
          @JsonDeserialize(using = EpochMillis.Deserializer.class)
          Instant startTime,
      @JsonProperty("channels") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<RecordingChannel> channels,
      @JsonProperty("title") String title)
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
      return "VoiceRecording";
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
  @JsonTypeName("ChatTranscript")
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ChatTranscript(@JsonProperty("sid") String sid) implements MediaLink {
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
      return "ChatTranscript";
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
  @JsonSerialize(using = FlexConversationSerializer.class)
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
      return "FlexConversation";
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
   * @param type the link's {@code type} value, or {@code null} when it has no string {@code type}
   * @param json the whole link object, minified
   */
  @JsonSerialize(using = UnknownLinkSerializer.class)
  record Unknown(String type, String json) implements MediaLink {
    /**
     * Validates that {@code json} is an object whose {@code type} is {@code type} (and has no
     * string {@code type} when {@code type} is {@code null}).
     *
     * @param type the link's {@code type} value, or {@code null}
     * @param json the whole link object
     */
    public Unknown {
      json = io.github.flexmedia.internal.Json.canonicalUnknownLink(type, json);
    }

    @Override
    public String typeName() {
      return type == null ? "" : type;
    }

    @Override
    public String toString() {
      return "Unknown[type=" + type + ", json=" + Redaction.title(json) + "]";
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
