package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.AttachStoreStats;
import io.github.flexmedia.twilio.events.SkippedEvent;
import io.github.flexmedia.twilio.internal.playback.CachingFlexTokenValidator;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The Micrometer meters of the starter (names as Micrometer writes them; Prometheus shows dots as
 * underscores):
 *
 * <ul>
 *   <li>{@code flex_media.taskrouter.requests} (timer; tags {@code operation}, {@code outcome}):
 *       every TaskRouter request and its latency; 412s are {@code outcome=conflict}, 429s {@code
 *       outcome=rate_limited};
 *   <li>{@code flex_media.attach} (counter; tags {@code outcome}: {@code attached}, {@code
 *       unchanged}, {@code expired}, {@code failed}; {@code error}: why, or {@code none}): the
 *       attach queue's outcomes;
 *   <li>{@code flex_media.attach.attempts} (distribution summary): attempts per queued attach;
 *   <li>{@code flex_media.queue.pending} (gauge): accepted attaches not yet finished (with a
 *       shared store: fleet-wide), and of those {@code flex_media.queue.claimed} (gauge) the ones
 *       under a live claim; {@code flex_media.queue.expired_leases} (gauge): claims whose lease ran
 *       out and that nobody has taken over yet; {@code flex_media.queue.failed} (gauge): attaches
 *       kept with the outcome failed until removed; all four from one {@code stats()} of the store,
 *       at most once per few seconds for a database;
 *   <li>{@code flex_media.queue.taken_over} (function counter): expired claims this instance took
 *       over (each one an instance that crashed or hung while holding work);
 *   <li>{@code flex_media.webhook.events.skipped} (counter; tags {@code field}: the field at
 *       fault, {@code kind}: {@code unknown} or {@code unreadable}): Event Streams events left out
 *       of an otherwise handled delivery;
 *   <li>{@code flex_media.playback.token_cache} (function counter; tag {@code result}: {@code
 *       hit}, {@code miss}): Flex token checks answered from the cache and sent to Twilio.
 * </ul>
 */
public final class MicrometerInstrumentation implements Instrumentation {
  /** Outcomes of queued attaches. */
  public static final String ATTACH = "flex_media.attach";
  /** Attempts per queued attach. */
  public static final String ATTEMPTS = "flex_media.attach.attempts";
  /** The queue's depth. */
  public static final String QUEUE_PENDING = "flex_media.queue.pending";
  /** Pending attaches under a live claim. */
  public static final String QUEUE_CLAIMED = "flex_media.queue.claimed";
  /** Claims whose lease ran out, not taken over yet. */
  public static final String QUEUE_EXPIRED_LEASES = "flex_media.queue.expired_leases";
  /** Failed attaches kept in the store. */
  public static final String QUEUE_FAILED = "flex_media.queue.failed";
  /** Expired claims taken over by this instance. */
  public static final String QUEUE_TAKEN_OVER = "flex_media.queue.taken_over";
  /** Event Streams events skipped as unreadable or unknown. */
  public static final String EVENTS_SKIPPED = "flex_media.webhook.events.skipped";
  /** The token cache's hits and misses. */
  public static final String TOKEN_CACHE = "flex_media.playback.token_cache";

  private final MeterRegistry registry;
  private final LongSupplier nanoTime;

  /**
   * Records into {@code registry}.
   *
   * @param registry the registry
   */
  public MicrometerInstrumentation(MeterRegistry registry) {
    this(registry, System::nanoTime);
  }

  /**
   * Records into {@code registry}, ageing cached store counts on {@code nanoTime}.
   *
   * @param registry the registry
   * @param nanoTime the monotonic clock
   */
  public MicrometerInstrumentation(MeterRegistry registry, LongSupplier nanoTime) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  @Override
  public TaskRouterClient instrument(TaskRouterClient client) {
    return new MeteredTaskRouterClient(client, registry);
  }

  @Override
  public void attachFinished(AttachOutcome outcome) {
    Counter.builder(ATTACH)
        .description("Attaches done by flex-media's queue, by outcome")
        .tag("outcome", outcome.status().name().toLowerCase(Locale.ROOT))
        .tag("error", outcome.cause() == null ? "none" : Outcomes.of(outcome.cause()))
        .register(registry)
        .increment();
    int attempts = attempts(outcome);
    if (attempts > 0) {
      DistributionSummary.builder(ATTEMPTS)
          .description("Read-merge-write attempts per queued attach")
          .register(registry)
          .record(attempts);
    }
  }

  @Override
  public void eventSkipped(SkippedEvent skipped) {
    Counter.builder(EVENTS_SKIPPED)
        .description("Event Streams events skipped as unreadable or unknown, by field")
        .tag("field", skipped.field())
        .tag("kind", skipped.unknown() ? "unknown" : "unreadable")
        .register(registry)
        .increment();
  }

  private static int attempts(AttachOutcome outcome) {
    AttachResult result = outcome.result();
    if (result != null) {
      return result.attempts();
    }
    return outcome.cause() instanceof TaskRouterException
        ? ((TaskRouterException) outcome.cause()).attempts() : 0;
  }

  @Override
  public void watch(AttachQueue queue, Duration statsMaxAge) {
    // The gauges hold the cache strongly: nothing else does, and Micrometer's default weak
    // reference would let it be collected and the gauges read NaN.
    StoreStatsCache stats = new StoreStatsCache(queue::storeStats, statsMaxAge, nanoTime);
    Gauge.builder(QUEUE_PENDING, stats, s -> s.get(AttachStoreStats::pending))
        .strongReference(true)
        .description("Attaches accepted by flex-media's queue and not finished yet")
        .register(registry);
    Gauge.builder(QUEUE_CLAIMED, stats, s -> s.get(AttachStoreStats::claimed))
        .strongReference(true)
        .description("Pending attaches under a live claim")
        .register(registry);
    Gauge.builder(QUEUE_EXPIRED_LEASES, stats, s -> s.get(AttachStoreStats::expiredLeases))
        .strongReference(true)
        .description("Claims whose lease ran out and that no instance has taken over yet")
        .register(registry);
    Gauge.builder(QUEUE_FAILED, stats, s -> s.get(AttachStoreStats::failed))
        .strongReference(true)
        .description("Attaches kept in the store with the outcome failed, until removed")
        .register(registry);
    FunctionCounter.builder(QUEUE_TAKEN_OVER, queue, AttachQueue::takenOverCount)
        .description("Claims whose lease ran out that this instance took over")
        .register(registry);
  }

  @Override
  public void watch(FlexTokenValidator validator) {
    if (!(validator instanceof CachingFlexTokenValidator)) {
      return;
    }
    CachingFlexTokenValidator cache = (CachingFlexTokenValidator) validator;
    FunctionCounter.builder(TOKEN_CACHE, cache, CachingFlexTokenValidator::hits)
        .description("Flex token checks answered from the cache")
        .tag("result", "hit")
        .register(registry);
    FunctionCounter.builder(TOKEN_CACHE, cache, CachingFlexTokenValidator::misses)
        .description("Flex token checks sent to Twilio")
        .tag("result", "miss")
        .register(registry);
  }
}
