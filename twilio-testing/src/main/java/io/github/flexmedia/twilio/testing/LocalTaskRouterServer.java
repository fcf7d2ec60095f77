package io.github.flexmedia.twilio.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TaskSnapshot;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

/**
 * A TaskRouter emulator on loopback: the part of the TaskRouter v1 REST API flex-media uses, so
 * that the real twilio-java stack can be exercised without the internet or an account.
 *
 * <ul>
 *   <li>{@code GET /v1/Workspaces/{WS}/Tasks/{WT}} and {@code POST} to the same path with a
 *       form-encoded {@code Attributes} and an optional {@code If-Match} header (412 on mismatch);
 *   <li>{@code POST /v1/Workspaces/{WS}/Tasks} with {@code WorkflowSid} and {@code Attributes};
 *   <li>an {@code ETag} on every task response, Twilio-shaped JSON bodies and error bodies, HTTP
 *       basic authentication checked against the account SID and auth token;
 *   <li>the {@link InMemoryTaskRouter}'s state and fault injection (see {@link #router()}): a
 *       fault answers with Twilio's status, error body and {@code Retry-After}; a timeout drops
 *       the connection; an {@link Fault#afterWrite()} fault answers after the write was stored;
 *       plus an optional latency added to every request;
 *   <li>the router's {@linkplain InMemoryTaskRouter#rateLimit(TokenBucket) rate limit}: a request
 *       the bucket refuses is answered 429 with a whole-second {@code Retry-After}, after the
 *       latency, as TaskRouter answers.
 * </ul>
 *
 * <pre>{@code
 * try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
 *   server.router().putTask(WS, WT, "{}");
 *   TaskRouterClient client = new TwilioTaskRouterClient(server.restClient());
 *   MediaAttacher.builder(client).build().attach(WS, WT, media);
 * }
 * }</pre>
 *
 * <p>Binds 127.0.0.1 on an ephemeral port.
 *
 * <p>Latency switch: run the tests with {@code -Dsun.net.httpserver.nodelay=true} (for example in
 * Surefire's {@code systemPropertyVariables}). The JDK server reads it once, when its first server
 * class loads, and without it Nagle's algorithm against the client's delayed ACK makes each
 * loopback exchange take about 40 ms instead of well under a millisecond (see the README's testing
 * section for the measurement). This class sets no system property itself.
 */
public final class LocalTaskRouterServer implements AutoCloseable {
  /** The account SID the server accepts by default. */
  public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000";
  /** The auth token the server accepts by default. */
  public static final String DEFAULT_AUTH_TOKEN = "local-emulator-token";

  private static final Pattern TASK = Pattern.compile("/v1/Workspaces/(WS[0-9a-fA-F]{32})/Tasks/(WT[0-9a-fA-F]{32})");
  private static final Pattern TASKS = Pattern.compile("/v1/Workspaces/(WS[0-9a-fA-F]{32})/Tasks");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryTaskRouter router;
  private final String accountSid;
  private final String authToken;
  private final LoopbackHttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;

  private LocalTaskRouterServer(InMemoryTaskRouter router, String accountSid, String authToken)
      throws IOException {
    this.router = router;
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.server = new LoopbackHttpServer("local-taskrouter", 64, 128, this::handle);
  }

  /**
   * Starts a server with a new, empty router and the default credentials.
   *
   * @return the running server; close it when done
   */
  public static LocalTaskRouterServer start() {
    return start(new InMemoryTaskRouter(), DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
  }

  /**
   * Starts a server over {@code router}, accepting only these credentials.
   *
   * @param accountSid the account SID the server accepts
   * @param authToken the auth token the server accepts
   * @param router the router holding the task
   * @return the running server; close it when done
   */
  public static LocalTaskRouterServer start(
      InMemoryTaskRouter router, String accountSid, String authToken) {
    try {
      return new LocalTaskRouterServer(Objects.requireNonNull(router, "router"),
          Objects.requireNonNull(accountSid, "accountSid"), Objects.requireNonNull(authToken, "authToken"));
    } catch (IOException e) {
      throw new IllegalStateException("could not bind a loopback port", e);
    }
  }

  /**
   * The state and faults behind the server.
   *
   * @return the state and faults behind the server
   */
  public InMemoryTaskRouter router() {
    return router;
  }

  /**
   * The port on 127.0.0.1.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return server.port();
  }

  /**
   * How many HTTP requests arrived (including refused and faulted ones).
   *
   * @return how many HTTP requests arrived (including refused and faulted ones)
   */
  public int requestCount() {
    return requests.get();
  }

  /**
   * Delays every answer by {@code latency} (zero by default), to model a remote TaskRouter.
   *
   * @param latency the delay added to every answer
   * @return this server
   */
  public LocalTaskRouterServer latency(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
    return this;
  }

  /**
   * A twilio-java client, with this server's credentials, whose requests all come here.
   *
   * @return a twilio-java client, with this server's credentials, whose requests all come here
   */
  public TwilioRestClient restClient() {
    return restClient(accountSid, authToken);
  }

  /**
   * A twilio-java client with the given credentials whose requests all come to this server,
   * whatever host twilio-java addresses (do not set a region or an edge: twilio-java rewrites
   * hosts with them).
   *
   * <p>It is the client {@link TwilioTaskRouterClient#fromEnvironment()} builds, with only the
   * route changed: {@link TwilioTaskRouterClient#singleAttemptHttpClient} (one HTTP exchange per
   * call; 10 s connect and 30 s response timeouts) over twilio-java's default pool. So tests run
   * the production stack, and every fault injected here reaches {@code MediaAttacher} once.
   *
   * @param password the auth token or API key secret
   * @param username the account SID or API key SID to authenticate with
   * @return a twilio-java client whose requests all come to this server
   */
  public TwilioRestClient restClient(String username, String password) {
    return new TwilioRestClient.Builder(username, password)
        .accountSid(accountSid)
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(
            route(TwilioTaskRouterClient.defaultHttpClientBuilder())))
        .build();
  }

  /**
   * Sends every request {@code builder}'s client makes to this server, whatever host it
   * addresses, and changes nothing else: for testing your own HTTP configuration (or twilio-java's
   * default {@code new NetworkHttpClient(route(HttpClientBuilder.create()))}) against the emulator.
   *
   * @param builder the Apache HttpClient 5 builder to route here
   * @return {@code builder}, with its route planner set
   */
  public HttpClientBuilder route(HttpClientBuilder builder) {
    HttpHost local = new HttpHost("http", "127.0.0.1", port());
    return builder.setRoutePlanner((target, context) -> new HttpRoute(local));
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.close();
  }

  // --- HTTP ----------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      Duration delay = latency;
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (!authorized(exchange)) {
        error(exchange, 401, 20003, "Authenticate", null);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher task = TASK.matcher(path);
      Matcher tasks = TASKS.matcher(path);
      try {
        if (task.matches() && method.equals("GET")) {
          ok(exchange, 200, router.fetchTask(task.group(1), task.group(2)));
        } else if (task.matches() && method.equals("POST")) {
          Map<String, String> form = form(body);
          String attributes = form.get("Attributes");
          if (attributes == null) {
            error(exchange, 400, 20001, "Missing required parameter Attributes", null);
            return;
          }
          String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
          ok(exchange, 200, router.updateTaskAttributes(task.group(1), task.group(2), attributes, ifMatch));
        } else if (tasks.matches() && method.equals("POST")) {
          Map<String, String> form = form(body);
          String attributes = form.getOrDefault("Attributes", "{}");
          ok(exchange, 201, router.createTask(tasks.group(1), form.get("WorkflowSid"), attributes));
        } else {
          error(exchange, 404, 20404, "The requested resource " + path + " was not found", null);
        }
      } catch (TaskRouterException e) {
        if (e.statusCode() == 0) {
          // A timeout fault (possibly after the write was stored): drop the connection unanswered.
          throw new IOException("fault injected: no response");
        }
        error(exchange, e.statusCode(), e.errorCode(), twilioMessage(e.statusCode()),
            e.retryAfter().orElse(null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    return expected.equals(header);
  }

  private static String twilioMessage(int status) {
    switch (status) {
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "The requested resource was not found";
      case 412: return "Task has been modified since the version specified by If-Match";
      case 429: return "Too Many Requests";
      case 400: return "Invalid Attributes: must be a JSON object of at most 4096 characters";
      case 503: return "Service Unavailable";
      default: return status >= 500 ? "Internal Server Error" : "Error";
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> params = new HashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return params;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(k, v);
    }
    return params;
  }

  private void ok(HttpExchange exchange, int status, TaskSnapshot task) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("account_sid", accountSid);
    json.put("workspace_sid", task.workspaceSid());
    json.put("sid", task.taskSid());
    json.put("attributes", task.attributesJson());
    json.put("assignment_status", task.assignmentStatus());
    json.put("task_channel_unique_name", task.taskChannel());
    json.put("priority", 0);
    json.put("timeout", 86400);
    json.put("url", "https://taskrouter.twilio.com/v1/Workspaces/" + task.workspaceSid() + "/Tasks/" + task.taskSid());
    if (task.etag() != null) {
      exchange.getResponseHeaders().set("ETag", task.etag());
    }
    send(exchange, status, JSON.writeValueAsBytes(json));
  }

  private static void error(HttpExchange exchange, int status, int code, String message, Duration retryAfter)
      throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("code", code);
    json.put("message", message);
    json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    json.put("status", status);
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
    }
    send(exchange, status, JSON.writeValueAsBytes(json));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
