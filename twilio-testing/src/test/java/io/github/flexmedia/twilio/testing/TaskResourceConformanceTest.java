package io.github.flexmedia.twilio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Holds the emulator to Twilio's published API description: the Task resource schema and the
 * fetch, create and update operations of twilio/twilio-oai {@code twilio_taskrouter_v1.json},
 * vendored in {@code src/test/resources/twilio-oai} (commit and licence in its NOTICE.md). Every
 * response the emulator gives must have exactly the schema's fields, each of its type, pattern
 * and format; twilio-java's {@code Task.fromJson} must fill each getter from it; and every request
 * parameter the adapter sends must be one the operation declares, with a value its schema allows.
 * The emulator offers no list operation, so there is none to check.
 */
@Timeout(60)
class TaskResourceConformanceTest {
  private static final String WS = "WS0123456789abcdef0123456789abcdef";
  private static final String WT = "WT0123456789abcdef0123456789abcdef";
  private static final String WW = "WW0123456789abcdef0123456789abcdef";
  private static final String TASKS = "/v1/Workspaces/{WorkspaceSid}/Tasks";
  private static final String TASK = "/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}";
  /** The fields twilio-java may leave null: the emulator's task was created without them. */
  private static final Set<String> NULL_WHEN_NOT_GIVEN = Set.of("reason", "routing_target");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode spec;
  private LocalTaskRouterServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws IOException {
    if (spec == null) {
      try (InputStream in = getClass().getResourceAsStream(
          "/twilio-oai/twilio_taskrouter_v1_task.json")) {
        spec = JSON.readTree(in);
      }
    }
    server = LocalTaskRouterServer.start();
    server.router().registerWorkflow(WS, WW);
    server.router().putTask(WS, WT, "{\"type\":\"inbound\"}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonNode taskSchema() {
    return spec.path("components").path("schemas").path("taskrouter.v1.workspace.task");
  }

  @Test
  void fetchAnswersTheTaskResourceAsTwilioDescribesIt() throws Exception {
    HttpResponse<String> r = send(request(path(WT)).GET().build());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(violations(JSON.readTree(r.body()))).isEmpty();
  }

  @Test
  void createAnswersTheTaskResourceAsTwilioDescribesIt() throws Exception {
    HttpResponse<String> r = send(request("/v1/Workspaces/" + WS + "/Tasks")
        .POST(form("WorkflowSid=" + WW + "&Attributes=%7B%7D&Timeout=1209600&Priority=5"
            + "&TaskChannel=voice"))
        .build());

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode task = JSON.readTree(r.body());
    assertThat(violations(task)).isEmpty();
    assertThat(task.path("workflow_sid").asText()).isEqualTo(WW);
    assertThat(task.path("timeout").asInt()).isEqualTo(1_209_600);
    assertThat(task.path("priority").asInt()).isEqualTo(5);
    assertThat(task.path("task_channel_unique_name").asText()).isEqualTo("voice");
  }

  @Test
  void updateAnswersTheTaskResourceAsTwilioDescribesIt() throws Exception {
    HttpResponse<String> r = send(request(path(WT)).header("If-Match", "\"1\"")
        .POST(form("Attributes=%7B%22a%22%3A1%7D")).build());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(violations(JSON.readTree(r.body()))).isEmpty();
  }

  @Test
  void theCheckSeesAMissingAWrongAndAnUnknownField() throws Exception {
    JsonNode good = JSON.readTree(send(request(path(WT)).GET().build()).body());
    var missing = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) missing).remove("workflow_sid");
    var wrong = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) wrong).put("date_created", "Mon, 1 Jan 2024");
    var unknown = good.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) unknown).put("queue", "x");

    assertThat(violations(missing)).containsExactly("workflow_sid: missing");
    assertThat(violations(wrong)).singleElement().asString().startsWith("date_created: not a date-time");
    assertThat(violations(unknown)).containsExactly("queue: not in Twilio's Task schema");
  }

  @Test
  void twilioJavaFillsEveryGetterFromTheEmulatorsJson() throws Exception {
    JsonNode json = JSON.readTree(send(request(path(WT)).GET().build()).body());
    Task task = Task.fetcher(WS, WT).fetch(server.restClient());

    List<String> empty = new ArrayList<>();
    for (Iterator<String> it = taskSchema().path("properties").fieldNames(); it.hasNext(); ) {
      String field = it.next();
      Method getter = Task.class.getMethod("get" + camel(field));
      Object value = getter.invoke(task);
      if (value == null && !(NULL_WHEN_NOT_GIVEN.contains(field) && json.path(field).isNull())) {
        empty.add(field);
      }
    }
    assertThat(empty).as("getters twilio-java left null").isEmpty();
    assertThat(task.getWorkflowSid()).isEqualTo(json.path("workflow_sid").asText());
    assertThat(task.getDateCreated().toInstant().toString())
        .isEqualTo(json.path("date_created").asText());
    assertThat(task.getLinks()).containsKey("reservations");
    assertThat(task.getAssignmentStatus()).hasToString("pending");
  }

  /**
   * The adapter's own requests: a recording server stands where TaskRouter would, and each
   * request's path, header and form parameters are looked up in the operation twilio-oai declares.
   */
  @Test
  void everyParameterTheAdapterSendsIsOneTheOperationDeclares() throws Exception {
    List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    HttpServer recorder = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    recorder.createContext("/", exchange -> {
      Map<String, String> call = new LinkedHashMap<>();
      call.put(":method", exchange.getRequestMethod());
      call.put(":path", exchange.getRequestURI().getPath());
      String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
      if (ifMatch != null) {
        call.put("header:If-Match", ifMatch);
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
        int eq = pair.indexOf('=');
        call.put("form:" + URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      seen.add(call);
      byte[] answer = ("{\"sid\":\"" + WT + "\",\"workspace_sid\":\"" + WS
          + "\",\"attributes\":\"{}\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 201,
          answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    recorder.start();
    try {
      HttpHost local = new HttpHost("http", "127.0.0.1", recorder.getAddress().getPort());
      TwilioRestClient rest = new TwilioRestClient.Builder(
          LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, "token")
          .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(
              TwilioTaskRouterClient.defaultHttpClientBuilder()
                  .setRoutePlanner((target, context) -> new HttpRoute(local))))
          .build();
      TwilioTaskRouterClient client = new TwilioTaskRouterClient(rest);

      client.fetchTask(WS, WT);
      client.updateTaskAttributes(WS, WT, "{\"a\":1}", "\"1\"");
      client.updateTaskAttributes(WS, WT, "{\"a\":2}", null);
      client.createTask(WS, WW, "{\"type\":\"ticket\"}");
    } finally {
      recorder.stop(0);
    }

    assertThat(seen).hasSize(4);
    List<String> problems = new ArrayList<>();
    for (Map<String, String> call : seen) {
      problems.addAll(requestViolations(call));
    }
    assertThat(problems).isEmpty();
    assertThat(seen.get(1)).containsKeys("form:Attributes", "header:If-Match");
    assertThat(seen.get(3)).containsKeys("form:WorkflowSid", "form:Attributes");
  }

  @Test
  void theRequestCheckSeesAParameterTheOperationDoesNotDeclare() {
    Map<String, String> call = Map.of(":method", "POST", ":path", "/v1/Workspaces/" + WS + "/Tasks",
        "form:WorkflowSid", "WWnot-a-sid", "form:Attribute", "{}");

    assertThat(requestViolations(call)).containsExactlyInAnyOrder(
        "POST " + TASKS + ": WorkflowSid does not match ^WW[0-9a-fA-F]{32}$",
        "POST " + TASKS + ": form parameter Attribute is not declared");
  }

  // --- the checks ----------------------------------------------------------------------------

  /** Each way {@code task} departs from twilio-oai's Task schema, as "field: problem". */
  static List<String> violations(JsonNode task) {
    List<String> out = new ArrayList<>();
    JsonNode properties = taskSchema().path("properties");
    Set<String> declared = new HashSet<>();
    properties.fieldNames().forEachRemaining(declared::add);
    task.fieldNames().forEachRemaining(f -> {
      if (!declared.contains(f)) {
        out.add(f + ": not in Twilio's Task schema");
      }
    });
    for (String field : declared) {
      if (!task.has(field)) {
        out.add(field + ": missing");
        continue;
      }
      String problem = valueProblem(properties.path(field), task.get(field));
      if (problem != null) {
        out.add(field + ": " + problem);
      }
    }
    return out;
  }

  private static String valueProblem(JsonNode schema, JsonNode value) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      schema = spec.path("components").path("schemas").path(name);
    }
    if (value.isNull()) {
      return schema.path("nullable").asBoolean(false) ? null : "null but not nullable";
    }
    String type = schema.path("type").asText();
    switch (type) {
      case "integer":
        return value.isIntegralNumber() ? null : "not an integer";
      case "boolean":
        return value.isBoolean() ? null : "not a boolean";
      case "object":
        if (!value.isObject()) {
          return "not an object";
        }
        if ("uri-map".equals(schema.path("format").asText())) {
          for (JsonNode uri : value) {
            if (!uri.isTextual() || !URI.create(uri.asText()).isAbsolute()) {
              return "not a map of absolute URIs";
            }
          }
        }
        return null;
      case "string":
        if (!value.isTextual()) {
          return "not a string";
        }
        return stringProblem(schema, value.asText());
      default:
        return "schema type " + type + " not understood by this test";
    }
  }

  private static String stringProblem(JsonNode schema, String s) {
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode e : schema.get("enum")) {
        listed |= e.asText().equals(s);
      }
      if (!listed) {
        return "not one of " + schema.get("enum");
      }
    }
    if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
      return "does not match " + schema.get("pattern").asText();
    }
    if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()
        || schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
      return "length " + s.length() + " out of bounds";
    }
    String format = schema.path("format").asText();
    if (format.equals("date-time")) {
      try {
        OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (RuntimeException e) {
        return "not a date-time (RFC 3339): " + s;
      }
    } else if (format.equals("uri") && !URI.create(s).isAbsolute()) {
      return "not an absolute URI";
    }
    return null;
  }

  /** Each way one recorded request departs from its operation in twilio-oai. */
  static List<String> requestViolations(Map<String, String> call) {
    String method = call.get(":method");
    String actual = call.get(":path");
    String template = actual.matches("/v1/Workspaces/[^/]+/Tasks") ? TASKS
        : actual.matches("/v1/Workspaces/[^/]+/Tasks/[^/]+") ? TASK : null;
    if (template == null) {
      return List.of(method + " " + actual + ": no such operation in the excerpt");
    }
    String op = method + " " + template;
    JsonNode operation = spec.path("paths").path(template).path(method.toLowerCase());
    if (operation.isMissingNode()) {
      return List.of(op + ": not an operation Twilio declares");
    }
    List<String> out = new ArrayList<>();
    Map<String, JsonNode> declared = new LinkedHashMap<>();
    for (JsonNode p : operation.path("parameters")) {
      declared.put(p.path("in").asText() + ":" + p.path("name").asText(), p.path("schema"));
    }
    operation.path("requestBody").path("content").path("application/x-www-form-urlencoded")
        .path("schema").path("properties").fields()
        .forEachRemaining(e -> declared.put("form:" + e.getKey(), e.getValue()));
    String[] segments = actual.split("/");
    call.forEach((k, v) -> {
      if (k.startsWith(":")) {
        return;
      }
      JsonNode schema = declared.get(k);
      if (schema == null) {
        out.add(op + ": " + k.replace(":", " parameter ") + " is not declared");
      } else {
        String problem = stringProblem(schema, v);
        if (problem != null) {
          out.add(op + ": " + k.substring(k.indexOf(':') + 1) + " " + problem);
        }
      }
    });
    String p = stringProblem(declared.get("path:WorkspaceSid"), segments[3]);
    if (p != null) {
      out.add(op + ": WorkspaceSid " + p);
    }
    if (template.equals(TASK)) {
      p = stringProblem(declared.get("path:Sid"), segments[5]);
      if (p != null) {
        out.add(op + ": Sid " + p);
      }
    }
    return out;
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String camel(String field) {
    StringBuilder b = new StringBuilder();
    for (String part : field.split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  private static String path(String taskSid) {
    return "/v1/Workspaces/" + WS + "/Tasks/" + taskSid;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (LocalTaskRouterServer.DEFAULT_ACCOUNT_SID + ":"
                + LocalTaskRouterServer.DEFAULT_AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpRequest.BodyPublisher form(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(HttpRequest.newBuilder(r, (n, v) -> true)
        .header("Content-Type", "application/x-www-form-urlencoded").build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
