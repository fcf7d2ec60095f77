package io.github.flexmedia.spring.internal;

import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.playback.PlaybackAudit;
import io.github.flexmedia.twilio.playback.PlaybackEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default access log of the {@code url_provider} endpoint: one INFO line per decision, then
 * the application's own {@link PlaybackAudit}, if any.
 *
 * <p>The line names the decision, the status, the recording id, the worker SID and the origin;
 * the Flex identity (often an e-mail address) appears only as a fingerprint, the first 12 hex
 * digits of its HMAC-SHA256, enough to follow one user through the log without writing who they
 * are. The token never reaches here.
 *
 * <p>The fingerprint is keyed: a plain hash of an e-mail address is found by hashing a list of
 * addresses (a directory, a breach dump), so it would only look anonymous. The key is derived from
 * the deployment's Twilio secret (its auth token, else its API key secret), which every instance
 * of a fleet shares and no reader of the log has: one user gets one fingerprint across the fleet
 * and across restarts, and rotating the secret changes them all. Without a configured secret
 * (the application built its own Twilio client) the key is random for the process.
 */
public final class PlaybackLog implements PlaybackAudit {
  /** The logger's name, to turn it down with {@code logging.level}. */
  public static final String LOGGER = "io.github.flexmedia.spring.playback";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private static final String ALGORITHM = "HmacSHA256";
  // The secret is a Twilio credential: the log's key is derived from it for this one use, so a
  // fingerprint is never an HMAC under the credential itself.
  private static final byte[] PURPOSE =
      "flex-media playback log fingerprint v1".getBytes(StandardCharsets.UTF_8);

  private final PlaybackAudit next;
  private final SecretKeySpec key;

  /**
   * Logs, then hands the event on.
   *
   * @param next the application's audit, or {@link PlaybackAudit#NONE}
   * @param secret the deployment's Twilio secret the fingerprints are keyed with, or {@code null}
   *     for a key random to this process
   */
  public PlaybackLog(PlaybackAudit next, String secret) {
    this.next = next;
    byte[] material;
    if (secret == null || secret.isEmpty()) {
      material = new byte[32];
      new SecureRandom().nextBytes(material);
    } else {
      material = hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), PURPOSE);
    }
    this.key = new SecretKeySpec(material, ALGORITHM);
  }

  @Override
  public void record(PlaybackEvent event) {
    LOG.info("flex-media playback: decision={} status={} recording={} user={} worker={} origin={} roles={}",
        event.decision(), event.status(), recording(event.recordingId()),
        fingerprint(event.identity()), orNone(event.workerSid()), orNone(event.origin()),
        event.roles());
    next.record(event);
  }

  /**
   * A Twilio recording SID as it is; any other id (the caller chooses it in the query: a storage
   * key, a medical record number) only as a fingerprint.
   */
  private String recording(String id) {
    return id == null ? "-" : Sid.isValid(id, "RE") ? id : "fp:" + fingerprint(id);
  }

  private static String orNone(String value) {
    return value == null ? "-" : value;
  }

  /**
   * The first 12 hex digits of the keyed HMAC-SHA256 of an identity.
   *
   * @param identity the Flex identity, or null
   * @return the fingerprint, or {@code -}
   */
  public String fingerprint(String identity) {
    if (identity == null) {
      return "-";
    }
    return HexFormat.of().formatHex(hmac(key, identity.getBytes(StandardCharsets.UTF_8)), 0, 6);
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call, as lines are rare
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
