package io.github.flexmedia;

import io.github.flexmedia.EmbeddingVerdict.Outcome;
import io.github.flexmedia.EmbeddingVerdict.Reason;
import io.github.flexmedia.internal.Checks;

import io.github.flexmedia.internal.FrameAncestors;
import io.github.flexmedia.internal.Redaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Asks an {@link MediaLink.Embedded} page, over the network, whether Flex may frame it: the
 * offline {@link MediaAttributes#lint()} cannot know. A page that sends {@code X-Frame-Options:
 * DENY} or {@code SAMEORIGIN}, or a CSP {@code frame-ancestors} that does not admit the Flex origin,
 * shows as an empty frame in Flex; use {@link MediaLink.Referenced} for it instead.
 *
 * <pre>{@code
 * EmbeddingVerdict v = EmbeddingCheck.create().check(MediaLink.embedded(url, "Ticket"));
 * if (!v.embeddable()) {
 *   log.warn("{}: {} {}", v.reason(), v.detail(), v.advice());
 * }
 * }</pre>
 *
 * <p>It sends {@code HEAD} (falling back to {@code GET} when {@code HEAD} is refused), without
 * cookies or credentials, follows at most a few redirects itself and checks every target against
 * the {@link MediaPolicy}. Timeouts are bounded. It never throws for a network failure: that is an
 * {@link Outcome#UNKNOWN} verdict. Thread-safe.
 */
public final class EmbeddingCheck {
  /** Where Flex runs by default. */
  public static final URI FLEX_ORIGIN = URI.create("https://flex.twilio.com");

  private static final String ADVICE_REFERENCED =
      "use MediaLink.referenced(...) for this page, or have the site admit the Flex origin in its "
          + "Content-Security-Policy frame-ancestors (and drop X-Frame-Options)";
  private static final String ADVICE_RETRY =
      "could not tell: check again, and prefer MediaLink.referenced(...) until the page is known to allow framing";

  private final HttpClient client;
  private final MediaPolicy policy;
  private final URI flexOrigin;
  private final Duration timeout;
  private final int maxRedirects;

  private EmbeddingCheck(Builder b) {
    this.policy = b.policy;
    this.flexOrigin = b.flexOrigin;
    this.timeout = b.timeout;
    this.maxRedirects = b.maxRedirects;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER) // each hop is checked against the policy
        .connectTimeout(b.timeout)
        .build(); // no CookieHandler and no Authenticator: nothing is ever sent but the request
  }

  /**
   * A check with the defaults: strict policy, Flex at {@link #FLEX_ORIGIN}, 5 s, 5 redirects.
   *
   * @return the check
   */
  public static EmbeddingCheck create() {
    return builder().build();
  }

  /**
   * Starts a configured check.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches the page's headers and judges them.
   *
   * @param link the link to check
   * @return the verdict; never {@code null}
   */
  public EmbeddingVerdict check(MediaLink.Embedded link) {
    Objects.requireNonNull(link, "link");
    URI url = link.url();
    try {
      policy.check("url", link);
    } catch (InvalidMediaException e) {
      return unknown(Reason.POLICY_REFUSED, "the link itself is refused by the MediaPolicy ("
          + e.rule() + ")", 0, 0);
    }
    for (int redirects = 0; ; redirects++) {
      HttpResponse<Void> response;
      try {
        response = fetch(url);
      } catch (HttpTimeoutException e) {
        return unknown(Reason.TIMEOUT, "no answer from " + Redaction.url(url) + " within "
            + timeout.toMillis() + " ms", 0, redirects);
      } catch (SSLException e) {
        return unknown(Reason.TLS_ERROR, "TLS handshake with " + Redaction.url(url) + " failed ("
            + e.getClass().getSimpleName() + ")", 0, redirects);
      } catch (ConnectException e) {
        return unknown(Reason.UNREACHABLE, "could not connect to " + Redaction.url(url), 0, redirects);
      } catch (IOException e) {
        return unknown(e.getCause() instanceof SSLException ? Reason.TLS_ERROR : Reason.UNREACHABLE,
            "request to " + Redaction.url(url) + " failed (" + e.getClass().getSimpleName() + ")",
            0, redirects);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return unknown(Reason.INTERRUPTED, "interrupted while waiting for " + Redaction.url(url), 0, redirects);
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
        if (redirects >= maxRedirects) {
          return unknown(Reason.TOO_MANY_REDIRECTS, "more than " + maxRedirects + " redirects", status, redirects);
        }
        URI next;
        try {
          next = Checks.url("Location", url.resolve(Checks.parseUrl("Location",
              response.headers().firstValue("Location").get())));
          policy.check("Location", new MediaLink.Embedded(next, "redirect"));
        } catch (IllegalArgumentException e) { // InvalidMediaException included
          return unknown(Reason.REDIRECT_REFUSED, "a redirect from " + Redaction.url(url)
              + " points somewhere the MediaPolicy refuses", status, redirects);
        }
        url = next;
        continue;
      }
      return judge(url, response, redirects);
    }
  }

  private HttpResponse<Void> fetch(URI url) throws IOException, InterruptedException {
    HttpResponse<Void> head = client.send(request(url, "HEAD"), HttpResponse.BodyHandlers.discarding());
    int s = head.statusCode();
    if (s == 405 || s == 501 || s == 400 || s == 403 || s == 404) {
      // Some servers refuse or mishandle HEAD; the headers of a GET are what Flex will see.
      return client.send(request(url, "GET"), HttpResponse.BodyHandlers.discarding());
    }
    return head;
  }

  private HttpRequest request(URI url, String method) {
    return HttpRequest.newBuilder(url)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(timeout)
        .header("Accept", "text/html,*/*;q=0.8")
        .header("User-Agent", "flex-media-embedding-check")
        .build();
  }

  private EmbeddingVerdict judge(URI url, HttpResponse<Void> response, int redirects) {
    int status = response.statusCode();
    List<String> csp = response.headers().allValues("Content-Security-Policy");
    FrameAncestors.Result fa = FrameAncestors.evaluate(csp, url, flexOrigin);
    // CSP frame-ancestors, when present, overrides X-Frame-Options in every current browser.
    if (fa != null) {
      Reason reason = switch (fa) {
        case ADMITS -> Reason.FRAME_ANCESTORS_ADMITS_FLEX;
        case NONE -> Reason.FRAME_ANCESTORS_NONE;
        case SELF_ONLY -> Reason.FRAME_ANCESTORS_SELF_ONLY;
        case EXCLUDES -> Reason.FRAME_ANCESTORS_EXCLUDES_FLEX;
      };
      boolean ok = fa == FrameAncestors.Result.ADMITS;
      return new EmbeddingVerdict(ok ? Outcome.EMBEDDABLE : Outcome.NOT_EMBEDDABLE, reason,
          "Content-Security-Policy frame-ancestors " + (ok ? "admits " : "does not admit ")
              + flexOrigin + " (HTTP " + status + ")",
          ok ? "" : ADVICE_REFERENCED, status, redirects);
    }
    String xfo = String.join(",", response.headers().allValues("X-Frame-Options"))
        .toUpperCase(Locale.ROOT);
    if (xfo.contains("DENY")) {
      return new EmbeddingVerdict(Outcome.NOT_EMBEDDABLE, Reason.X_FRAME_OPTIONS_DENY,
          "X-Frame-Options: DENY (HTTP " + status + ")", ADVICE_REFERENCED, status, redirects);
    }
    if (xfo.contains("SAMEORIGIN") && !FrameAncestors.sameOrigin(url, flexOrigin)) {
      return new EmbeddingVerdict(Outcome.NOT_EMBEDDABLE, Reason.X_FRAME_OPTIONS_SAMEORIGIN,
          "X-Frame-Options: SAMEORIGIN, and " + flexOrigin + " is another origin (HTTP " + status + ")",
          ADVICE_REFERENCED, status, redirects);
    }
    if (status >= 400) {
      return unknown(Reason.HTTP_ERROR_STATUS, Redaction.url(url) + " answered HTTP " + status
          + " without framing headers; signed in, the page may answer differently", status, redirects);
    }
    String note = xfo.contains("ALLOW-FROM")
        ? "X-Frame-Options ALLOW-FROM is ignored by current browsers; nothing else restricts framing"
        : "no X-Frame-Options and no CSP frame-ancestors";
    return new EmbeddingVerdict(Outcome.EMBEDDABLE, Reason.NO_FRAMING_RESTRICTIONS,
        note + " (HTTP " + status + ")", "", status, redirects);
  }

  private static EmbeddingVerdict unknown(Reason reason, String detail, int status, int redirects) {
    return new EmbeddingVerdict(Outcome.UNKNOWN, reason, detail, ADVICE_RETRY, status, redirects);
  }

  /** Configures an {@link EmbeddingCheck}. */
  public static final class Builder {
    private MediaPolicy policy = MediaPolicy.strict();
    private URI flexOrigin = FLEX_ORIGIN;
    private Duration timeout = Duration.ofSeconds(5);
    private int maxRedirects = 5;

    private Builder() {}

    /**
     * The policy the link and every redirect target must satisfy; strict by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(MediaPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The origin Flex is served from, when not {@code https://flex.twilio.com} (a self-hosted Flex
     * UI, for example). Only scheme, host and port count.
     *
     * @param flexOrigin the origin Flex is served from
     * @return this builder
     */
    public Builder flexOrigin(URI flexOrigin) {
      Objects.requireNonNull(flexOrigin, "flexOrigin");
      this.flexOrigin = Checks.url("flexOrigin", flexOrigin);
      return this;
    }

    /**
     * The connect and response timeout, each request; 5 s by default.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * How many redirects to follow, 0 to 10; 5 by default.
     *
     * @param maxRedirects how many redirects to follow
     * @return this builder
     */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0 || maxRedirects > 10) {
        throw new IllegalArgumentException("maxRedirects must be between 0 and 10");
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * The check.
     *
     * @return the check
     */
    public EmbeddingCheck build() {
      return new EmbeddingCheck(this);
    }
  }
}
