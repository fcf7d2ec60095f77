package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Times every TaskRouter request by operation and outcome ({@code flex_media.taskrouter.requests}):
 * with a client that makes one HTTP exchange per call, the counts are HTTP requests, so 412s and
 * 429s show as {@code outcome=conflict} and {@code outcome=rate_limited}.
 */
final class MeteredTaskRouterClient implements TaskRouterClient {
  static final String REQUESTS = "flex_media.taskrouter.requests";

  private final TaskRouterClient delegate;
  private final MeterRegistry registry;

  MeteredTaskRouterClient(TaskRouterClient delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
    return timed("fetch", () -> delegate.fetchTask(workspaceSid, taskSid));
  }

  @Override
  public TaskSnapshot updateTaskAttributes(
      String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
    return timed("update",
        () -> delegate.updateTaskAttributes(workspaceSid, taskSid, attributesJson, ifMatch));
  }

  @Override
  public TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson) {
    return timed("create", () -> delegate.createTask(workspaceSid, workflowSid, attributesJson));
  }

  private TaskSnapshot timed(String operation, Supplier<TaskSnapshot> call) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "success";
    try {
      return call.get();
    } catch (RuntimeException e) {
      outcome = Outcomes.of(e);
      throw e;
    } finally {
      sample.stop(Timer.builder(REQUESTS)
          .description("TaskRouter requests made by flex-media, by operation and outcome")
          .tag("operation", operation)
          .tag("outcome", outcome)
          .register(registry));
    }
  }

  @Override
  public String toString() {
    return "Metered[" + delegate + "]";
  }
}
