package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.playback.PlaybackAudit;
import io.github.flexmedia.twilio.playback.PlaybackEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default access log of the {@code url_provider} endpoint: one INFO line per decision, then
 * the application's own {@link PlaybackAudit}, if any.
 *
 * <p>The line names the decision, the status, the recording id, the worker SID and the origin;
 * the Flex identity (often an e-mail address) appears only as a fingerprint, the first 12 hex
 * digits of its SHA-256, enough to follow one user through the log without writing who they are.
 * The token never reaches here.
 */
public final class PlaybackLog implements PlaybackAudit {
  /** The logger's name, to turn it down with {@code logging.level}. */
  public static final String LOGGER = "io.github.flexmedia.spring.playback";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final PlaybackAudit next;

  /**
   * Logs, then hands the event on.
   *
   * @param next the application's audit, or {@link PlaybackAudit#NONE}
   */
  public PlaybackLog(PlaybackAudit next) {
    this.next = next;
  }

  @Override
  public void record(PlaybackEvent event) {
    LOG.info("flex-media playback: decision={} status={} recording={} user={} worker={} origin={}",
        event.decision(), event.status(), orNone(event.recordingId()),
        fingerprint(event.identity()), orNone(event.workerSid()), orNone(event.origin()));
    next.record(event);
  }

  private static String orNone(String value) {
    return value == null ? "-" : value;
  }

  /**
   * The first 12 hex digits of the SHA-256 of an identity.
   *
   * @param identity the Flex identity, or null
   * @return the fingerprint, or {@code -}
   */
  static String fingerprint(String identity) {
    if (identity == null) {
      return "-";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
