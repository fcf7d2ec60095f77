package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.twilio.internal.playback.Redact;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One decision of {@link RecordingUrlProvider}, for the access log. It never holds the token.
 *
 * <p>The identity and the recording id are here because an access log needs them; {@link
 * #toString()} leaves them out (it shows the decision, the status, the time and the worker SID's
 * prefix), so an event that ends up in a generic log line does not carry them.
 *
 * @param at when the decision was made
 * @param decision what was decided
 * @param identity the Flex identity, or {@code null} before the token was validated
 * @param workerSid the user's worker SID, or {@code null}
 * @param recordingId the recording asked for, or {@code null} when absent or refused as malformed
 * @param origin the request's {@code Origin} header, or {@code null}
 * @param remoteAddress the caller's address as the server saw it, or {@code null}
 * @param userAgent the caller's {@code User-Agent}, at most 256 characters, control characters
 *     replaced by {@code ?}; or {@code null}
 * @param roles the validated user's Flex roles that the decision was made on; empty before the
 *     token was validated
 */
public record PlaybackEvent(Instant at, Decision decision, String identity, String workerSid,
    String recordingId, String origin, String remoteAddress, String userAgent, List<String> roles) {
  static final int MAX_USER_AGENT = 256;
  static final int MAX_REMOTE_ADDRESS = 64;

  /**
   * Checks the required parts, and makes the caller's free-text values safe for a log line.
   *
   * @param at when, required
   * @param decision what, required
   * @param identity the Flex identity, or {@code null}
   * @param workerSid the worker SID, or {@code null}
   * @param recordingId the recording id, or {@code null}
   * @param origin the {@code Origin} header, or {@code null}
   * @param remoteAddress the caller's address, or {@code null}
   * @param userAgent the caller's user agent, or {@code null}
   * @param roles the roles decided on; {@code null} is none
   */
  public PlaybackEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(decision, "decision");
    remoteAddress = printable(remoteAddress, MAX_REMOTE_ADDRESS);
    userAgent = printable(userAgent, MAX_USER_AGENT);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /** {@code value} cut to {@code max} characters, every control or separator character as '?'. */
  private static String printable(String value, int max) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      int type = Character.getType(c);
      boolean unsafe = Character.isISOControl(c) || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT || type == Character.SURROGATE;
      out.append(unsafe ? '?' : c);
    }
    return out.toString();
  }

  /**
   * The HTTP status the decision was answered with.
   *
   * @return the status
   */
  public int status() {
    return decision.status();
  }

  @Override
  public String toString() {
    return "PlaybackEvent[at=" + at + ", decision=" + decision + ", status=" + status()
        + ", worker=" + Redact.sid(workerSid) + ", roles=" + roles + "]";
  }

  /** What {@link RecordingUrlProvider} decided, with the status it answered. */
  public enum Decision {
    /** 200: the media URL was handed out. */
    GRANTED(200),
    /** 204: a CORS preflight from an allowed origin. */
    PREFLIGHT_ALLOWED(204),
    /**
     * 403: a CORS preflight from another origin, or asking for another method than GET or for
     * headers beyond {@code Authorization}, the CORS-safelisted ones, {@code Cache-Control} and
     * {@code Pragma}.
     */
    PREFLIGHT_REFUSED(403),
    /** 403: a GET whose {@code Origin} is not allowed. */
    ORIGIN_REFUSED(403),
    /** 405: neither GET nor OPTIONS. */
    METHOD_NOT_ALLOWED(405),
    /** 400: the recording id is missing, repeated, or breaks the pattern. */
    BAD_RECORDING_ID(400),
    /** 401: no {@code Authorization} header. */
    NO_CREDENTIALS(401),
    /**
     * 401: an {@code Authorization} header that is not {@code Basic base64(user:token)}, or whose
     * token is not a compact JWE; Twilio is not asked.
     */
    MALFORMED_CREDENTIALS(401),
    /** 401: Twilio says the token is not valid. */
    INVALID_TOKEN(401),
    /** 503: the token could not be checked, or the validation call cap is spent. */
    VALIDATION_UNAVAILABLE(503),
    /** 403: the {@link PlaybackAuthorizer} refused. */
    FORBIDDEN(403),
    /** 404: the {@link RecordingResolver} knows no such recording. */
    NOT_FOUND(404),
    /** 500: the resolver failed or returned an unusable URL, or the audit failed. */
    ERROR(500);

    private final int status;

    Decision(int status) {
      this.status = status;
    }

    /**
     * The HTTP status answered.
     *
     * @return the status
     */
    public int status() {
      return status;
    }
  }
}
