package io.github.flexmedia.spring;

import io.github.flexmedia.MergeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code flex-media.*} properties. Every one has a default except the credentials, which are
 * needed only when the application defines neither a {@code TwilioRestClient} nor a {@code
 * TaskRouterClient} bean.
 *
 * <pre>{@code
 * flex-media:
 *   twilio:
 *     account-sid: ${TWILIO_ACCOUNT_SID}
 *     auth-token: ${TWILIO_AUTH_TOKEN}
 *   attach:
 *     max-attempts: 8
 *   policy:
 *     allowed-hosts: [crm.example.com, .recordings.example.com]
 * }</pre>
 *
 * <p>{@link #toString()} names which credentials are set and never shows them.
 */
@ConfigurationProperties("flex-media")
public class FlexMediaProperties {
  /** Whether flex-media's auto-configuration runs at all. */
  private boolean enabled = true;

  /**
   * Whether the Twilio account is HIPAA-enabled: Flex Insights fields Twilio's HIPAA filter would
   * drop are refused before anything is sent.
   */
  private boolean hipaa;

  private final Twilio twilio = new Twilio();
  private final Attach attach = new Attach();
  private final Policy policy = new Policy();
  private final Metrics metrics = new Metrics();
  private final Webhooks webhooks = new Webhooks();
  private final Queue queue = new Queue();
  private final Playback playback = new Playback();

  /** Creates the properties with their defaults; Spring binds the configured values. */
  public FlexMediaProperties() {}

  /**
   * Whether flex-media's auto-configuration runs at all.
   *
   * @return whether the auto-configuration runs (true by default)
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Switches the auto-configuration on or off.
   *
   * @param enabled whether the auto-configuration runs
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Whether the account is HIPAA-enabled ({@code flex-media.hipaa}): the {@code MediaPolicy} bean
   * then refuses Insights fields off Twilio's HIPAA preserved list.
   *
   * @return whether the account is HIPAA-enabled (false by default)
   */
  public boolean isHipaa() {
    return hipaa;
  }

  /**
   * Marks the account as HIPAA-enabled.
   *
   * @param hipaa whether the account is HIPAA-enabled
   */
  public void setHipaa(boolean hipaa) {
    this.hipaa = hipaa;
  }

  /**
   * Credentials and HTTP settings of the TaskRouter client.
   *
   * @return the {@code flex-media.twilio.*} group
   */
  public Twilio getTwilio() {
    return twilio;
  }

  /**
   * How {@code MediaAttacher} merges and retries.
   *
   * @return the {@code flex-media.attach.*} group
   */
  public Attach getAttach() {
    return attach;
  }

  /**
   * The {@code MediaPolicy} every attached link must satisfy.
   *
   * @return the {@code flex-media.policy.*} group
   */
  public Policy getPolicy() {
    return policy;
  }

  /**
   * Micrometer metrics.
   *
   * @return the {@code flex-media.metrics.*} group
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * The webhook endpoints: recording status callbacks and TaskRouter events.
   *
   * @return the {@code flex-media.webhooks.*} group
   */
  public Webhooks getWebhooks() {
    return webhooks;
  }

  /**
   * The attach queue the webhook endpoints feed.
   *
   * @return the {@code flex-media.queue.*} group
   */
  public Queue getQueue() {
    return queue;
  }

  /**
   * The {@code url_provider} playback endpoint and its token validation.
   *
   * @return the {@code flex-media.playback.*} group
   */
  public Playback getPlayback() {
    return playback;
  }

  @Override
  public String toString() {
    return "FlexMediaProperties[enabled=" + enabled + ", hipaa=" + hipaa + ", twilio=" + twilio + ", attach=" + attach
        + ", policy=" + policy + "]";
  }

  /** {@code flex-media.twilio.*}: credentials and HTTP settings. */
  public static class Twilio {
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
    public Twilio() {}

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

  /** {@code flex-media.attach.*}: how {@code MediaAttacher} merges and retries. */
  public static class Attach {
    /** APPEND keeps existing links and adds new ones; REPLACE replaces the lists named. */
    private MergeMode mergeMode = MergeMode.APPEND;
    /** Read-merge-write attempts per attach, at least 1. */
    private int maxAttempts = 5;
    /** Cap of the first retry's backoff; doubles per retry up to max-backoff. */
    private Duration initialBackoff = Duration.ofMillis(200);
    /** Cap of every retry's backoff. */
    private Duration maxBackoff = Duration.ofSeconds(10);
    /** Longest Retry-After honoured; a longer one ends the attach at once. */
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    /** Creates the group with its defaults. */
    public Attach() {}

    /**
     * The merge mode.
     *
     * @return APPEND (the default) or REPLACE
     */
    public MergeMode getMergeMode() {
      return mergeMode;
    }

    /**
     * Sets the merge mode.
     *
     * @param mergeMode APPEND or REPLACE
     */
    public void setMergeMode(MergeMode mergeMode) {
      this.mergeMode = mergeMode;
    }

    /**
     * The most attempts per attach.
     *
     * @return the most attempts (5 by default)
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the most attempts per attach.
     *
     * @param maxAttempts at least 1
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * The first retry's backoff cap.
     *
     * @return the first backoff cap (200 ms by default)
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the first retry's backoff cap.
     *
     * @param initialBackoff the first backoff cap
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * The cap of every backoff.
     *
     * @return the backoff cap (10 s by default)
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the cap of every backoff.
     *
     * @param maxBackoff the backoff cap
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * The longest {@code Retry-After} honoured.
     *
     * @return the longest Retry-After honoured (60 s by default)
     */
    public Duration getMaxRetryAfter() {
      return maxRetryAfter;
    }

    /**
     * Sets the longest {@code Retry-After} honoured.
     *
     * @param maxRetryAfter the longest wait honoured
     */
    public void setMaxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public String toString() {
      return "Attach[mergeMode=" + mergeMode + ", maxAttempts=" + maxAttempts + "]";
    }
  }

  /** {@code flex-media.policy.*}: the {@code MediaPolicy} every attached link must satisfy. */
  public static class Policy {
    /** Hosts links may point to; a leading dot admits any subdomain. Empty: any host. */
    private List<String> allowedHosts = new ArrayList<>();
    /** Admit plain http links (refused by default: media can carry PHI). */
    private boolean allowInsecureHttp;

    /** Creates the group with its defaults. */
    public Policy() {}

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

  /** {@code flex-media.metrics.*}: Micrometer metrics. */
  public static class Metrics {
    /** Record flex_media.* meters when Micrometer and a MeterRegistry are present. */
    private boolean enabled = true;

    /** Creates the group with its defaults. */
    public Metrics() {}

    /**
     * Whether metrics are recorded.
     *
     * @return whether metrics are recorded (true by default, when Micrometer is present)
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Switches metrics on or off.
     *
     * @param enabled whether metrics are recorded
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** One endpoint: off by default, on a configurable path. */
  public static class Endpoint {
    /** Whether the endpoint is registered. */
    private boolean enabled;
    /** The servlet path the endpoint answers on. */
    private String path;

    /**
     * Creates an endpoint setting.
     *
     * @param path the default path
     */
    public Endpoint(String path) {
      this.path = path;
    }

    /**
     * Whether the endpoint is registered.
     *
     * @return whether the endpoint is on (false by default)
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Switches the endpoint on or off.
     *
     * @param enabled whether the endpoint is registered
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The path the endpoint answers on.
     *
     * @return the path, starting with a slash
     */
    public String getPath() {
      return path;
    }

    /**
     * Sets the path the endpoint answers on.
     *
     * @param path the path, starting with a slash
     */
    public void setPath(String path) {
      this.path = path;
    }
  }

  /** {@code flex-media.webhooks.*}: the endpoints Twilio calls. */
  public static class Webhooks {
    /**
     * The scheme, host and port Twilio calls (e.g. https://hooks.example.com) when a proxy or
     * load balancer stands in front; signatures are checked against it. Unset: the URL the server
     * received.
     */
    private String publicUrl;
    /** Attach inside the request, answering 2xx only once the write landed, within this budget. */
    private Duration synchronousBudget;
    /** Recording status callbacks (their URL carries WorkspaceSid and TaskSid). */
    private final Endpoint recordingCallbacks = new Endpoint("/flex-media/recording-callbacks");
    /** TaskRouter event callbacks. */
    private final Endpoint taskrouterEvents = new Endpoint("/flex-media/taskrouter-events");

    /** Creates the group with its defaults. */
    public Webhooks() {}

    /**
     * The URL Twilio calls, before any proxy.
     *
     * @return the public URL, or null to use the one the server received
     */
    public String getPublicUrl() {
      return publicUrl;
    }

    /**
     * Sets the URL Twilio calls, before any proxy.
     *
     * @param publicUrl e.g. {@code https://hooks.example.com}
     */
    public void setPublicUrl(String publicUrl) {
      this.publicUrl = publicUrl;
    }

    /**
     * The synchronous mode's budget.
     *
     * @return the budget, or null for the asynchronous mode (the default)
     */
    public Duration getSynchronousBudget() {
      return synchronousBudget;
    }

    /**
     * Attaches inside the request within {@code synchronousBudget} (keep it well under 15 s).
     *
     * @param synchronousBudget the budget, or null for the asynchronous mode
     */
    public void setSynchronousBudget(Duration synchronousBudget) {
      this.synchronousBudget = synchronousBudget;
    }

    /**
     * The recording status callback endpoint.
     *
     * @return {@code flex-media.webhooks.recording-callbacks.*}
     */
    public Endpoint getRecordingCallbacks() {
      return recordingCallbacks;
    }

    /**
     * The TaskRouter event callback endpoint.
     *
     * @return {@code flex-media.webhooks.taskrouter-events.*}
     */
    public Endpoint getTaskrouterEvents() {
      return taskrouterEvents;
    }
  }

  /** {@code flex-media.queue.*}: the attach queue behind the webhook endpoints. */
  public static class Queue {
    /** Worker threads doing attaches. */
    private int workers = 4;
    /** Unfinished attaches held at most; past it the webhook answers 503 and Twilio retries. */
    private int capacity = 1000;
    /** How long after an event an attach may still start (Flex deletes a task 2 minutes after it ends). */
    private Duration attachWindow = Duration.ofMinutes(2);

    /** Creates the group with its defaults. */
    public Queue() {}

    /**
     * The number of worker threads.
     *
     * @return the workers (4 by default)
     */
    public int getWorkers() {
      return workers;
    }

    /**
     * Sets the number of worker threads.
     *
     * @param workers at least 1
     */
    public void setWorkers(int workers) {
      this.workers = workers;
    }

    /**
     * The most unfinished attaches.
     *
     * @return the capacity (1000 by default)
     */
    public int getCapacity() {
      return capacity;
    }

    /**
     * Sets the most unfinished attaches.
     *
     * @param capacity at least 1
     */
    public void setCapacity(int capacity) {
      this.capacity = capacity;
    }

    /**
     * How long after an event an attach may start.
     *
     * @return the window (2 minutes by default)
     */
    public Duration getAttachWindow() {
      return attachWindow;
    }

    /**
     * Sets how long after an event an attach may start.
     *
     * @param attachWindow positive
     */
    public void setAttachWindow(Duration attachWindow) {
      this.attachWindow = attachWindow;
    }
  }

  /** {@code flex-media.playback.*}: the {@code url_provider} endpoint. */
  public static class Playback {
    /** The url_provider endpoint the Flex Insights player calls with the user's Flex token. */
    private final Endpoint urlProvider = new Endpoint("/flex-media/url-provider");
    /** Origins the player may call from (CORS); Twilio-hosted Flex by default. */
    private List<String> allowedOrigins = new ArrayList<>(List.of("https://flex.twilio.com", "https://analytics.ytica.com"));
    /** Flex roles that may play recordings, when the application defines no PlaybackAuthorizer. */
    private List<String> allowedRoles = new ArrayList<>(List.of("admin", "supervisor", "wfo.full_access"));
    /** Validated tokens remembered at most (least recently used leave first). */
    private int tokenCacheMaxEntries = 10_000;
    /** How long a validated token is remembered at most; never past its own expiration. */
    private Duration tokenCacheMaxAge = Duration.ofMinutes(5);

    /** Creates the group with its defaults. */
    public Playback() {}

    /**
     * The url_provider endpoint.
     *
     * @return {@code flex-media.playback.url-provider.*}
     */
    public Endpoint getUrlProvider() {
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
}
