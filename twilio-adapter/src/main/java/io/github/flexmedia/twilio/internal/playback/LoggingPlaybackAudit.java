package io.github.flexmedia.twilio.internal.playback;

import io.github.flexmedia.twilio.playback.PlaybackAudit;
import io.github.flexmedia.twilio.playback.PlaybackEvent;

/** {@link PlaybackAudit#log()}: the access log as a log line, identity fingerprinted. */
public final class LoggingPlaybackAudit implements PlaybackAudit {
  public static final LoggingPlaybackAudit INSTANCE = new LoggingPlaybackAudit();
  private static final System.Logger LOG = System.getLogger(PlaybackAudit.LOGGER);

  private LoggingPlaybackAudit() {}

  @Override
  public void record(PlaybackEvent event) {
    if (LOG.isLoggable(System.Logger.Level.INFO)) {
      LOG.log(System.Logger.Level.INFO, line(event));
    }
  }

  /** The line for {@code event}; no token, the identity as a fingerprint. */
  public static String line(PlaybackEvent e) {
    return "playback " + e.decision() + " " + e.status()
        + " user=" + (e.identity() == null ? "-" : fingerprint(e.identity()))
        + " worker=" + (e.workerSid() == null ? "-" : Redact.sid(e.workerSid()))
        + " roles=" + e.roles()
        + " recording=" + (e.recordingId() == null ? "-" : e.recordingId())
        + " origin=" + (e.origin() == null ? "-" : e.origin())
        + " remote=" + (e.remoteAddress() == null ? "-" : e.remoteAddress())
        + " agent=" + (e.userAgent() == null ? "-" : "\"" + e.userAgent().replace('"', '\'') + "\"");
  }

  public static String fingerprint(String identity) {
    return "sha256:" + FlexTokens.digest(identity).substring(0, 12);
  }

  @Override
  public String toString() {
    return "PlaybackAudit.log()";
  }
}
