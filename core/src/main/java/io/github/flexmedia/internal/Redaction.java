package io.github.flexmedia.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Renders URLs for messages, {@code toString()} and logs: scheme and host only.
 *
 * <p>Paths, queries and fragments of media URLs routinely carry patient identifiers and signed
 * tokens, so they never leave the value they belong to.
 */
public final class Redaction {
  /**
   * Fingerprints are keyed with a secret drawn once per JVM: equal values get equal fingerprints
   * within a run, so test failures can tell two links apart, but a fingerprint cannot be checked
   * against guessed values (a plain hash of a six-digit patient number could).
   */
  private static final byte[] KEY = new SecureRandom().generateSeed(32);

  private Redaction() {}

  /** Six hex digits standing for {@code value}, stable within this JVM and useless outside it. */
  public static String fingerprint(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** A title for {@code toString()}: a fingerprint in angle quotes, never the text. */
  public static String title(String title) {
    return "‹" + fingerprint(title) + "›";
  }

  /**
   * {@code https://host[:port]}, followed by {@code /…} and a {@link #fingerprint} of the whole
   * URL when a path, query or fragment was cut off.
   */
  public static String url(URI url) {
    if (url == null) {
      return "null";
    }
    String scheme = url.getScheme() == null ? "?" : url.getScheme();
    String host = url.getHost() == null ? "?" : url.getHost();
    StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
    if (url.getPort() >= 0) {
      sb.append(':').append(url.getPort());
    }
    boolean more =
        notEmpty(url.getRawPath()) && !"/".equals(url.getRawPath())
            || url.getRawQuery() != null
            || url.getRawFragment() != null;
    if (more) {
      sb.append("/…‹").append(fingerprint(url.toString())).append('›');
    }
    return sb.toString();
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
