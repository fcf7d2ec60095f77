package io.github.flexmedia.spring.properties;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flex-media.policy.*}: the {@code MediaPolicy} every attached link must satisfy. */
@ConfigurationProperties("flex-media.policy")
public class PolicyProperties {
  /** Hosts links may point to; a leading dot admits any subdomain. Empty: any host. */
  private List<String> allowedHosts = new ArrayList<>();
  /** Admit plain http links (refused by default: media can carry PHI). */
  private boolean allowInsecureHttp;

  /** Creates the group with its defaults. */
  public PolicyProperties() {}

  /**
   * The allowed hosts.
   *
   * @return the allowed hosts and suffixes; empty for any host
   */
  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  /**
   * Sets the allowed hosts.
   *
   * @param allowedHosts host names, or suffixes starting with a dot
   */
  public void setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  /**
   * Whether plain http links are admitted.
   *
   * @return whether plain http links are admitted (false by default)
   */
  public boolean isAllowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * Admits plain http links.
   *
   * @param allowInsecureHttp whether plain http links are admitted
   */
  public void setAllowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }

  @Override
  public String toString() {
    return "Policy[allowedHosts=" + allowedHosts.size() + " entries, allowInsecureHttp="
        + allowInsecureHttp + "]";
  }
}
