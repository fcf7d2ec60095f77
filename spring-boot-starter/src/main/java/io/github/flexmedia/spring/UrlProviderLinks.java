package io.github.flexmedia.spring;

import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.events.RecordingCallback;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;

/**
 * Builds {@code VoiceRecording} links that play through this application's {@code url_provider}
 * endpoint: {@code flex-media.webhooks.public-url} followed by {@code
 * flex-media.playback.url-provider.path}, with the recording id in the query. The starter makes
 * one from the properties, so a {@link RecordingCallbackMedia} bean never rebuilds the URL by
 * hand:
 *
 * <pre>{@code
 * @Bean
 * RecordingCallbackMedia recordingsViaUrlProvider(UrlProviderLinks links) {
 *   return callback -> callback.isCompleted()
 *       ? Optional.of(MediaAttributes.builder().media(links.recording(callback)).build())
 *       : Optional.empty();
 * }
 * }</pre>
 *
 * <p>{@code toString()} shows the scheme and host only.
 */
public final class UrlProviderLinks {
  private final String providerUrl;
  private final String scheme;
  private final String host;

  /**
   * Links to {@code publicUrl + path}.
   *
   * @param publicUrl the scheme, host and port the Flex Insights player reaches this application
   *     on, e.g. {@code https://hooks.example.com}; a trailing slash is ignored
   * @param path the endpoint's path, starting with a slash
   * @throws FlexMediaConfigurationException naming {@code flex-media.webhooks.public-url} when it
   *     is not set or is not an absolute URL with a host
   */
  public UrlProviderLinks(String publicUrl, String path) {
    if (publicUrl == null || publicUrl.isBlank()) {
      throw new FlexMediaConfigurationException("flex-media.webhooks.public-url",
          "is not set, and url_provider links need it",
          "Set it to the https://host the Flex Insights player reaches this application on.");
    }
    java.net.URI uri;
    try {
      uri = java.net.URI.create(publicUrl.trim());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      throw new FlexMediaConfigurationException("flex-media.webhooks.public-url",
          "is not an absolute URL with a host (the value is not shown)",
          "Set it to the https://host the Flex Insights player reaches this application on.");
    }
    String base = publicUrl.trim().replaceAll("/+$", "");
    this.providerUrl = base + path;
    this.scheme = uri.getScheme();
    this.host = uri.getHost();
  }

  /**
   * The endpoint's public URL, without a recording.
   *
   * @return e.g. {@code https://hooks.example.com/flex-media/url-provider}
   */
  public String providerUrl() {
    return providerUrl;
  }

  /**
   * A link to one recording, for start time, channels and title to be added.
   *
   * @param recordingId the id the application's {@code RecordingResolver} knows, e.g. a
   *     recording SID
   * @return the link's builder
   * @throws io.github.flexmedia.InvalidMediaException when the id or the URL breaks a link rule
   */
  public MediaLink.VoiceRecording.Builder voiceRecording(String recordingId) {
    return RecordingUrlProvider.voiceRecording(providerUrl, recordingId);
  }

  /**
   * The link of a completed recording: its SID as the id, its start time, and both channels
   * (caller first) when it has two, as {@link RecordingCallback#toMediaLink()} does for Twilio's
   * own URL.
   *
   * @param callback a recording status callback
   * @return the link
   * @throws io.github.flexmedia.InvalidMediaException when the URL breaks a link rule (plain
   *     http without {@code flex-media.policy.allow-insecure-http}, say)
   */
  public MediaLink.VoiceRecording recording(RecordingCallback callback) {
    MediaLink.VoiceRecording.Builder link = voiceRecording(callback.recordingSid());
    if (callback.startTime() != null) {
      link.startTime(callback.startTime());
    }
    if (callback.channels() == 2) {
      link.channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS);
    }
    return link.build();
  }

  @Override
  public String toString() {
    return "UrlProviderLinks[" + scheme + "://" + host + "]";
  }
}
