package io.github.flexmedia.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flex-media.logging.*}: what the starter logs by default, each switched off by its
 * property (or turned down with {@code logging.level} on its logger).
 */
@ConfigurationProperties("flex-media.logging")
public class LoggingProperties {
  /**
   * Log every queued attach that ends without its media on the task, once, at WARN (logger
   * io.github.flexmedia.spring.attach; at most 20 lines a minute, the rest counted).
   */
  private boolean attachFailures = true;
  /**
   * Log every url_provider decision at INFO, the identity fingerprinted: the adapter's
   * PlaybackAudit.log, keyed from the deployment's Twilio secret (logger
   * io.github.flexmedia.twilio.playback.audit, a System.Logger).
   */
  private boolean playbackDecisions = true;
  /** Log at startup, at INFO, each endpoint switched on and its path (logger io.github.flexmedia.spring.endpoints). */
  private boolean endpoints = true;

  /** Creates the group with its defaults. */
  public LoggingProperties() {}

  /**
   * Whether failed queued attaches are logged.
   *
   * @return true by default
   */
  public boolean isAttachFailures() {
    return attachFailures;
  }

  /**
   * Switches the log of failed queued attaches.
   *
   * @param attachFailures whether to log them
   */
  public void setAttachFailures(boolean attachFailures) {
    this.attachFailures = attachFailures;
  }

  /**
   * Whether playback decisions are logged.
   *
   * @return true by default
   */
  public boolean isPlaybackDecisions() {
    return playbackDecisions;
  }

  /**
   * Switches the log of playback decisions.
   *
   * @param playbackDecisions whether to log them
   */
  public void setPlaybackDecisions(boolean playbackDecisions) {
    this.playbackDecisions = playbackDecisions;
  }

  /**
   * Whether the endpoints switched on are logged at startup.
   *
   * @return true by default
   */
  public boolean isEndpoints() {
    return endpoints;
  }

  /**
   * Switches the startup line naming the endpoints.
   *
   * @param endpoints whether to log it
   */
  public void setEndpoints(boolean endpoints) {
    this.endpoints = endpoints;
  }
}
