package io.github.flexmedia;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A channel of a dual-channel {@link MediaLink.VoiceRecording}, in the order the audio holds them.
 *
 * <p>Flex documents one value, {@code ["customer", "others"]}: the caller first, then everyone
 * else in the conference.
 */
public enum RecordingChannel {
  /** The caller. JSON {@code "customer"}. */
  @JsonProperty("customer")
  CUSTOMER("customer"),
  /** Everyone else on the call: agents, supervisors, transfers. JSON {@code "others"}. */
  @JsonProperty("others")
  OTHERS("others");

  private final String wireName;

  RecordingChannel(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value Flex expects in JSON: {@code customer} or {@code others}.
   *
   * @return the value Flex expects in JSON
   */
  public String wireName() {
    return wireName;
  }
}
