package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.twilio.internal.playback.LoggingPlaybackAudit;

/**
 * Receives every decision {@link RecordingUrlProvider} makes: the access log HIPAA asks for.
 *
 * <p>Called on the request's thread before the answer is returned. If it throws, the answer
 * becomes a 500 whatever was decided: no recording is handed out that was not logged, and the
 * exception never leaves {@link RecordingUrlProvider#handle}.
 */
@FunctionalInterface
public interface PlaybackAudit {
  /** The name of the {@code System.Logger} {@link #log()} writes to. */
  String LOGGER = "io.github.flexmedia.twilio.playback.audit";

  /** Records nothing: only where another layer keeps the access log. */
  PlaybackAudit NONE = event -> { };

  /**
   * Records one decision.
   *
   * @param event who asked for which recording, when, and what was decided; never the token
   */
  void record(PlaybackEvent event);

  /**
   * The default: one {@code INFO} line per decision on {@code System.Logger} {@value #LOGGER}
   * (java.util.logging unless the application routes {@code System.Logger} elsewhere), e.g.
   * <pre>
   * playback GRANTED 200 user=fp:1f0e6a3b9c2d worker=WK5e1c… roles=[supervisor] recording=RE0123… origin=https://flex.twilio.com remote=203.0.113.7 agent="Mozilla/5.0 …"
   * </pre>
   * The identity, and a recording id that is not a Twilio recording SID (it may be a storage key
   * or a medical record number), appear only as fingerprints: 12 hex digits of an HMAC-SHA256
   * under a key drawn once per process, so they follow one user through one process's log but
   * cannot be matched by hashing a list of addresses. The token never appears. To follow one user
   * across a fleet and its restarts, use {@link #log(String)}; to keep identities, your own audit.
   *
   * @return the logging audit
   */
  static PlaybackAudit log() {
    return LoggingPlaybackAudit.PROCESS;
  }

  /**
   * {@link #log()}, its fingerprints keyed from {@code fingerprintSecret}, a secret every instance
   * of the fleet shares and no reader of the log has (the Spring starter passes the deployment's
   * Twilio auth token, else its API key secret): one user gets one fingerprint across the fleet and
   * across restarts, and changing the secret changes them all. The key is derived from the secret
   * for this one use, so a fingerprint is never an HMAC under a Twilio credential itself.
   *
   * <pre>{@code
   * RecordingUrlProvider.builder(validator, resolver)
   *     .audit(PlaybackAudit.log(System.getenv("TWILIO_AUTH_TOKEN")))
   *     ...
   * }</pre>
   *
   * @param fingerprintSecret the shared secret, not blank
   * @return the logging audit
   * @throws io.github.flexmedia.twilio.ConfigurationException if the secret is null or blank
   */
  static PlaybackAudit log(String fingerprintSecret) {
    if (fingerprintSecret == null || fingerprintSecret.isBlank()) {
      throw new io.github.flexmedia.twilio.ConfigurationException("fingerprintSecret",
          "must not be blank");
    }
    return LoggingPlaybackAudit.keyedBy(fingerprintSecret);
  }
}
