package io.github.flexmedia.twilio.playback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link RecordingUrlProvider} answers: write the status, every header and the body (UTF-8
 * JSON, or empty) to your framework's response as they are.
 *
 * <p>{@link #toString()} shows the status only: a 200's body holds the signed media URL.
 *
 * @param status the HTTP status
 * @param headers the headers to send, in order
 * @param body the body, {@code ""} for none
 */
public record PlaybackResponse(int status, Map<String, String> headers, String body) {

  /**
   * Copies the headers, keeping their order.
   *
   * @param status the HTTP status
   * @param headers the headers, required
   * @param body the body, {@code null} for none
   */
  public PlaybackResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    body = body == null ? "" : body;
  }

  /**
   * The value of header {@code name}, compared case-insensitively.
   *
   * @param name the header name
   * @return its value, or {@code null}
   */
  public String header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "PlaybackResponse[status=" + status + "]";
  }
}
