package io.github.flexmedia.twilio.playback;

/**
 * Receives every decision {@link RecordingUrlProvider} makes: the access log HIPAA asks for.
 *
 * <p>Called on the request's thread before the answer is returned. If it throws, a grant is
 * turned into a 500: no recording is handed out that was not logged.
 */
@FunctionalInterface
public interface PlaybackAudit {
  /** Records nothing. */
  PlaybackAudit NONE = event -> { };

  /**
   * Records one decision.
   *
   * @param event who asked for which recording, when, and what was decided; never the token
   */
  void record(PlaybackEvent event);
}
