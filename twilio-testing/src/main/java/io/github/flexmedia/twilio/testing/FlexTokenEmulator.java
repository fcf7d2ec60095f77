package io.github.flexmedia.twilio.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.playback.TwilioFlexTokenValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * Twilio's Flex token validation on loopback: issues tokens with identities and roles, and answers
 * {@code POST /v1/Accounts/{AC}/Tokens/validate} (JSON {@code {"token": …}}, the account's basic
 * auth) the way Twilio does — {@code valid}, {@code code}, {@code message}, {@code expiration},
 * {@code identity}, {@code realm_user_id}, {@code worker_sid}, {@code roles}, {@code
 * flex_instance_sid} — so that playback runs without Twilio.
 *
 * <pre>{@code
 * try (FlexTokenEmulator twilio = FlexTokenEmulator.start()) {
 *   String token = twilio.issue("supervisor@example.com", "supervisor");
 *   FlexUser user = twilio.validatorBuilder().build().validate(token);
 * }
 * }</pre>
 *
 * <p>A token is valid until its expiration on the emulator's clock; an expired one is answered
 * {@code valid: false} with code 20104, a revoked, unknown or other account's one with 20101 (the
 * Twilio error codes for an expired and an invalid access token). {@link #failNext} answers the next
 * requests with an error status instead. Binds 127.0.0.1 on an ephemeral port.
 *
 * <p>Latency switch: run the tests with {@code -Dsun.net.httpserver.nodelay=true} (for example in
 * Surefire's {@code systemPropertyVariables}). The JDK server reads it once, when its first server
 * class loads, and without it Nagle's algorithm against the client's delayed ACK makes each
 * loopback exchange take about 40 ms instead of well under a millisecond (see the README's testing
 * section for the measurement). This class sets no system property itself.
 */
public final class FlexTokenEmulator implements AutoCloseable {
  /** The account SID accepted by default. */
  public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000";
  /** The auth token accepted by default: {@link LocalTaskRouterServer#DEFAULT_AUTH_TOKEN}'s value. */
  public static final String DEFAULT_AUTH_TOKEN = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
  /** The Flex instance every token belongs to. */
  public static final String FLEX_INSTANCE_SID = "GO00000000000000000000000000000000";
  /** How long {@link #issue(String, String...)}'s tokens live. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  private static final Pattern VALIDATE = Pattern.compile("/v1/Accounts/(AC[0-9a-fA-F]{32})/Tokens/validate");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String accountSid;
  private final String authToken;
  private final Clock clock;
  private final LoopbackHttpServer server;
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final Map<String, String> apiKeys = new ConcurrentHashMap<>();
  private volatile int failureStatus;
  private volatile int refusalStatus = 200;
  private volatile java.util.concurrent.CountDownLatch held;

  private FlexTokenEmulator(String accountSid, String authToken, Clock clock) throws IOException {
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.clock = clock;
    this.server = new LoopbackHttpServer("flex-token-emulator", 8, 64, this::handle);
  }

  /**
   * Starts an emulator with the default credentials and the system clock.
   *
   * @return the running emulator; close it when done
   */
  public static FlexTokenEmulator start() {
    return start(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, Clock.systemUTC());
  }

  /**
   * Starts an emulator.
   *
   * @param accountSid the account it validates for
   * @param authToken the auth token it accepts
   * @param clock decides when tokens expire
   * @return the running emulator; close it when done
   */
  public static FlexTokenEmulator start(String accountSid, String authToken, Clock clock) {
    try {
      return new FlexTokenEmulator(Objects.requireNonNull(accountSid, "accountSid"),
          Objects.requireNonNull(authToken, "authToken"), Objects.requireNonNull(clock, "clock"));
    } catch (IOException e) {
      throw new IllegalStateException("could not bind a loopback port", e);
    }
  }

  /**
   * Issues a token of this account, valid for {@link #DEFAULT_TTL}.
   *
   * @param identity the Flex identity (also its realm user id)
   * @param roles Flex roles, e.g. {@code supervisor}
   * @return the token, shaped like a JWE (five Base64url parts)
   */
  public String issue(String identity, String... roles) {
    return issue(accountSid, identity, DEFAULT_TTL, roles);
  }

  /**
   * Issues a token.
   *
   * @param account the account the token belongs to; another account's tokens are refused here
   * @param identity the Flex identity
   * @param ttl how long it is valid from now on the emulator's clock (negative: already expired)
   * @param roles Flex roles
   * @return the token
   */
  public String issue(String account, String identity, Duration ttl, String... roles) {
    Objects.requireNonNull(identity, "identity");
    byte[] parts = new byte[48];
    RANDOM.nextBytes(parts);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String token = "eyJ6aXAiOiJERUYiLCJraWQiOiJTQVNfUzMiLCJjdHkiOiJ0d2lsaW8tZnBhO3Y9MSIsImVuYyI6IkExMjhHQ00iLCJhbGciOiJkaXIifQ.."
        + b64.encodeToString(java.util.Arrays.copyOfRange(parts, 0, 12)) + "."
        + b64.encodeToString(java.util.Arrays.copyOfRange(parts, 12, 32)) + "."
        + b64.encodeToString(java.util.Arrays.copyOfRange(parts, 32, 48));
    tokens.put(token, new Issued(account, identity, List.of(roles), clock.instant().plus(ttl)));
    return token;
  }

  /**
   * Makes {@code token} invalid from now on, as a logout does.
   *
   * @param token a token issued here
   */
  public void revoke(String token) {
    tokens.remove(token);
  }

  /**
   * Answers the next {@code count} requests with {@code status} and a Twilio error body.
   *
   * @param count how many requests fail
   * @param status e.g. 503, 500, 429, 401
   */
  public void failNext(int count, int status) {
    this.failureStatus = status;
    this.failures.set(count);
  }

  /**
   * Answers {@code valid: false} (an expired, revoked or unknown token) with {@code status}
   * instead of 200, the body unchanged: Twilio's validation has been seen answering a refused
   * token with 401 or 403 and that body, which a validator must take for the user's 401, not for
   * its own credentials being refused.
   *
   * @param status 200, 400, 401 or 403
   */
  public void answerRefusalsWith(int status) {
    if (status != 200 && status != 400 && status != 401 && status != 403) {
      throw new IllegalArgumentException("status must be 200, 400, 401 or 403");
    }
    this.refusalStatus = status;
  }

  /**
   * Accepts the API key {@code keySid} with {@code secret} as credentials of this account too (basic
   * auth user name and password), as Twilio accepts an account's API keys.
   *
   * @param keySid the key SID ({@code SK…})
   * @param secret its secret
   */
  public void addApiKey(String keySid, String secret) {
    apiKeys.put(Objects.requireNonNull(keySid, "keySid"), Objects.requireNonNull(secret, "secret"));
  }

  /**
   * Holds every answer from now on until {@link #resume()}: requests arrive (and are counted) but
   * wait, so a test can line up concurrent callers behind one call.
   */
  public void hold() {
    held = new java.util.concurrent.CountDownLatch(1);
  }

  /** Lets held requests, and those after them, be answered. */
  public void resume() {
    java.util.concurrent.CountDownLatch h = held;
    held = null;
    if (h != null) {
      h.countDown();
    }
  }

  /**
   * A validator builder with this emulator's account and auth token, sending to this emulator:
   * the same JDK HTTP client and call cap production uses, only the endpoint differs.
   *
   * @return the builder; add options, then {@code build()}
   */
  public TwilioFlexTokenValidator.Builder validatorBuilder() {
    return TwilioFlexTokenValidator.withAuthToken(accountSid, authToken)
        .endpoint(java.net.URI.create("http://127.0.0.1:" + port()));
  }

  /**
   * The worker SID the emulator gives {@code identity}: {@code WK} and 32 hex digits derived from it.
   *
   * @param identity the identity
   * @return the worker SID
   */
  public static String workerSid(String identity) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "WK" + HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How many HTTP requests arrived, refused and failed ones included.
   *
   * @return the count
   */
  public int requestCount() {
    return requests.get();
  }

  /**
   * The port on 127.0.0.1.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * A twilio-java client with this emulator's account and auth token whose requests all come here
   * (to whatever host twilio-java addresses; set no region or edge). Apache HttpClient's automatic
   * retries are off, so every exchange is seen and counted; twilio-java's own 5xx loop is left on,
   * so tests can show what a validator that does not bypass it would send.
   *
   * @return the client
   */
  public TwilioRestClient restClient() {
    return restClient(accountSid, authToken);
  }

  /**
   * Like {@link #restClient()}, with other credentials.
   *
   * @param username the account SID
   * @param password the auth token
   * @return the client
   */
  public TwilioRestClient restClient(String username, String password) {
    HttpClientBuilder http = HttpClientBuilder.create()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofSeconds(5))
                .setSocketTimeout(Timeout.ofSeconds(10))
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
        .disableAutomaticRetries();
    return new TwilioRestClient.Builder(username, password)
        .accountSid(username)
        .httpClient(new NetworkHttpClient(route(http)))
        .build();
  }

  /**
   * Sends every request {@code builder}'s client makes to this emulator, whatever host it
   * addresses, and changes nothing else.
   *
   * @param builder the Apache HttpClient 5 builder to route here
   * @return {@code builder}, with its route planner set
   */
  public HttpClientBuilder route(HttpClientBuilder builder) {
    HttpHost local = new HttpHost("http", "127.0.0.1", port());
    return builder.setRoutePlanner((target, context) -> new HttpRoute(local));
  }

  /**
   * Sends requests to Twilio's token host ({@code iam.twilio.com}) to this emulator and every
   * other request to {@code taskRouter}: one client for an application that attaches media and
   * serves playback, as a Spring Boot test or a local run needs.
   *
   * @param builder the Apache HttpClient 5 builder to route
   * @param taskRouter where every request not for {@code iam.*} goes
   * @return {@code builder}, with its route planner set
   */
  public HttpClientBuilder route(HttpClientBuilder builder, LocalTaskRouterServer taskRouter) {
    HttpHost iam = new HttpHost("http", "127.0.0.1", port());
    HttpHost rest = new HttpHost("http", "127.0.0.1", taskRouter.port());
    return builder.setRoutePlanner((target, context) ->
        new HttpRoute(target.getHostName().startsWith("iam.") ? iam : rest));
  }

  /** Stops the emulator at once. */
  @Override
  public void close() {
    resume();
    server.close();
  }

  @Override
  public String toString() {
    return "FlexTokenEmulator[port=" + port() + ", tokens=" + tokens.size() + "]";
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      java.util.concurrent.CountDownLatch h = held;
      if (h != null) {
        try {
          h.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        error(exchange, failureStatus, failureStatus == 429 ? 20429 : 20500, "Injected failure");
        return;
      }
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
      String given = exchange.getRequestHeaders().getFirst("Authorization");
      boolean apiKey = apiKeys.entrySet().stream().anyMatch(k -> ("Basic " + Base64.getEncoder().encodeToString(
          (k.getKey() + ":" + k.getValue()).getBytes(StandardCharsets.UTF_8))).equals(given));
      if (!expected.equals(given) && !apiKey) {
        error(exchange, 401, 20003, "Authenticate");
        return;
      }
      Matcher m = VALIDATE.matcher(exchange.getRequestURI().getPath());
      if (!m.matches() || !m.group(1).equals(accountSid)) {
        error(exchange, 404, 20404, "The requested resource was not found");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        error(exchange, 405, 20004, "Method not allowed");
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      JsonNode json;
      try {
        json = contentType != null && contentType.startsWith("application/json") ? JSON.readTree(body) : null;
      } catch (IOException e) {
        json = null;
      }
      if (json == null || !json.path("token").isTextual()) {
        error(exchange, 400, 20001, "Missing required parameter token");
        return;
      }
      ObjectNode answer = answer(json.get("token").textValue());
      send(exchange, answer.get("valid").booleanValue() ? 200 : refusalStatus, answer);
    }
  }

  private ObjectNode answer(String token) {
    ObjectNode out = JSON.createObjectNode();
    Issued issued = tokens.get(token);
    if (issued == null || !issued.account.equals(accountSid)) {
      return out.put("valid", false).put("code", 20101).put("message", "Invalid Access Token");
    }
    if (!clock.instant().isBefore(issued.expiration)) {
      return out.put("valid", false).put("code", 20104).put("message", "Access Token expired");
    }
    out.put("valid", true).put("code", 0).putNull("message");
    out.put("expiration", issued.expiration.toString());
    out.put("realm_user_id", issued.identity);
    out.put("identity", issued.identity);
    out.putArray("roles").addAll(issued.roles.stream().map(JSON.getNodeFactory()::textNode).toList());
    out.put("worker_sid", workerSid(issued.identity));
    out.put("flex_instance_sid", FLEX_INSTANCE_SID);
    return out;
  }

  private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("code", code);
    json.put("message", message);
    json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    json.put("status", status);
    send(exchange, status, json);
  }

  private static void send(HttpExchange exchange, int status, ObjectNode json) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(json);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final class Issued {
    final String account;
    final String identity;
    final List<String> roles;
    final Instant expiration;

    Issued(String account, String identity, List<String> roles, Instant expiration) {
      this.account = account;
      this.identity = identity;
      this.roles = roles;
      this.expiration = expiration;
    }
  }
}
