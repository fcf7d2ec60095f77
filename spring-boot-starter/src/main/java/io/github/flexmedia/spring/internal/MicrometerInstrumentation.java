package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * The Micrometer meters of the starter:
 *
 * <ul>
 *   <li>{@code flex_media.taskrouter.requests} (timer; tags {@code operation}, {@code outcome}):
 *       every TaskRouter request, its latency, 412s as {@code conflict}, 429s as {@code
 *       rate_limited};
 *   <li>{@code flex_media.attach} (timer; tags {@code source}, {@code outcome}: {@code written},
 *       {@code unchanged} or a failure): attaches made by the starter's endpoints and queue;
 *   <li>{@code flex_media.attach.attempts} (distribution summary; tag {@code source}): attempts
 *       per attach.
 * </ul>
 */
public final class MicrometerInstrumentation implements Instrumentation {
  /** Timer of attaches by source and outcome. */
  public static final String ATTACH = "flex_media.attach";
  /** Attempts per attach. */
  public static final String ATTEMPTS = "flex_media.attach.attempts";

  private final MeterRegistry registry;

  /**
   * Records into {@code registry}.
   *
   * @param registry the registry
   */
  public MicrometerInstrumentation(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public TaskRouterClient instrument(TaskRouterClient client) {
    return new MeteredTaskRouterClient(client, registry);
  }

  @Override
  public void attachSucceeded(String source, AttachResult result, Duration elapsed) {
    attach(source, result.changed() ? "written" : "unchanged", elapsed);
    attempts(source, result.attempts());
  }

  @Override
  public void attachFailed(String source, RuntimeException failure, Duration elapsed) {
    attach(source, Outcomes.of(failure), elapsed);
    if (failure instanceof io.github.flexmedia.twilio.TaskRouterException) {
      int attempts = ((io.github.flexmedia.twilio.TaskRouterException) failure).attempts();
      attempts(source, Math.max(attempts, 1));
    }
  }

  private void attach(String source, String outcome, Duration elapsed) {
    Timer.builder(ATTACH)
        .description("Attaches made by flex-media's endpoints and queue, by outcome")
        .tag("source", source)
        .tag("outcome", outcome)
        .register(registry)
        .record(elapsed);
  }

  private void attempts(String source, int attempts) {
    DistributionSummary.builder(ATTEMPTS)
        .description("Read-merge-write attempts per attach")
        .tag("source", source)
        .register(registry)
        .record(attempts);
  }
}
