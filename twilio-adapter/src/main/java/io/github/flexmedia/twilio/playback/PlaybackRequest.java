package io.github.flexmedia.twilio.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The part of an HTTP request {@link RecordingUrlProvider} reads, whatever the server framework.
 *
 * <pre>{@code
 * PlaybackRequest req = PlaybackRequest.of(exchange.getRequestMethod(),
 *     exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
 * }</pre>
 *
 * <p>For the access log, add the caller with {@link #from(String, String)} (the starter's servlet
 * does): {@code PlaybackRequest.of(method, rawQuery, headers).from(remoteAddress, userAgent)}.
 *
 * <p>{@link #toString()} shows the method only: the query holds the recording id and the headers
 * the token.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param rawQuery the query string as received, still percent-encoded, without {@code ?}; or
 *     {@code null}
 * @param headers every header by name, compared case-insensitively; several values per name kept
 * @param remoteAddress the caller's address as the server saw it (IP, or IP and port), or {@code
 *     null}
 * @param userAgent the caller's {@code User-Agent}, or {@code null}; taken from {@code headers}
 *     when not given
 */
public record PlaybackRequest(String method, String rawQuery, Map<String, List<String>> headers,
    String remoteAddress, String userAgent) {

  /**
   * Checks the method, copies the headers into a case-insensitive map, and takes the user agent
   * from them when none is given.
   *
   * @param method the HTTP method, required
   * @param rawQuery the raw query, or {@code null}
   * @param headers the headers, or {@code null} for none
   * @param remoteAddress the caller's address, or {@code null}
   * @param userAgent the caller's user agent, or {@code null}
   */
  public PlaybackRequest {
    Objects.requireNonNull(method, "method");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, values) -> {
        if (name != null && values != null) {
          copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
        }
      });
    }
    copy.replaceAll((k, v) -> List.copyOf(v));
    headers = java.util.Collections.unmodifiableMap(copy);
    if (userAgent == null) {
      List<String> agents = copy.getOrDefault("User-Agent", List.of());
      userAgent = agents.size() == 1 ? agents.get(0) : null;
    }
  }

  /**
   * A request from its parts.
   *
   * @param method the HTTP method
   * @param rawQuery the raw query string, or {@code null}
   * @param headers the headers, names in any case
   * @return the request
   */
  public static PlaybackRequest of(String method, String rawQuery, Map<String, List<String>> headers) {
    return new PlaybackRequest(method, rawQuery, headers, null, null);
  }

  /**
   * This request with the caller's address and user agent, for the access log.
   *
   * @param remoteAddress the caller's address as the server saw it, or {@code null}
   * @param userAgent the caller's {@code User-Agent}, or {@code null} to keep the header's
   * @return the request
   */
  public PlaybackRequest from(String remoteAddress, String userAgent) {
    return new PlaybackRequest(method, rawQuery, headers, remoteAddress, userAgent);
  }

  /**
   * Every value of header {@code name}.
   *
   * @param name the header name, any case
   * @return its values, empty when absent
   */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /**
   * The only value of header {@code name}.
   *
   * @param name the header name, any case
   * @return the value, or {@code null} when absent or sent more than once
   */
  public String header(String name) {
    List<String> values = headers(name);
    return values.size() == 1 ? values.get(0) : null;
  }

  @Override
  public String toString() {
    return "PlaybackRequest[method=" + method + "]";
  }
}
