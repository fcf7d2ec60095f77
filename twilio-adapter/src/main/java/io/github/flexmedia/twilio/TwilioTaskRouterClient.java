package io.github.flexmedia.twilio;

import com.twilio.base.TwilioResponse;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskUpdater;
import io.github.flexmedia.twilio.internal.CapturingRestClient;
import io.github.flexmedia.twilio.internal.ErrorMapping;
import io.github.flexmedia.twilio.internal.Headers;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * <p>Thread-safe when the underlying {@code TwilioRestClient} is (twilio-java's is).
 */
public final class TwilioTaskRouterClient implements TaskRouterClient {
  private final CapturingRestClient restClient;
  private final Clock clock;

  /**
   * Uses {@code restClient} for every call: its credentials, HTTP client, region and edge.
   *
   * @param restClient an explicit client; {@code Twilio.init}'s global one is never used
   */
  public TwilioTaskRouterClient(TwilioRestClient restClient) {
    this(restClient, Clock.systemUTC());
  }

  TwilioTaskRouterClient(TwilioRestClient restClient, Clock clock) {
    this.restClient = new CapturingRestClient(Objects.requireNonNull(restClient, "restClient"));
    this.clock = clock;
  }

  /**
   * A client built from the process environment: {@code TWILIO_ACCOUNT_SID} with either {@code
   * TWILIO_AUTH_TOKEN}, or {@code TWILIO_API_KEY} and {@code TWILIO_API_SECRET}.
   *
   * @return a client built from the process environment
   * @throws IllegalStateException naming the missing variable (never printing any value)
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
    String accountSid = require(env, "TWILIO_ACCOUNT_SID");
    if (!accountSid.startsWith("AC") || accountSid.length() != 34) {
      throw new IllegalStateException(
          "environment variable TWILIO_ACCOUNT_SID must be 'AC' followed by 32 hex digits");
    }
    String apiKey = blankToNull(env.apply("TWILIO_API_KEY"));
    TwilioRestClient rest;
    if (apiKey != null) {
      String secret = require(env, "TWILIO_API_SECRET");
      rest = new TwilioRestClient.Builder(apiKey, secret).accountSid(accountSid).build();
    } else {
      if (blankToNull(env.apply("TWILIO_AUTH_TOKEN")) == null) {
        throw new IllegalStateException(
            "environment variable TWILIO_AUTH_TOKEN is not set (or set TWILIO_API_KEY and "
                + "TWILIO_API_SECRET instead)");
      }
      rest = new TwilioRestClient.Builder(accountSid, env.apply("TWILIO_AUTH_TOKEN")).build();
    }
    return new TwilioTaskRouterClient(rest);
  }

  private static String require(Function<String, String> env, String name) {
    String value = blankToNull(env.apply(name));
    if (value == null) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
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
      CapturingRestClient.takeLastResponse();
      throw ErrorMapping.forStatus(operation, workspaceSid, taskSid, 0, 0, null, e);
    } catch (TwilioException e) {
      CapturingRestClient.takeLastResponse();
      throw new TaskRouterException("task " + operation + " failed in twilio-java: "
          + e.getClass().getSimpleName(), 0, 0, e);
    }
  }

  private TaskRouterException translate(
      String operation, String workspaceSid, String taskSid, ApiException e, Response response) {
    int status = e.getStatusCode() != null ? e.getStatusCode()
        : response != null ? response.getStatusCode() : 0;
    int code = e.getCode() != null ? e.getCode() : 0;
    Duration retryAfter = status == 429 && response != null
        ? Headers.retryAfter(Headers.get(response.getHeaders(), "Retry-After"), clock)
        : null;
    return ErrorMapping.forStatus(operation, workspaceSid, taskSid, status, code, retryAfter, e);
  }

  @Override
  public String toString() {
    return "TwilioTaskRouterClient[account=" + mask(restClient.getAccountSid()) + "]";
  }

  private static String mask(String sid) {
    return sid == null || sid.length() < 8 ? "?" : sid.substring(0, 6).toUpperCase(Locale.ROOT) + "…";
  }
}
