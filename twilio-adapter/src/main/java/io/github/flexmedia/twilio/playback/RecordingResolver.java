package io.github.flexmedia.twilio.playback;

import java.util.Optional;

/**
 * Turns a recording id into the URL the player fetches the audio from. That URL must carry its
 * own, short-lived authorization — an S3/GCS/Azure pre-signed URL, or an HMAC-signed URL of your
 * own storage — because the player sends no credentials with it.
 *
 * <p>The provider checks what comes back: an absolute {@code https} URL (or {@code http} when
 * allowed), at most {@link RecordingUrlProvider#MAX_MEDIA_URL_LENGTH} (8,192) characters, with no whitespace or control characters; anything else is
 * answered 500 and never sent on.
 */
@FunctionalInterface
public interface RecordingResolver {
  /**
   * The media URL for {@code recordingId}.
   *
   * @param recordingId the recording, already checked against the provider's pattern
   * @param user the user it is for, already authorized
   * @return the signed URL, or empty when there is no such recording (404)
   */
  Optional<String> mediaUrl(String recordingId, FlexUser user);
}
