package io.github.flexmedia.spring;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.events.RecordingCallback;
import java.util.Optional;

/**
 * Which media a recording status callback puts on its task, for the {@code
 * flex-media.webhooks.recording-callbacks} endpoint. Without a bean of this type the endpoint
 * attaches every completed recording as a {@code VoiceRecording} ({@link #completedRecordings()}).
 *
 * <pre>{@code
 * @Bean
 * RecordingCallbackMedia recordingMedia() {
 *   return callback -> callback.isCompleted()
 *       ? Optional.of(MediaAttributes.builder().media(callback.toMediaLink()).build())
 *       : Optional.empty();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RecordingCallbackMedia {

  /**
   * The media for one callback.
   *
   * @param callback the verified, parsed callback
   * @return the media to attach, or empty for none
   */
  Optional<MediaAttributes> mediaFor(RecordingCallback callback);

  /**
   * The default: a completed recording becomes its {@code VoiceRecording} link (dual-channel
   * recordings with {@code customer} and {@code others}); other statuses attach nothing.
   *
   * @return the default mapping
   */
  static RecordingCallbackMedia completedRecordings() {
    return callback -> callback.isCompleted()
        ? Optional.of(MediaAttributes.builder().media(callback.toMediaLink()).build())
        : Optional.empty();
  }
}
