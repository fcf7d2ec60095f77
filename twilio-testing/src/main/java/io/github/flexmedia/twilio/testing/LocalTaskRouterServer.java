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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
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
 *   <li>{@code POST /v1/Workspaces/{WS}/Tasks} with {@code WorkflowSid} (checked against the
 *       router's {@linkplain InMemoryTaskRouter#registerWorkflow registered workflows}), {@code
 *       Attributes}, and {@code Timeout}, {@code Priority}, {@code TaskChannel} within the bounds
 *       of Twilio's API description (400, error 20001, naming the parameter, otherwise);
 *   <li>task responses with all 24 fields of twilio-oai's Task schema, dates in ISO 8601;
 *   <li>an {@code ETag} on every task response, Twilio-shaped JSON bodies and error bodies, HTTP
 *       basic authentication checked against the account SID and auth token;
 *   <li>the {@link InMemoryTaskRouter}'s state and fault injection (see {@link #router()}): a
 *       fault answers with Twilio's status, error body and {@code Retry-After}; a timeout drops
 *       the connection; an {@link Fault#afterWrite()} fault answers after the write was stored;
 *       plus an optional latency added to every request;
 *   <li>the router's {@linkplain InMemoryTaskRouter#rateLimit(TokenBucket) rate limit}: a request
 *       the bucket refuses is answered 429 with error 20429 (Twilio, "TaskRouter API rate
 *       limits"), with a whole-second {@code Retry-After} unless the bucket was made {@link
 *       TokenBucket#withoutRetryAfter()} (Twilio does not promise the header), after the latency.
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
  /**
   * The auth token the server accepts by default: 32 hex digits, the shape the starter's credential
   * check requires (the shape of the Console's tokens; no Twilio document states it, so the rule is
   * the starter's own, and this value passes it).
   */
  public static final String DEFAULT_AUTH_TOKEN = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";

  private static final Pattern TASK = Pattern.compile("/v1/Workspaces/(WS[0-9a-fA-F]{32})/Tasks/(WT[0-9a-fA-F]{32})");
  private static final Pattern TASKS = Pattern.compile("/v1/Workspaces/(WS[0-9a-fA-F]{32})/Tasks");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK_CHANNEL =
      Pattern.compile("TC[0-9a-fA-F]{32}|[A-Za-z0-9_]{1,64}");
  private static final String QUEUE_SID = "WQ00000000000000000000000000000000";
  /** Reported for a task seeded with {@code putTask}, which names no workflow. */
  private static final String DEFAULT_WORKFLOW_SID = "WW00000000000000000000000000000000";

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
        // 401 with 20003 "Authenticate" (Twilio's error dictionary).
        error(exchange, 401, 20003, "Authenticate", null);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher task = TASK.matcher(path);
      Matcher tasks = TASKS.matcher(path);
      try {
        if (task.matches() && method.equals("GET")) {
          ok(exchange, 200, router.fetch(task.group(1), task.group(2)));
        } else if (task.matches() && method.equals("POST")) {
          Map<String, String> form = form(body);
          String attributes = form.get("Attributes");
          if (attributes == null) {
            error(exchange, 400, 20001, "Missing required parameter Attributes", null);
            return;
          }
          String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
          ok(exchange, 200, router.update(task.group(1), task.group(2), attributes, ifMatch));
        } else if (tasks.matches() && method.equals("POST")) {
          Map<String, String> form = form(body);
          String attributes = form.getOrDefault("Attributes", "{}");
          InMemoryTaskRouter.CreateOptions options;
          try {
            options = createOptions(form);
          } catch (IllegalArgumentException invalid) {
            error(exchange, 400, 20001, invalid.getMessage(), null);
            return;
          }
          ok(exchange, 201, router.create(tasks.group(1), form.get("WorkflowSid"), attributes, options));
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
      case 401: return "Authenticate"; // Twilio's error dictionary, 20003
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

  /**
   * Create's optional parameters, held to the bounds twilio-oai gives them: {@code Timeout} "up
   * to a maximum of 2 weeks (1,209,600 seconds)"; {@code Priority} "0 to 2^31^ (2,147,483,647)";
   * {@code TaskChannel} a unique name or a {@code TC} SID (Twilio, "Task Channel resource": unique
   * names do not support hyphens).
   */
  private static InMemoryTaskRouter.CreateOptions createOptions(Map<String, String> form) {
    Integer timeout = integer(form, "Timeout", 1, InMemoryTaskRouter.MAX_TIMEOUT);
    Integer priority = integer(form, "Priority", 0, Integer.MAX_VALUE);
    String channel = form.get("TaskChannel");
    if (channel != null && !TASK_CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException(
          "Invalid TaskChannel: must be a TaskChannel unique name or its TC SID");
    }
    return new InMemoryTaskRouter.CreateOptions(timeout, priority, channel);
  }

  private static Integer integer(Map<String, String> form, String name, int min, int max) {
    String value = form.get(name);
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException notAnInteger) {
      // the message below
    }
    throw new IllegalArgumentException(
        "Invalid " + name + ": must be an integer from " + min + " to " + max);
  }

  /**
   * The Task resource as twilio-oai's {@code taskrouter.v1.workspace.task} schema describes it,
   * all 24 fields. Dates are ISO 8601 in UTC ({@code format: date-time}); fields the emulator has
   * no model for (queue, add-ons) carry fixed, well-formed values; {@code reason} and {@code
   * routing_target} are null, as for a task created without them.
   */
  private void ok(HttpExchange exchange, int status, InMemoryTaskRouter.Resource resource)
      throws IOException {
    TaskSnapshot task = resource.task();
    String url = "https://taskrouter.twilio.com/v1/Workspaces/" + task.workspaceSid() + "/Tasks/"
        + task.taskSid();
    ObjectNode json = JSON.createObjectNode();
    json.put("account_sid", accountSid);
    json.put("age", resource.age());
    json.put("assignment_status", task.assignmentStatus());
    json.put("attributes", task.attributesJson());
    json.put("addons", "{}");
    json.put("date_created", date(resource.dateCreated()));
    json.put("date_updated", date(resource.dateUpdated()));
    json.put("task_queue_entered_date", date(resource.dateCreated()));
    json.put("priority", resource.priority());
    json.putNull("reason");
    json.put("sid", task.taskSid());
    json.put("task_queue_sid", QUEUE_SID);
    json.put("task_queue_friendly_name", "Everyone");
    json.put("task_channel_sid", channelSid(task.taskChannel()));
    json.put("task_channel_unique_name", task.taskChannel());
    json.put("timeout", resource.timeout());
    json.put("workflow_sid", resource.workflowSid() != null ? resource.workflowSid() : DEFAULT_WORKFLOW_SID);
    json.put("workflow_friendly_name",
        resource.workflowFriendlyName() != null ? resource.workflowFriendlyName() : "Workflow");
    json.put("workspace_sid", task.workspaceSid());
    json.put("url", url);
    ObjectNode links = json.putObject("links");
    links.put("reservations", url + "/Reservations");
    links.put("workspace", "https://taskrouter.twilio.com/v1/Workspaces/" + task.workspaceSid());
    links.put("workflow", "https://taskrouter.twilio.com/v1/Workspaces/" + task.workspaceSid()
        + "/Workflows/" + json.get("workflow_sid").asText());
    json.put("virtual_start_time", date(resource.dateCreated()));
    json.put("ignore_capacity", false);
    json.putNull("routing_target");
    if (task.etag() != null) {
      exchange.getResponseHeaders().set("ETag", task.etag());
    }
    send(exchange, status, JSON.writeValueAsBytes(json));
  }

  private static String date(java.time.Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** A stable {@code TC} SID per channel name, since the emulator keeps no channel resources. */
  private static String channelSid(String channel) {
    if (channel != null && channel.startsWith("TC") && channel.length() == 34) {
      return channel;
    }
    String hex = String.format(Locale.ROOT, "%08x", channel == null ? 0 : channel.hashCode());
    return "TC" + "0".repeat(24) + hex;
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
