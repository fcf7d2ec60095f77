package io.github.flexmedia.twilio.events;

import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.internal.events.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A recording status callback, as Twilio POSTs it when a call or conference recording changes
 * state: a typed view of its form parameters.
 *
 * <pre>{@code
 * RecordingCallback cb = RecordingCallback.fromForm(formParams);   // after WebhookVerifier
 * if (cb.isCompleted()) {
 *   MediaAttributes media = MediaAttributes.builder().media(cb.toMediaLink()).build();
 * }
 * }</pre>
 *
 * @param accountSid {@code AccountSid}: the account ({@code AC...})
 * @param callSid {@code CallSid}: the call ({@code CA...}); {@code null} when absent (conference
 *     recordings)
 * @param recordingSid {@code RecordingSid}: the recording ({@code RE...})
 * @param status {@code RecordingStatus}: {@code in-progress}, {@code completed}, {@code absent} or
 *     {@code failed}, kept verbatim
 * @param startTime {@code RecordingStartTime} (RFC 2822 on the wire); {@code null} when absent
 * @param channels {@code RecordingChannels}: 1 or 2; 1 when absent
 * @param duration {@code RecordingDuration} in whole seconds; {@code null} when absent
 * @param source {@code RecordingSource} (for example {@code DialVerb}, {@code
 *     StartCallRecordingAPI}); {@code null} when absent
 */
public record RecordingCallback(
    String accountSid,
    String callSid,
    String recordingSid,
    String status,
    Instant startTime,
    int channels,
    Duration duration,
    String source) {

  /** The status of a recording that is ready to play. */
  public static final String COMPLETED = "completed";

  /**
   * Checks the SIDs and the channel count.
   *
   * @param accountSid the account: {@code AC} and 32 hex digits
   * @param callSid the call: {@code CA} and 32 hex digits, or {@code null}
   * @param recordingSid the recording: {@code RE} and 32 hex digits
   * @param status the recording status
   * @param startTime when the recording started, or {@code null}
   * @param channels 1 or 2
   * @param duration the length, or {@code null}
   * @param source what started the recording, or {@code null}
   */
  public RecordingCallback {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(recordingSid, "recordingSid");
    Objects.requireNonNull(status, "status");
    Params.sid("AccountSid", accountSid, "AC");
    Params.sid("CallSid", callSid, "CA");
    Params.sid("RecordingSid", recordingSid, "RE");
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("parameter RecordingChannels must be 1 or 2");
    }
  }

  /**
   * Reads the form parameters of a recording status callback. Only what the link needs is
   * required; the optional parameters are read tolerantly: a garbled one (an in-progress callback's
   * {@code RecordingDuration=-1}, say) is read as absent and reported at FINE, never refused.
   * Unknown parameters are ignored.
   *
   * @param params the POST parameters
   * @return the callback
   * @throws IllegalArgumentException naming the parameter (never its value) when a required one
   *     ({@code AccountSid}, {@code RecordingSid}, {@code RecordingStatus}) is missing or garbled
   */
  public static RecordingCallback fromForm(Map<String, String> params) {
    Objects.requireNonNull(params, "params");
    Integer channels = Params.tolerant("RecordingChannels",
        Params.optional(params, "RecordingChannels"), v -> {
          int n = Params.positiveInt("RecordingChannels", v, 2);
          if (n == 0) {
            throw new IllegalArgumentException("parameter RecordingChannels must be 1 or 2");
          }
          return n;
        });
    return new RecordingCallback(
        Params.required(params, "AccountSid"),
        Params.tolerant("CallSid", Params.optional(params, "CallSid"),
            v -> Params.sid("CallSid", v, "CA")),
        Params.required(params, "RecordingSid"),
        Params.required(params, "RecordingStatus"),
        Params.tolerant("RecordingStartTime", Params.optional(params, "RecordingStartTime"),
            v -> Params.rfc2822("RecordingStartTime", v)),
        channels == null ? 1 : channels,
        Params.tolerant("RecordingDuration", Params.optional(params, "RecordingDuration"),
            v -> Duration.ofSeconds(Params.positiveInt("RecordingDuration", v, Integer.MAX_VALUE))),
        Params.optional(params, "RecordingSource"));
  }

  /**
   * Whether the recording is complete and can be played ({@code RecordingStatus=completed}).
   *
   * @return whether the status is {@code completed}
   */
  public boolean isCompleted() {
    return COMPLETED.equals(status);
  }

  /**
   * The {@code VoiceRecording} link Flex Insights plays: the recording's URL on {@code
   * api.twilio.com}, its start time, and {@code customer}+{@code others} for a dual-channel
   * recording (none for a single channel).
   *
   * @return the link
   * @throws IllegalStateException if the recording is not {@link #isCompleted() completed}
   */
  public MediaLink.VoiceRecording toMediaLink() {
    if (!isCompleted()) {
      throw new IllegalStateException(
          "recording " + recordingSid + " is not completed: check isCompleted() first");
    }
    MediaLink.VoiceRecording.Builder link = MediaLink.twilioRecording(accountSid, recordingSid);
    if (startTime != null) {
      link.startTime(startTime);
    }
    if (channels == 2) {
      link.channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS);
    }
    return link.build();
  }
}
