package io.github.flexmedia.twilio.internal.playback;

import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.playback.PlaybackAudit;
import io.github.flexmedia.twilio.playback.PlaybackEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link PlaybackAudit#log()}: the access log as a log line, the identity and any recording id
 * that is not a Twilio recording SID fingerprinted.
 *
 * <p>Fingerprints are HMAC-SHA256 under a key drawn once per process: a plain hash of an e-mail
 * address or of a medical record number is reversed by hashing a list of candidates, so it would
 * only look anonymous. One user has one fingerprint for the life of the process.
 */
public final class LoggingPlaybackAudit implements PlaybackAudit {
  public static final LoggingPlaybackAudit INSTANCE = new LoggingPlaybackAudit();
  private static final System.Logger LOG = System.getLogger(PlaybackAudit.LOGGER);
  private static final SecretKeySpec KEY =
      new SecretKeySpec(new SecureRandom().generateSeed(32), "HmacSHA256");

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
        + " recording=" + recording(e.recordingId())
        + " origin=" + (e.origin() == null ? "-" : e.origin())
        + " remote=" + (e.remoteAddress() == null ? "-" : e.remoteAddress())
        + " agent=" + (e.userAgent() == null ? "-" : "\"" + e.userAgent().replace('"', '\'') + "\"");
  }

  /**
   * A Twilio recording SID as it is; any other id (the caller chooses it in the query: a storage
   * key, a medical record number) only as a fingerprint.
   */
  private static String recording(String id) {
    return id == null ? "-" : Sid.isValid(id, "RE") ? id : fingerprint(id);
  }

  /**
   * {@code fp:} and the first 12 hex digits of the keyed HMAC of {@code value}.
   *
   * @param value an identity or an id
   * @return its fingerprint, stable for the life of the process
   */
  public static String fingerprint(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(KEY);
      return "fp:" + HexFormat.of().formatHex(
          mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "PlaybackAudit.log()";
  }
}
