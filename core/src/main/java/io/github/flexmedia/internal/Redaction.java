package io.github.flexmedia.internal;

import java.net.URI;

/**
 * Renders URLs for messages, {@code toString()} and logs: scheme and host only.
 *
 * <p>Paths, queries and fragments of media URLs routinely carry patient identifiers and signed
 * tokens, so they never leave the value they belong to.
 */
public final class Redaction {
  private Redaction() {}

  /** {@code https://host[:port]} followed by {@code /…} when anything was cut off. */
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
      sb.append("/…");
    }
    return sb.toString();
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
