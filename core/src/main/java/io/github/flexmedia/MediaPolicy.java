package io.github.flexmedia;

import io.github.flexmedia.InvalidMediaException.Rule;
import io.github.flexmedia.internal.Checks;
import io.github.flexmedia.internal.LinkCodec;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who media may link to. The default, {@link #strict()}, admits only {@code https} URLs to any
 * host. Every link is checked against the policy when a {@link MediaAttributes} is built.
 *
 * <pre>{@code
 * MediaPolicy policy = MediaPolicy.builder()
 *     .allowHosts("crm.example.com", ".recordings.example.com") // leading dot: any subdomain
 *     .build();
 * MediaAttributes media = MediaAttributes.builder().policy(policy).media(link).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MediaPolicy {
  private static final MediaPolicy STRICT =
      new MediaPolicy(false, Set.of(), Checks.MAX_URL_LENGTH, Integer.MAX_VALUE, false);

  private final boolean allowInsecureHttp;
  private final Set<String> allowedHosts;
  private final int maxUrlLength;
  private final int maxTitleLength;
  private final boolean hipaa;

  private MediaPolicy(boolean allowInsecureHttp, Set<String> allowedHosts, int maxUrlLength,
      int maxTitleLength, boolean hipaa) {
    this.allowInsecureHttp = allowInsecureHttp;
    this.allowedHosts = allowedHosts;
    this.maxUrlLength = maxUrlLength;
    this.maxTitleLength = maxTitleLength;
    this.hipaa = hipaa;
  }

  /**
   * The default policy: {@code https} only, any host.
   *
   * @return the default policy
   */
  public static MediaPolicy strict() {
    return STRICT;
  }

  /**
   * Starts a policy from the strict default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether plain {@code http} links are admitted (they are not by default).
   *
   * @return whether plain {@code http} links are admitted (they are not by default)
   */
  public boolean allowsInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * Host names links may point to; entries starting with a dot admit any subdomain. Empty means
   * any host.
   *
   * @return the allowed hosts and suffixes, lower case; empty for any host
   */
  public Set<String> allowedHosts() {
    return allowedHosts;
  }

  /**
   * The longest URL admitted, in characters; 2048 by default (and at most).
   *
   * @return the longest URL admitted, in characters
   */
  public int maxUrlLength() {
    return maxUrlLength;
  }

  /**
   * The longest title admitted, in characters; unlimited by default.
   *
   * @return the longest title admitted, in characters
   */
  public int maxTitleLength() {
    return maxTitleLength;
  }

  /**
   * Whether this is a HIPAA account's policy: Insights fields that Twilio's HIPAA filter drops or
   * removes as PII are refused (off by default).
   *
   * @return whether Insights fields off Twilio's HIPAA preserved list are refused
   */
  public boolean isHipaa() {
    return hipaa;
  }

  /**
   * Checks every link of {@code media}, task level first, then each reservation in order; under
   * a HIPAA policy, then its Insights fields.
   *
   * @param media the media to check
   * @throws InvalidMediaException naming the first offending link's JSON path and the rule; under
   *     a HIPAA policy, naming every Insights path the HIPAA filter would drop, with the rule
   *     {@link Rule#HIPAA_PRESERVED_LIST}
   */
  public void check(MediaAttributes media) {
    Objects.requireNonNull(media, "media");
    checkAll("conversations.media", media.taskMedia());
    media.reservationMedia().forEach((sid, links) ->
        checkAll("reservation_attributes." + sid + ".media", links));
    if (hipaa) {
      checkHipaa(media.insights());
    }
  }

  /**
   * Refuses, all at once, every path Twilio's HIPAA filter would drop or strip before Insights
   * ("HIPAA for Flex Insights Historical Reporting": only the preserved lists reach Insights; the
   * customer's phone, email and external ID and the external contact are removed).
   */
  private static void checkHipaa(InsightsData data) {
    List<String> refused = new java.util.ArrayList<>();
    for (MediaWarning w : data.hipaaLint()) {
      // One HIPAA code per path at most: a field is either dropped or removed as PII.
      if (w.code() == MediaWarning.Code.HIPAA_NOT_PRESERVED
          || w.code() == MediaWarning.Code.HIPAA_PII_REMOVED) {
        refused.add(w.path());
      }
    }
    if (!refused.isEmpty()) {
      throw new InvalidMediaException(String.join(", ", refused), Rule.HIPAA_PRESERVED_LIST,
          "Twilio's HIPAA filter drops these before Flex Insights (not on the preserved list, or"
              + " removed as PII); refused under a HIPAA MediaPolicy");
    }
  }

  private void checkAll(String path, List<MediaLink> links) {
    for (int i = 0; i < links.size(); i++) {
      check(path + "[" + i + "]", links.get(i));
    }
  }

  /**
   * Checks one link.
   *
   * @param field the name to report a failure under, e.g. {@code conversations.media[0]}
   * @param link the link to check
   * @throws InvalidMediaException if the link breaks the policy
   */
  public void check(String field, MediaLink link) {
    Objects.requireNonNull(link, "link");
    // The fields the link would be written with: every URL and title, whatever the kind.
    LinkCodec.emit(link, new LinkCodec.Sink() {
      @Override
      public void url(String name, URI url) {
        checkUrl(field + "." + name, url);
      }

      @Override
      public void text(String name, String value) {
        if (name.equals("title") && value.length() > maxTitleLength) {
          throw new InvalidMediaException(
              field + ".title", Rule.MAX_TITLE_LENGTH,
              "must be at most " + maxTitleLength + " characters under the MediaPolicy (was "
                  + value.length() + ")");
        }
      }
    });
  }

  private void checkUrl(String field, URI url) {
    if (url == null) {
      return;
    }
    if (!allowInsecureHttp && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new InvalidMediaException(
          field,
          Rule.HTTPS_ONLY,
          "must use https (plain http is refused unless the MediaPolicy allows insecure http)");
    }
    int length = url.toString().length();
    if (length > maxUrlLength) {
      throw new InvalidMediaException(
          field, Rule.MAX_LENGTH,
          "must be at most " + maxUrlLength + " characters under the MediaPolicy (was " + length + ")");
    }
    if (!allowedHosts.isEmpty() && !hostAllowed(url.getHost())) {
      throw new InvalidMediaException(
          field, Rule.HOST_ALLOW_LIST, "points to a host that is not on the MediaPolicy's allow-list");
    }
  }

  private boolean hostAllowed(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String allowed : allowedHosts) {
      if (allowed.startsWith(".") ? h.endsWith(allowed) : h.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaPolicy p
        && p.allowInsecureHttp == allowInsecureHttp
        && p.allowedHosts.equals(allowedHosts)
        && p.maxUrlLength == maxUrlLength
        && p.maxTitleLength == maxTitleLength
        && p.hipaa == hipaa;
  }

  @Override
  public int hashCode() {
    return Objects.hash(allowInsecureHttp, allowedHosts, maxUrlLength, maxTitleLength, hipaa);
  }

  @Override
  public String toString() {
    return "MediaPolicy{insecureHttp=" + allowInsecureHttp + ", allowedHosts=" + allowedHosts
        + ", maxUrlLength=" + maxUrlLength
        + (maxTitleLength == Integer.MAX_VALUE ? "" : ", maxTitleLength=" + maxTitleLength)
        + (hipaa ? ", hipaa" : "") + "}";
  }

  /** Builds a {@link MediaPolicy}; starts from the strict default. */
  public static final class Builder {
    private boolean allowInsecureHttp;
    private final Set<String> allowedHosts = new LinkedHashSet<>();
    private int maxUrlLength = Checks.MAX_URL_LENGTH;
    private int maxTitleLength = Integer.MAX_VALUE;
    private boolean hipaa;

    private Builder() {}

    /**
     * For a HIPAA account: Insights fields Twilio's HIPAA filter would drop (keys off its preserved
     * lists) or strip as PII are refused when media are built or attached, before anything is
     * sent, instead of vanishing silently on Twilio's side. Lint without refusing with {@link
     * InsightsData#hipaaLint()}.
     *
     * @param hipaa whether the account is HIPAA-enabled
     * @return this builder
     */
    public Builder hipaa(boolean hipaa) {
      this.hipaa = hipaa;
      return this;
    }

    /**
     * Admits URLs of at most {@code max} characters, 1 to 2048 (the default and the ceiling).
     *
     * @param max the limit, in characters
     * @return this builder
     */
    public Builder maxUrlLength(int max) {
      if (max < 1 || max > Checks.MAX_URL_LENGTH) {
        throw new InvalidMediaException(
            "maxUrlLength", Rule.RANGE, "must be between 1 and " + Checks.MAX_URL_LENGTH + " (was " + max + ")");
      }
      this.maxUrlLength = max;
      return this;
    }

    /**
     * Admits titles of at most {@code max} characters (unlimited by default).
     *
     * @param max the limit, in characters
     * @return this builder
     */
    public Builder maxTitleLength(int max) {
      if (max < 1) {
        throw new InvalidMediaException("maxTitleLength", Rule.RANGE, "must be at least 1 (was " + max + ")");
      }
      this.maxTitleLength = max;
      return this;
    }

    /**
     * Admits plain {@code http} links. Flex loads them from supervisors' browsers in clear text:
     * use only for lab hosts that carry no PHI.
     *
     * @return this builder
     */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /**
     * Restricts links to these hosts. {@code "crm.example.com"} admits exactly that host; {@code
     * ".example.com"} admits any subdomain of it (not {@code example.com} itself).
     *
     * @param hosts host names, or suffixes starting with a dot
     * @return this builder
     */
    public Builder allowHosts(String... hosts) {
      for (int i = 0; i < hosts.length; i++) {
        String h = hosts[i];
        if (h == null || h.isBlank() || h.equals(".")) {
          throw new InvalidMediaException(
              "allowedHosts[" + i + "]", Rule.NOT_BLANK, "must be a host name or a .suffix");
        }
        allowedHosts.add(h.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * The policy.
     *
     * @return the policy
     */
    public MediaPolicy build() {
      return new MediaPolicy(
          allowInsecureHttp,
          java.util.Collections.unmodifiableSet(new LinkedHashSet<>(allowedHosts)),
          maxUrlLength,
          maxTitleLength,
          hipaa);
    }
  }

  static URI strictUrl(String field, String url) {
    URI uri = Checks.url(field, Checks.parseUrl(field, url));
    STRICT.checkUrl(field, uri);
    return uri;
  }
}
