package io.github.flexmedia;

import io.github.flexmedia.internal.Checks;
import java.util.Objects;

/**
 * Whether Flex can show an {@link MediaLink.Embedded} page in its iframe, as found by {@link
 * EmbeddingCheck}.
 *
 * @param outcome the answer
 * @param reason why, as a stable code
 * @param detail an explanation for people: header names and values, hosts, statuses — never a
 *     URL's path or query
 * @param advice what to do about it; empty when there is nothing to do
 * @param status the HTTP status of the last response, or 0 when none arrived
 * @param redirects how many redirects were followed
 */
public record EmbeddingVerdict(
    Outcome outcome, Reason reason, String detail, String advice, int status, int redirects) {

  /**
   * Checks that no part is null.
   *
   * @param outcome the answer
   * @param reason why, as a stable code
   * @param detail an explanation for people, never a URL's path or query
   * @param advice what to do about it; empty when nothing is needed
   * @param status the HTTP status of the last response, or 0 when none arrived
   * @param redirects how many redirects were followed
   */
  public EmbeddingVerdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(advice, "advice");
  }

  /**
   * Whether Flex can frame the page.
   *
   * @return whether Flex can frame the page
   */
  public boolean embeddable() {
    return outcome == Outcome.EMBEDDABLE;
  }

  /** The answer. */
  public enum Outcome {
    /** The page's headers let Flex frame it. */
    EMBEDDABLE,
    /** The page's headers forbid Flex from framing it. */
    NOT_EMBEDDABLE,
    /** The check could not tell (network failure, error status, refused link or redirect, interrupt). */
    UNKNOWN
  }

  /** Why. */
  public enum Reason {
    /** Neither {@code X-Frame-Options} nor a CSP {@code frame-ancestors} restricts framing. */
    NO_FRAMING_RESTRICTIONS,
    /** A CSP {@code frame-ancestors} lists a source that admits the Flex origin. */
    FRAME_ANCESTORS_ADMITS_FLEX,
    /** CSP {@code frame-ancestors 'none'}. */
    FRAME_ANCESTORS_NONE,
    /** CSP {@code frame-ancestors} admits only the page's own origin ({@code 'self'}). */
    FRAME_ANCESTORS_SELF_ONLY,
    /** CSP {@code frame-ancestors} lists sources, none of which is the Flex origin. */
    FRAME_ANCESTORS_EXCLUDES_FLEX,
    /** {@code X-Frame-Options: DENY}. */
    X_FRAME_OPTIONS_DENY,
    /** {@code X-Frame-Options: SAMEORIGIN}, and Flex is another origin. */
    X_FRAME_OPTIONS_SAMEORIGIN,
    /** The page answered with an error status and no framing headers. */
    HTTP_ERROR_STATUS,
    /** No connection could be made. */
    UNREACHABLE,
    /** The TLS handshake failed. */
    TLS_ERROR,
    /** No answer in time. */
    TIMEOUT,
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS,
    /** A redirect pointed somewhere the {@link MediaPolicy} refuses (or that is not a web URL). */
    REDIRECT_REFUSED,
    /** The link itself breaks the {@link MediaPolicy}; nothing was fetched. */
    POLICY_REFUSED,
    /** The calling thread was interrupted while it waited; its interrupt flag is set again. */
    INTERRUPTED
  }
}
