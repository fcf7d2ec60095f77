package io.github.flexmedia.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flex-media.twilio.*}: credentials and HTTP settings. */
@ConfigurationProperties("flex-media.twilio")
public class TwilioProperties {
  /** Account SID (AC followed by 32 hex digits). */
  private String accountSid;
  /** Auth token of the account. Also verifies webhook signatures. */
  private String authToken;
  /** API key SID (SK...), used instead of the auth token when set, with api-secret. */
  private String apiKey;
  /** Secret of the API key. */
  private String apiSecret;
  /** How long to wait for a TCP connection to Twilio. */
  private Duration connectTimeout = Duration.ofSeconds(10);
  /** How long to wait for Twilio's answer to one request. */
  private Duration responseTimeout = Duration.ofSeconds(30);

  /** Creates the group with its defaults. */
  public TwilioProperties() {}

  /**
   * The account SID.
   *
   * @return the account SID, or null when not set
   */
  public String getAccountSid() {
    return accountSid;
  }

  /**
   * Sets the account SID.
   *
   * @param accountSid {@code AC} and 32 hex digits
   */
  public void setAccountSid(String accountSid) {
    this.accountSid = accountSid;
  }

  /**
   * The auth token.
   *
   * @return the auth token, or null when not set
   */
  public String getAuthToken() {
    return authToken;
  }

  /**
   * Sets the auth token.
   *
   * @param authToken the account's auth token
   */
  public void setAuthToken(String authToken) {
    this.authToken = authToken;
  }

  /**
   * The API key SID.
   *
   * @return the API key SID, or null when not set
   */
  public String getApiKey() {
    return apiKey;
  }

  /**
   * Sets the API key SID, to authenticate REST calls with an API key instead of the auth token.
   *
   * @param apiKey {@code SK} and 32 hex digits
   */
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * The API key's secret.
   *
   * @return the secret, or null when not set
   */
  public String getApiSecret() {
    return apiSecret;
  }

  /**
   * Sets the API key's secret.
   *
   * @param apiSecret the secret
   */
  public void setApiSecret(String apiSecret) {
    this.apiSecret = apiSecret;
  }

  /**
   * The TCP connect timeout.
   *
   * @return the connect timeout (10 s by default)
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the TCP connect timeout.
   *
   * @param connectTimeout the connect timeout
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * The response timeout of one request.
   *
   * @return the response timeout (30 s by default)
   */
  public Duration getResponseTimeout() {
    return responseTimeout;
  }

  /**
   * Sets the response timeout of one request.
   *
   * @param responseTimeout the response timeout
   */
  public void setResponseTimeout(Duration responseTimeout) {
    this.responseTimeout = responseTimeout;
  }

  @Override
  public String toString() {
    return "Twilio[accountSid=" + (accountSid == null ? "unset" : "set")
        + ", authToken=" + (authToken == null ? "unset" : "set")
        + ", apiKey=" + (apiKey == null ? "unset" : "set")
        + ", apiSecret=" + (apiSecret == null ? "unset" : "set") + "]";
  }
}
