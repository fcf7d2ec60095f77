package io.github.flexmedia.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates CSP {@code frame-ancestors} (CSP Level 3) for one ancestor: the Flex origin. Paths in
 * host sources are ignored (only origins are known here), as are keywords that do not apply to
 * ancestors.
 */
public final class FrameAncestors {
  private FrameAncestors() {}

  /** How the policies treat the Flex origin. */
  public enum Result {
    /** Every policy with a frame-ancestors directive admits it. */
    ADMITS,
    /** A policy says {@code 'none'} (or lists no source). */
    NONE,
    /** A policy admits only the page's own origin. */
    SELF_ONLY,
    /** A policy lists sources, none of which is the Flex origin. */
    EXCLUDES
  }

  /**
   * Judges the {@code Content-Security-Policy} header values of {@code page} for an ancestor at
   * {@code flex}; {@code null} when no policy has a {@code frame-ancestors} directive.
   */
  public static Result evaluate(List<String> headerValues, URI page, URI flex) {
    Result verdict = null;
    for (String header : headerValues) {
      for (String policy : header.split(",")) {
        List<String> sources = directive(policy);
        if (sources == null) {
          continue;
        }
        Result r = judge(sources, page, flex);
        if (verdict == null || verdict == Result.ADMITS) {
          verdict = r; // every policy is enforced: the first refusal decides
        }
      }
    }
    return verdict;
  }

  /** The source list of the first frame-ancestors directive of a policy, or null. */
  private static List<String> directive(String policy) {
    for (String directive : policy.split(";")) {
      String[] tokens = directive.trim().split("[ \\t\\n\\r\\f]+");
      if (tokens.length > 0 && tokens[0].equalsIgnoreCase("frame-ancestors")) {
        List<String> sources = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
          if (!tokens[i].isEmpty()) {
            sources.add(tokens[i]);
          }
        }
        return sources;
      }
    }
    return null;
  }

  private static Result judge(List<String> sources, URI page, URI flex) {
    boolean onlyNone = true;
    boolean onlySelf = true;
    for (String source : sources) {
      String s = source.toLowerCase(Locale.ROOT);
      if (s.equals("'none'")) {
        continue;
      }
      onlyNone = false;
      if (s.equals("'self'")) {
        if (sameOrigin(page, flex)) {
          return Result.ADMITS;
        }
        continue;
      }
      onlySelf = false;
      if (matches(s, page, flex)) {
        return Result.ADMITS;
      }
    }
    if (onlyNone) {
      return Result.NONE;
    }
    return onlySelf ? Result.SELF_ONLY : Result.EXCLUDES;
  }

  /** Whether a scheme-source, host-source or {@code *} matches the ancestor {@code flex}. */
  static boolean matches(String source, URI page, URI flex) {
    String flexScheme = flex.getScheme().toLowerCase(Locale.ROOT);
    if (source.equals("*")) {
      return flexScheme.equals("https") || flexScheme.equals("http");
    }
    if (source.startsWith("'")) {
      return false; // nonces, hashes, 'unsafe-*': not sources of ancestors
    }
    if (source.endsWith(":") && source.indexOf('/') < 0) {
      return schemeMatches(source.substring(0, source.length() - 1), flexScheme);
    }
    String rest = source;
    String scheme = null;
    int sep = rest.indexOf("://");
    if (sep >= 0) {
      scheme = rest.substring(0, sep);
      rest = rest.substring(sep + 3);
    }
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      rest = rest.substring(0, slash); // the path: ignored, only origins are known
    }
    String host = rest;
    String port = null;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0 && !rest.endsWith("]")) {
      host = rest.substring(0, colon);
      port = rest.substring(colon + 1);
    }
    if (scheme != null) {
      if (!schemeMatches(scheme, flexScheme)) {
        return false;
      }
    } else {
      String pageScheme = page.getScheme().toLowerCase(Locale.ROOT);
      if (!schemeMatches(pageScheme, flexScheme)) {
        return false;
      }
    }
    String flexHost = flex.getHost().toLowerCase(Locale.ROOT);
    boolean hostOk = host.startsWith("*.")
        ? flexHost.endsWith(host.substring(1))
        : flexHost.equals(host);
    if (!hostOk) {
      return false;
    }
    int flexPort = flex.getPort() >= 0 ? flex.getPort() : defaultPort(flexScheme);
    if (port == null) {
      return flexPort == defaultPort(scheme != null ? scheme : flexScheme)
          || flexPort == defaultPort(flexScheme);
    }
    if (port.equals("*")) {
      return true;
    }
    try {
      return Integer.parseInt(port) == flexPort;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A source scheme matches the same scheme, and {@code http} also matches {@code https}. */
  private static boolean schemeMatches(String sourceScheme, String scheme) {
    return sourceScheme.equals(scheme) || (sourceScheme.equals("http") && scheme.equals("https"));
  }

  private static int defaultPort(String scheme) {
    return "http".equals(scheme) ? 80 : 443;
  }

  /** Whether two URLs share scheme, host and (default-resolved) port. */
  public static boolean sameOrigin(URI a, URI b) {
    String sa = a.getScheme().toLowerCase(Locale.ROOT);
    String sb = b.getScheme().toLowerCase(Locale.ROOT);
    int pa = a.getPort() >= 0 ? a.getPort() : defaultPort(sa);
    int pb = b.getPort() >= 0 ? b.getPort() : defaultPort(sb);
    return sa.equals(sb) && a.getHost().equalsIgnoreCase(b.getHost()) && pa == pb;
  }
}
