package io.github.flexmedia.twilio.playback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.playback.CallBudget;
import io.github.flexmedia.twilio.internal.playback.FlexTokens;
import io.github.flexmedia.twilio.internal.playback.Redact;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Twilio's Flex token validation: {@code POST https://iam.twilio.com/v1/Accounts/{AC}/Tokens/validate}
 * with JSON {@code {"token": …}} and the account's basic auth (Twilio, "Secure Playback of
 * Recordings from Custom Storage"; the endpoint Twilio's {@code twilio-flex-token-validator}
 * calls), answered with {@code valid}, {@code code}, {@code expiration}, {@code identity}, {@code
 * realm_user_id}, {@code worker_sid}, {@code roles}, {@code flex_instance_sid}.
 *
 * <pre>{@code
 * FlexTokenValidator validator = FlexTokenValidator.cached(
 *     TwilioFlexTokenValidator.withApiKey(accountSid, apiKeySid, apiKeySecret).region("ie1").build(),
 *     10_000, Duration.ofMinutes(1), Clock.systemUTC());
 * }</pre>
 *
 * <p>The account's budget is guarded before anything is sent: a token that is not a compact JWE
 * is refused with no call, and at most {@link Builder#maxCallsPerSecond} calls are made in any
 * second (the excess is a {@link TaskRouterException} of kind {@code RATE_LIMITED} with status 0,
 * a 503 for the player). One call
 * is one HTTP exchange on the JDK's {@link HttpClient}, with no retry, connect timeout {@link
 * #DEFAULT_CONNECT_TIMEOUT} and response timeout {@link #DEFAULT_RESPONSE_TIMEOUT}.
 *
 * <p>Answers: {@code valid: true} is a {@link FlexUser}; {@code valid: false} is an {@link
 * InvalidFlexTokenException} whatever the status it came with (200, 400, 401 or 403); a 401 or
 * 403 without a validation result means Twilio refused <em>this service's</em> credentials — a
 * configuration problem, logged once at {@code ERROR} on {@code System.Logger}
 * "io.github.flexmedia.twilio.playback" and answered as unavailable, never as the user's 401 (a
 * {@link TaskRouterException} of kind {@code AUTHENTICATION}); everything else that is not a
 * validation result is a {@link TaskRouterException} too: {@code NO_RESPONSE} when no answer came,
 * {@code RATE_LIMITED} (a {@link io.github.flexmedia.twilio.RateLimitedException}) for a 429, the
 * kind of its status for another 4xx or a 5xx, {@code SERVER_ERROR} for a 2xx that is not the
 * documented JSON, {@code INTERRUPTED} when the thread was interrupted. Thread-safe.
 */
public final class TwilioFlexTokenValidator implements FlexTokenValidator {
  /**
   * Validation calls allowed per second by default: 10. With the cache of {@link
   * FlexTokenValidator#cached} in front, a user costs one call per token per cache period (the
   * player asks once per playback; seeking and reloading are hits), so 10 a second is room for
   * some 36,000 new tokens an hour — more than a supervisor team uses — while a flood of forged
   * tokens can spend no more than 10 calls a second of the account's API allowance, which Twilio
   * enforces per account (past it Twilio answers 429, error 20429) and TaskRouter writes share.
   */
  public static final int DEFAULT_MAX_CALLS_PER_SECOND = 10;
  /** How long a connection to Twilio may take by default: 2 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** How long Twilio's answer may take by default: 5 seconds. */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

  static final System.Logger LOG = System.getLogger(TwilioFlexTokenValidator.class.getPackageName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9-]{1,32}");

  private final String accountSid;
  private final URI uri;
  private final Exchange exchange;
  private final CallBudget budget;
  private final AtomicBoolean credentialsReported = new AtomicBoolean();

  private TwilioFlexTokenValidator(String accountSid, URI uri, Exchange exchange, CallBudget budget) {
    this.accountSid = accountSid;
    this.uri = uri;
    this.exchange = exchange;
    this.budget = budget;
  }

  /**
   * A validator that authenticates with the account SID and its auth token.
   *
   * @param accountSid the account whose Flex tokens are checked ({@code AC} + 32 hex)
   * @param authToken the account's auth token
   * @return the builder, for region, edge, timeouts and the call cap
   * @throws ConfigurationException naming the setting when one is missing or malformed
   */
  public static Builder withAuthToken(String accountSid, String authToken) {
    return new Builder(accountSid, accountSid, authToken, "authToken");
  }

  /**
   * A validator that authenticates with an API key of the account (Twilio, "API Keys": a key SID
   * and its secret as the basic-auth user name and password, for any account resource).
   *
   * @param accountSid the account whose Flex tokens are checked ({@code AC} + 32 hex)
   * @param apiKeySid the API key ({@code SK} + 32 hex)
   * @param apiKeySecret the key's secret
   * @return the builder
   * @throws ConfigurationException naming the setting when one is missing or malformed
   */
  public static Builder withApiKey(String accountSid, String apiKeySid, String apiKeySecret) {
    if (!Sid.isValid(apiKeySid, "SK")) {
      throw new ConfigurationException("apiKeySid", "must be 'SK' followed by 32 hex digits");
    }
    return new Builder(accountSid, apiKeySid, apiKeySecret, "apiKeySecret");
  }

  /**
   * {@link FlexTokenValidator#twilio(TwilioRestClient)}: each call is one {@code
   * restClient.request(...)} with a public {@link Request}, so twilio-java puts its own
   * credentials, region, edge and user agent on it through its public API. twilio-java's {@code
   * request} repeats a 5xx answer (up to three exchanges, 100 ms apart); the call cap counts
   * calls. For one exchange per call and short timeouts use {@link #withAuthToken}/{@link
   * #withApiKey}.
   */
  static TwilioFlexTokenValidator over(TwilioRestClient restClient) {
    Objects.requireNonNull(restClient, "restClient");
    String account = restClient.getAccountSid();
    if (!Sid.isValid(account, "AC")) {
      throw new ConfigurationException("restClient", "account SID must be 'AC' followed by 32 hex digits",
          "restClient's account SID must be 'AC' followed by 32 hex digits");
    }
    String url = "https://iam.twilio.com/v1/Accounts/" + account + "/Tokens/validate";
    Exchange exchange = body -> {
      Request request = new Request(HttpMethod.POST, url);
      request.setContentType(EnumConstants.ContentType.JSON);
      request.setBody(body);
      try {
        Response response = restClient.request(request);
        return new Answer(response.getStatusCode(), response.getContent());
      } catch (TwilioException e) {
        throw unavailable(
            "Twilio token validation did not answer: " + e.getClass().getSimpleName(), 0, e);
      }
    };
    return new TwilioFlexTokenValidator(account, URI.create(url), exchange, new CallBudget(DEFAULT_MAX_CALLS_PER_SECOND, Clock.systemUTC()));
  }

  /** Where the validation goes (for twilio-java's client, before its region and edge apply). */
  URI uri() {
    return uri;
  }

  @Override
  public FlexUser validate(String token) {
    if (!FlexTokens.isCompactJwe(token)) {
      throw new InvalidFlexTokenException(0);
    }
    if (!budget.tryTake()) {
      throw new TaskRouterException(TaskRouterException.Kind.RATE_LIMITED,
          "token validation calls are over this service's cap of " + budget.perSecond()
              + " per second", 0, 0, null, null);
    }
    return read(exchange.post(JSON.createObjectNode().put("token", token).toString()));
  }

  private FlexUser read(Answer answer) {
    int status = answer.status;
    JsonNode body;
    try {
      body = answer.body == null || answer.body.isBlank() ? null : JSON.readTree(answer.body);
    } catch (IOException | RuntimeException e) {
      body = null;
    }
    boolean result = body != null && body.isObject() && body.path("valid").isBoolean();
    if ((status == 401 || status == 403) && !result) {
      if (credentialsReported.compareAndSet(false, true)) {
        // Concatenated, not a MessageFormat pattern: the apostrophes would be eaten.
        LOG.log(System.Logger.Level.ERROR, "Twilio refused this service's credentials for Flex token "
            + "validation (HTTP " + status + ", account " + Redact.sid(accountSid) + "): every playback "
            + "is answered 503 until the credentials are fixed. This is a configuration problem, not "
            + "the users'.");
      }
      throw unavailable(
          "Twilio refused this service's credentials for token validation (" + status + ")", status, null);
    }
    boolean answered = status >= 200 && status < 300 || status == 400 || status == 401 || status == 403;
    if (!answered || !result) {
      throw unavailable(
          "Twilio token validation answered " + status + " without a validation result", status, null);
    }
    credentialsReported.set(false);
    if (!body.get("valid").booleanValue()) {
      throw new InvalidFlexTokenException(body.path("code").asInt(0));
    }
    String identity = text(body, "identity");
    if (identity == null || identity.isBlank()) {
      throw unavailable(
          "Twilio token validation answered valid without an identity", status, null);
    }
    List<String> roles = new ArrayList<>();
    for (JsonNode role : body.path("roles")) {
      if (role.isTextual()) {
        roles.add(role.textValue());
      }
    }
    return new FlexUser(identity, text(body, "realm_user_id"), text(body, "worker_sid"), roles,
        instant(text(body, "expiration")), text(body, "flex_instance_sid"));
  }

  /**
   * The token could not be checked: a failed call. A 429 is a {@link RateLimitedException}; an
   * answer that is a 2xx but not the documented JSON is Twilio's failure ({@code SERVER_ERROR});
   * otherwise the kind is the status's (no answer: {@code NO_RESPONSE}).
   */
  private static TaskRouterException unavailable(String message, int status, Throwable cause) {
    if (status == 429) {
      return new RateLimitedException(message, 0, null, cause);
    }
    TaskRouterException.Kind kind = status >= 200 && status < 300
        ? TaskRouterException.Kind.SERVER_ERROR : TaskRouterException.Kind.forStatus(status);
    return new TaskRouterException(kind, message, status, 0, null, cause);
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  private static Instant instant(String iso) {
    try {
      return iso == null ? null : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "TwilioFlexTokenValidator[account=" + Redact.sid(accountSid) + ", maxCallsPerSecond="
        + budget.perSecond() + "]";
  }

  /** One validation exchange: the JSON body out, the status and body back. */
  @FunctionalInterface
  private interface Exchange {
    Answer post(String jsonBody);
  }

  private static final class Answer {
    final int status;
    final String body;

    Answer(int status, String body) {
      this.status = status;
      this.body = body;
    }
  }

  /**
   * Options of the credential-built validator; every one has a default.
   */
  public static final class Builder {
    private final String accountSid;
    private final String username;
    private final String password;
    private String region;
    private String edge;
    private URI endpoint;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    private int maxCallsPerSecond = DEFAULT_MAX_CALLS_PER_SECOND;
    private Clock clock = Clock.systemUTC();

    private Builder(String accountSid, String username, String password, String secretName) {
      if (!Sid.isValid(accountSid, "AC")) {
        throw new ConfigurationException("accountSid", "must be 'AC' followed by 32 hex digits");
      }
      if (password == null || password.isBlank()) {
        throw new ConfigurationException(secretName, "must not be blank");
      }
      this.accountSid = accountSid;
      this.username = username;
      this.password = password;
    }

    /**
     * The Twilio region to validate in, e.g. {@code ie1} or {@code au1}; the host becomes {@code
     * iam.{edge}.{region}.twilio.com} as twilio-java builds it (Twilio, "Global Infrastructure").
     *
     * @param region a region id, lower case
     * @return this builder
     */
    public Builder region(String region) {
      this.region = label("region", region);
      return this;
    }

    /**
     * The Twilio edge location, e.g. {@code dublin}; without a region, {@code us1} is used, as
     * twilio-java does.
     *
     * @param edge an edge id, lower case
     * @return this builder
     */
    public Builder edge(String edge) {
      this.edge = label("edge", edge);
      return this;
    }

    /**
     * Sends the validation to {@code endpoint} (scheme, host, port) instead of Twilio's host: for a
     * forward proxy of your own or a loopback emulator. Plain {@code http} only to a loopback host.
     *
     * @param endpoint e.g. {@code http://127.0.0.1:8080}
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
      String host = endpoint.getHost();
      boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
      if (host == null || endpoint.getRawUserInfo() != null
          || !(scheme.equals("https") || scheme.equals("http") && loopback)
          || endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty() && !endpoint.getRawPath().equals("/")
          || endpoint.getRawQuery() != null) {
        throw new ConfigurationException("endpoint",
            "must be https://host[:port] (http only to a loopback host), without a path or user-info");
      }
      this.endpoint = URI.create(scheme + "://" + endpoint.getRawAuthority());
      return this;
    }

    /**
     * How long connecting to Twilio may take ({@link #DEFAULT_CONNECT_TIMEOUT} by default).
     *
     * @param timeout positive, at most 30 seconds
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout("connectTimeout", timeout);
      return this;
    }

    /**
     * How long Twilio's answer may take once sent ({@link #DEFAULT_RESPONSE_TIMEOUT} by default).
     *
     * @param timeout positive, at most 30 seconds
     * @return this builder
     */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = timeout("responseTimeout", timeout);
      return this;
    }

    /**
     * The most validation calls sent in any second ({@link #DEFAULT_MAX_CALLS_PER_SECOND} by
     * default); the excess is answered as unavailable without calling Twilio.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxCallsPerSecond(int max) {
      if (max < 1) {
        throw new ConfigurationException("maxCallsPerSecond", "must be at least 1");
      }
      this.maxCallsPerSecond = max;
      return this;
    }

    /**
     * The clock the call cap counts seconds on (the system UTC clock by default).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the validator and its HTTP client.
     *
     * @return the validator
     */
    public TwilioFlexTokenValidator build() {
      URI base = endpoint != null ? endpoint : URI.create("https://" + host());
      URI uri = base.resolve("/v1/Accounts/" + accountSid + "/Tokens/validate");
      String authorization = "Basic " + Base64.getEncoder().encodeToString(
          (username + ":" + password).getBytes(StandardCharsets.UTF_8));
      // No redirects: the credentials go to the one host chosen here. The JDK client does not
      // retry a POST, so one call is one exchange.
      HttpClient http = HttpClient.newBuilder()
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
      Duration timeout = responseTimeout;
      Exchange exchange = body -> {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        try {
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
          throw unavailable(
              "Twilio token validation did not answer: " + e.getClass().getSimpleName(), 0, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw TaskRouterException.interrupted("Twilio token validation was interrupted", false, e);
        }
      };
      return new TwilioFlexTokenValidator(accountSid, uri, exchange, new CallBudget(maxCallsPerSecond, clock));
    }

    /** {@code iam[.edge][.region].twilio.com}, as twilio-java's {@code Request} composes hosts. */
    private String host() {
      String r = region == null && edge != null ? "us1" : region;
      StringBuilder host = new StringBuilder("iam");
      if (edge != null) {
        host.append('.').append(edge);
      }
      if (r != null) {
        host.append('.').append(r);
      }
      return host.append(".twilio.com").toString();
    }

    private static String label(String setting, String value) {
      if (value == null || !HOST_LABEL.matcher(value).matches()) {
        throw new ConfigurationException(setting, "must be 1 to 32 lower-case letters, digits or '-'");
      }
      return value;
    }

    private static Duration timeout(String setting, Duration value) {
      if (value == null || value.isNegative() || value.isZero() || value.compareTo(Duration.ofSeconds(30)) > 0) {
        throw new ConfigurationException(setting, "must be positive and at most 30 seconds");
      }
      return value;
    }

    @Override
    public String toString() {
      return "TwilioFlexTokenValidator.Builder[account=" + Redact.sid(accountSid) + "]";
    }
  }
}
