package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaLink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code url_provider} links that {@link RecordingUrlProvider} understands.
 *
 * <pre>{@code
 * MediaLink.VoiceRecording link = PlaybackLinks.voiceRecording(
 *         "https://playback.example.com/recordings", "RE0123456789abcdef0123456789abcdef")
 *     .startTimeMillis(startedAt).channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
 *     .build();
 * }</pre>
 */
public final class PlaybackLinks {
  private PlaybackLinks() {}

  /**
   * The provider URL for one recording: {@code providerUrl} with {@code recording=<id>} added to
   * its query, the id percent-encoded.
   *
   * @param providerUrl your endpoint, {@code https}, with or without a query of its own
   * @param recordingId the recording, matching {@link RecordingUrlProvider#DEFAULT_RECORDING_ID}
   * @return the URL
   * @throws InvalidMediaException when the id breaks the pattern (the id is not in the message)
   */
  public static String providerUrl(String providerUrl, String recordingId) {
    if (providerUrl == null) {
      throw new InvalidMediaException("url_provider", "required", "url_provider must not be null");
    }
    if (recordingId == null || !RecordingUrlProvider.DEFAULT_RECORDING_ID.matcher(recordingId).matches()) {
      throw new InvalidMediaException("recording", "recording-id",
          "recording id must be 1 to 128 letters, digits, '_' or '-'");
    }
    int hash = providerUrl.indexOf('#');
    if (hash >= 0) {
      throw new InvalidMediaException("url_provider", "no-fragment", "url_provider must not have a fragment");
    }
    String separator = providerUrl.indexOf('?') < 0 ? "?" : providerUrl.endsWith("?") || providerUrl.endsWith("&") ? "" : "&";
    return providerUrl + separator + RecordingUrlProvider.DEFAULT_RECORDING_PARAMETER + "="
        + URLEncoder.encode(recordingId, StandardCharsets.UTF_8);
  }

  /**
   * A {@code VoiceRecording} that plays through your provider, validated like every link
   * ({@code https} only, no user-info, at most 2048 characters).
   *
   * @param providerUrl your endpoint
   * @param recordingId the recording
   * @return the link's builder, for start time, channels and title
   */
  public static MediaLink.VoiceRecording.Builder voiceRecording(String providerUrl, String recordingId) {
    return MediaLink.voiceRecordingViaProvider(providerUrl(providerUrl, recordingId));
  }
}
