package io.github.flexmedia.spring.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code flex-media.playback.*}: the {@code url_provider} endpoint. */
@ConfigurationProperties("flex-media.playback")
public class PlaybackProperties {
  /** The url_provider endpoint the Flex Insights player calls with the user's Flex token. */
  @NestedConfigurationProperty
  private final EndpointProperties urlProvider = new EndpointProperties("/flex-media/url-provider");
  /** Origins the player may call from (CORS); Twilio-hosted Flex by default. */
  private List<String> allowedOrigins = new ArrayList<>(List.of("https://flex.twilio.com", "https://analytics.ytica.com"));
  /** Flex roles that may play recordings, when the application defines no PlaybackAuthorizer. */
  private List<String> allowedRoles = new ArrayList<>(List.of("admin", "supervisor", "wfo.full_access"));
  /** Validated tokens remembered at most (least recently used leave first). */
  private int tokenCacheMaxEntries = 10_000;
  /** How long a validated token is remembered at most; never past its own expiration. */
  private Duration tokenCacheMaxAge = Duration.ofMinutes(5);

  /** Creates the group with its defaults. */
  public PlaybackProperties() {}

  /**
   * The url_provider endpoint.
   *
   * @return {@code flex-media.playback.url-provider.*}
   */
  public EndpointProperties getUrlProvider() {
    return urlProvider;
  }

  /**
   * The CORS origins.
   *
   * @return the origins the player may call from
   */
  public List<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  /**
   * Sets the CORS origins.
   *
   * @param allowedOrigins e.g. {@code https://flex.twilio.com}
   */
  public void setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  /**
   * The roles that may play recordings.
   *
   * @return Flex role names
   */
  public List<String> getAllowedRoles() {
    return allowedRoles;
  }

  /**
   * Sets the roles that may play recordings.
   *
   * @param allowedRoles Flex role names
   */
  public void setAllowedRoles(List<String> allowedRoles) {
    this.allowedRoles = allowedRoles;
  }

  /**
   * The token cache's size bound.
   *
   * @return the most entries (10,000 by default)
   */
  public int getTokenCacheMaxEntries() {
    return tokenCacheMaxEntries;
  }

  /**
   * Sets the token cache's size bound.
   *
   * @param tokenCacheMaxEntries at least 1
   */
  public void setTokenCacheMaxEntries(int tokenCacheMaxEntries) {
    this.tokenCacheMaxEntries = tokenCacheMaxEntries;
  }

  /**
   * The token cache's age bound.
   *
   * @return the longest a result is kept (5 minutes by default)
   */
  public Duration getTokenCacheMaxAge() {
    return tokenCacheMaxAge;
  }

  /**
   * Sets the token cache's age bound.
   *
   * @param tokenCacheMaxAge positive
   */
  public void setTokenCacheMaxAge(Duration tokenCacheMaxAge) {
    this.tokenCacheMaxAge = tokenCacheMaxAge;
  }
}
