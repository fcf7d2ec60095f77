package io.github.flexmedia.twilio;

import com.twilio.base.TwilioResponse;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskUpdater;
import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.internal.http.CapturingRestClient;
import io.github.flexmedia.twilio.internal.http.ErrorMapping;
import io.github.flexmedia.twilio.internal.http.Headers;
import io.github.flexmedia.twilio.internal.http.SingleAttemptHttpClient;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * {@link TaskRouterClient} on twilio-java ({@code com.twilio.sdk:twilio} 13.x).
 *
 * <p>Reads with {@code fetchWithResponse} and keeps the {@code ETag} header verbatim (found
 * case-insensitively); updates with {@code setAttributes} and {@code setIfMatch}; maps failures to
 * the adapter's exceptions, with the {@code Retry-After} of a 429 (which twilio-java's {@code
 * ApiException} drops) captured per thread. It never calls {@code Twilio.init}: pass the client.
 *
 * <pre>{@code
 * TwilioRestClient rest = new TwilioRestClient.Builder(accountSid, authToken).build();
 * TaskRouterClient client = new TwilioTaskRouterClient(rest);
 * // or, from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY / TWILIO_API_SECRET):
 * TaskRouterClient fromEnv = TwilioTaskRouterClient.fromEnvironment();
 * }</pre>
 *
 * <p><b>One attempt, one HTTP exchange.</b> {@link MediaAttacher} owns the only retry loop, so
 * the HTTP client below must not retry: build the {@code TwilioRestClient} with {@link
 * #singleAttemptHttpClient(HttpClientBuilder)} ({@link #fromEnvironment()} does). With any other
 * HTTP client, twilio-java's 5xx loop (3 sends, 100 ms apart) is bypassed for this adapter's
 * requests when the client is a plain {@code TwilioRestClient}, but what the HTTP client itself
 * does stays: twilio-java's default {@code NetworkHttpClient} keeps Apache HttpClient's automatic
 * retries, which repeat a 429 or 503 once after sleeping its whole {@code Retry-After} (a create
 * answered 503 is then sent twice), and a GET after some I/O failures. The constructor logs one
 * WARNING naming the HTTP client class when that is the case.
 *
 * <p>Thread-safe when the underlying {@code TwilioRestClient} is (twilio-java's is).
 */
public final class TwilioTaskRouterClient implements TaskRouterClient {
  private static final System.Logger LOG = System.getLogger(TwilioTaskRouterClient.class.getName());

  private final CapturingRestClient restClient;
  private final Clock clock;

  /**
   * Uses {@code restClient} for every call: its credentials, HTTP client, region and edge.
   *
   * <p>Build it with {@link #singleAttemptHttpClient(HttpClientBuilder)}; otherwise its HTTP
   * client may repeat requests below the adapter (see the class description), and this
   * constructor logs a WARNING saying so.
   *
   * @param restClient an explicit client; {@code Twilio.init}'s global one is never used
   */
  public TwilioTaskRouterClient(TwilioRestClient restClient) {
    this(restClient, Clock.systemUTC());
  }

  TwilioTaskRouterClient(TwilioRestClient restClient, Clock clock) {
    this.restClient = new CapturingRestClient(Objects.requireNonNull(restClient, "restClient"));
    this.clock = clock;
    if (!CapturingRestClient.singleAttempt(restClient)) {
      String http = restClient.getHttpClient() == null ? "null"
          : restClient.getHttpClient().getClass().getName();
      LOG.log(Level.WARNING, "flex-media: the TwilioRestClient's HTTP client (" + http + ") is not "
          + "TwilioTaskRouterClient.singleAttemptHttpClient(..): "
          + (this.restClient.bypassesTwilioRetries()
              ? "twilio-java's 5xx loop is bypassed for flex-media's requests, but "
              : "twilio-java's 5xx loop (3 sends per call, POSTs included) stays, since the client "
                  + "is a subclass of TwilioRestClient, and ")
          + "the HTTP client's own retries stay (twilio-java's NetworkHttpClient repeats a 429 or "
          + "503 once after sleeping its whole Retry-After, a create included); build the client "
          + "with .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(HttpClientBuilder.create()))");
    }
  }

  /**
   * A twilio-java HTTP client that makes exactly one HTTP exchange per call: no Apache HttpClient
   * automatic retries, no twilio-java 5xx loop (so no swallowed interrupt in its sleep), keeping
   * every other setting of {@code base} (proxy, TLS, route planner, connection pool).
   *
   * <pre>{@code
   * TwilioRestClient rest = new TwilioRestClient.Builder(accountSid, authToken)
   *     .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(HttpClientBuilder.create()))
   *     .build();
   * TaskRouterClient client = new TwilioTaskRouterClient(rest);
   * }</pre>
   *
   * <p>Timeouts: twilio-java's {@code NetworkHttpClient} replaces the builder's default request
   * config with its own on every request (connect 30.5 s, no response timeout, so a stalled
   * answer waits for the socket timeout, 3 minutes by default). This client restores the
   * builder's own default request config when it has one ({@code setDefaultRequestConfig}) and
   * sets a 10 s connect and a 30 s response timeout where that config sets none. The builder is
   * changed (retries off, one interceptor added): do not build anything else from it.
   *
   * @param base the Apache HttpClient 5 builder with your proxy, TLS, routing and pool settings;
   *     {@code HttpClientBuilder.create()} for none
   * @return a client for {@code TwilioRestClient.Builder.httpClient(..)}
   */
  public static com.twilio.http.HttpClient singleAttemptHttpClient(HttpClientBuilder base) {
    return SingleAttemptHttpClient.of(Objects.requireNonNull(base, "base"));
  }

  /**
   * The Apache HttpClient 5 builder {@link #fromEnvironment()} starts from: twilio-java's default
   * pool (20 connections per route, 100 in all) and the JVM's proxy and TLS system properties, as
   * twilio-java's no-argument {@code NetworkHttpClient} uses them. A fresh builder on every call;
   * pass it to {@link #singleAttemptHttpClient(HttpClientBuilder)}, after changing what you need.
   *
   * @return a new builder with the production defaults
   */
  public static HttpClientBuilder defaultHttpClientBuilder() {
    return SingleAttemptHttpClient.defaultBuilder();
  }

  /**
   * A client built from the process environment: {@code TWILIO_ACCOUNT_SID} with either {@code
   * TWILIO_AUTH_TOKEN}, or {@code TWILIO_API_KEY} and {@code TWILIO_API_SECRET}. Its HTTP client
   * is a {@link #singleAttemptHttpClient(HttpClientBuilder)} with twilio-java's default pool (20
   * connections per route, 100 in all) and the JVM's proxy and TLS system properties.
   *
   * @return a client built from the process environment
   * @throws ConfigurationException naming the missing variable (never printing any value)
   */
  public static TwilioTaskRouterClient fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /**
   * Like {@link #fromEnvironment()}, reading variables through {@code env} (for tests, or a
   * secrets manager).
   *
   * @param env reads an environment variable by name
   * @return the client
   */
  public static TwilioTaskRouterClient fromEnvironment(Function<String, String> env) {
    return fromEnvironment(env, SingleAttemptHttpClient.defaultBuilder());
  }

  /**
   * Like {@link #fromEnvironment(Function)}, on your own Apache HttpClient 5 builder (a proxy, TLS
   * settings, a route to a local emulator), made single-attempt by {@link
   * #singleAttemptHttpClient(HttpClientBuilder)}.
   *
   * @param env reads an environment variable by name
   * @param base the builder to start from; {@link #defaultHttpClientBuilder()} for the defaults
   * @return the client
   * @throws ConfigurationException naming the missing or malformed variable (never its value)
   */
  public static TwilioTaskRouterClient fromEnvironment(
      Function<String, String> env, HttpClientBuilder base) {
    Objects.requireNonNull(base, "base");
    String accountSid = require(env, "TWILIO_ACCOUNT_SID");
    if (!Sid.isValid(accountSid, "AC")) {
      throw env("TWILIO_ACCOUNT_SID", "must be 'AC' followed by 32 hex digits");
    }
    String apiKey = blankToNull(env.apply("TWILIO_API_KEY"));
    TwilioRestClient.Builder rest;
    if (apiKey != null) {
      String secret = require(env, "TWILIO_API_SECRET");
      rest = new TwilioRestClient.Builder(apiKey, secret).accountSid(accountSid);
    } else {
      if (blankToNull(env.apply("TWILIO_AUTH_TOKEN")) == null) {
        throw env("TWILIO_AUTH_TOKEN",
            "is not set (or set TWILIO_API_KEY and TWILIO_API_SECRET instead)");
      }
      rest = new TwilioRestClient.Builder(accountSid, env.apply("TWILIO_AUTH_TOKEN"));
    }
    return new TwilioTaskRouterClient(
        rest.httpClient(singleAttemptHttpClient(base)).build());
  }

  private static String require(Function<String, String> env, String name) {
    String value = blankToNull(env.apply(name));
    if (value == null) {
      throw env(name, "is not set");
    }
    return value;
  }

  private static ConfigurationException env(String name, String rule) {
    return new ConfigurationException(name, rule, "environment variable " + name + " " + rule);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
    return call("fetch", workspaceSid, taskSid,
        () -> Task.fetcher(workspaceSid, taskSid).fetchWithResponse(restClient));
  }

  @Override
  public TaskSnapshot updateTaskAttributes(
      String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
    Objects.requireNonNull(attributesJson, "attributesJson");
    return call("update", workspaceSid, taskSid, () -> {
      TaskUpdater updater = Task.updater(workspaceSid, taskSid).setAttributes(attributesJson);
      if (ifMatch != null) {
        updater.setIfMatch(ifMatch);
      }
      return updater.updateWithResponse(restClient);
    });
  }

  @Override
  public TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson) {
    return call("create", workspaceSid, null, () ->
        Task.creator(workspaceSid)
            .setWorkflowSid(workflowSid)
            .setAttributes(attributesJson)
            .createWithResponse(restClient));
  }

  private TaskSnapshot call(
      String operation, String workspaceSid, String taskSid, Supplier<TwilioResponse<Task>> call) {
    try {
      TwilioResponse<Task> response = call.get();
      CapturingRestClient.takeLastResponse();
      Task task = response.getContent();
      return new TaskSnapshot(
          task.getWorkspaceSid() != null ? task.getWorkspaceSid() : workspaceSid,
          task.getSid() != null ? task.getSid() : taskSid,
          task.getAttributes(),
          Headers.get(response.getHeaders(), "ETag"),
          task.getAssignmentStatus() == null ? null : task.getAssignmentStatus().toString(),
          task.getTaskChannelUniqueName());
    } catch (ApiException e) {
      throw translate(operation, workspaceSid, taskSid, e, CapturingRestClient.takeLastResponse());
    } catch (ApiConnectionException e) {
      // No response, or a response whose body could not be read: map on its status if it came.
      Response response = CapturingRestClient.takeLastResponse();
      int status = response != null ? Math.max(0, response.getStatusCode()) : 0;
      throw ErrorMapping.forStatus(operation, workspaceSid, taskSid, status, 0,
          retryAfter(status, response), e);
    } catch (TwilioException e) {
      CapturingRestClient.takeLastResponse();
      throw new TaskRouterException(TaskRouterException.Kind.LOCAL_FAILURE, "task " + operation
          + " failed in twilio-java: " + e.getClass().getSimpleName(), 0, 0, null, e);
    }
  }

  private TaskRouterException translate(
      String operation, String workspaceSid, String taskSid, ApiException e, Response response) {
    // The HTTP status decides; the body only enriches. twilio-java 13's getStatusCode() is the
    // error body's "status" field (0 when the body has none, null when the body is not JSON or is
    // empty), so a 404 or 429 whose body lacks it would read as "no response". The response this
    // call got is captured per thread by CapturingRestClient: its status is the real one.
    int status = response != null && response.getStatusCode() > 0 ? response.getStatusCode()
        : e.getStatusCode() != null ? e.getStatusCode() : 0;
    int code = e.getCode() != null ? e.getCode() : 0;
    return ErrorMapping.forStatus(
        operation, workspaceSid, taskSid, status, code, retryAfter(status, response), e);
  }

  private Duration retryAfter(int status, Response response) {
    return (status == 429 || status == 503) && response != null
        ? Headers.retryAfter(Headers.get(response.getHeaders(), "Retry-After"), clock)
        : null;
  }

  @Override
  public String toString() {
    return "TwilioTaskRouterClient[account=" + mask(restClient.getAccountSid()) + "]";
  }

  private static String mask(String sid) {
    return sid == null || sid.length() < 8 ? "?" : sid.substring(0, 6).toUpperCase(Locale.ROOT) + "…";
  }
}
