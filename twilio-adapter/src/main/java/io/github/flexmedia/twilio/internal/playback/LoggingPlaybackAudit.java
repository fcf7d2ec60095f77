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
 * {@link PlaybackAudit#log()} and {@link PlaybackAudit#log(String)}: the access log as a log line,
 * the identity and any recording id that is not a Twilio recording SID fingerprinted.
 *
 * <p>Fingerprints are HMAC-SHA256 under a key: a plain hash of an e-mail address or of a medical
 * record number is reversed by hashing a list of candidates, so it would only look anonymous. The
 * key is drawn once per process ({@link #PROCESS}), or derived from a secret a fleet shares ({@link
 * #keyedBy}); the secret may be a Twilio credential, so the key is an HMAC of a fixed purpose under
 * it and a fingerprint is never an HMAC under the credential itself.
 */
public final class LoggingPlaybackAudit implements PlaybackAudit {
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PURPOSE =
      "flex-media playback log fingerprint v1".getBytes(StandardCharsets.UTF_8);
  private static final System.Logger LOG = System.getLogger(PlaybackAudit.LOGGER);

  /** Keyed once per process. */
  public static final LoggingPlaybackAudit PROCESS =
      new LoggingPlaybackAudit(new SecureRandom().generateSeed(32), "PlaybackAudit.log()");

  private final SecretKeySpec key;
  private final String name;

  private LoggingPlaybackAudit(byte[] key, String name) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.name = name;
  }

  /**
   * An audit whose fingerprints are keyed from {@code secret}.
   *
   * @param secret a secret every instance shares, not blank
   * @return the audit
   */
  public static LoggingPlaybackAudit keyedBy(String secret) {
    byte[] material = secret.getBytes(StandardCharsets.UTF_8);
    return new LoggingPlaybackAudit(hmac(new SecretKeySpec(material, ALGORITHM), PURPOSE),
        "PlaybackAudit.log(secret)");
  }

  @Override
  public void record(PlaybackEvent event) {
    if (LOG.isLoggable(System.Logger.Level.INFO)) {
      LOG.log(System.Logger.Level.INFO, line(event));
    }
  }

  /**
   * The line for {@code event}; no token, the identity as a fingerprint.
   *
   * @param e the event
   * @return the log line
   */
  public String line(PlaybackEvent e) {
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
  private String recording(String id) {
    return id == null ? "-" : Sid.isValid(id, "RE") ? id : fingerprint(id);
  }

  /**
   * {@code fp:} and the first 12 hex digits of the keyed HMAC of {@code value}.
   *
   * @param value an identity or an id
   * @return its fingerprint, stable for as long as the key
   */
  public String fingerprint(String value) {
    return "fp:" + HexFormat.of().formatHex(hmac(key, value.getBytes(StandardCharsets.UTF_8)), 0, 6);
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
