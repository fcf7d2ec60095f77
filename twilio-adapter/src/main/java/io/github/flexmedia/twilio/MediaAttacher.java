package io.github.flexmedia.twilio;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.internal.Sids;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Attaches {@link MediaAttributes} to TaskRouter Tasks without losing anyone's data.
 *
 * <p>A task update replaces the whole attributes document, and the IVR, a CRM webhook and a
 * recording service may all write the same task at once. {@code attach} therefore reads the task
 * with its ETag, merges the media into what it read, and writes with {@code If-Match}. When
 * someone else wrote in between (HTTP 412) it reads and merges again; a 429, a 5xx or an I/O
 * failure is retried after an exponential backoff with jitter that honours {@code Retry-After}.
 * Every loop is bounded by {@link Builder#maxAttempts(int)}; a failed attach leaves the task as it
 * was and throws a {@link TaskRouterException} saying how many attempts were made.
 *
 * <pre>{@code
 * MediaAttacher attacher = MediaAttacher.builder(TwilioTaskRouterClient.fromEnvironment()).build();
 * AttachResult result = attacher.attach(workspaceSid, taskSid, MediaAttributes.builder()
 *     .media(MediaLink.referenced("https://support.example.com/tickets/42", "External Ticket"))
 *     .build());
 * result.warnings().forEach(w -> log.warn("{} at {}", w.code(), w.path()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: share one instance.
 */
public final class MediaAttacher {
  private static final System.Logger LOG = System.getLogger(MediaAttacher.class.getName());

  private final TaskRouterClient client;
  private final MergeMode mergeMode;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final MediaPolicy policy;

  private MediaAttacher(Builder b) {
    this.client = b.client;
    this.mergeMode = b.mergeMode;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.sleeper = b.sleeper;
    this.jitter = b.jitter;
    this.policy = b.policy;
  }

  /**
   * Starts an attacher over {@code client}: APPEND, 5 attempts, 200 ms to 10 s backoff.
   *
   * @param client the TaskRouter to talk to
   * @return a new builder
   */
  public static Builder builder(TaskRouterClient client) {
    return new Builder(client);
  }

  /**
   * Reads the task, merges {@code media} into its attributes and writes them back, retrying as
   * described on the class.
   *
   * @param media the media
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return what was done: the task afterwards, the attempts, whether it wrote, the lint warnings
   * @throws TaskRouterException (or a subclass) when it gives up; the task is then unchanged by
   *     this call
   * @throws io.github.flexmedia.MalformedAttributesException if the task's attributes cannot be
   *     merged into (nothing is written)
   * @throws io.github.flexmedia.InvalidMediaException if a link breaks this attacher's policy
   */
  public AttachResult attach(String workspaceSid, String taskSid, MediaAttributes media) {
    Sids.require("workspaceSid", workspaceSid, "WS");
    Sids.require("taskSid", taskSid, "WT");
    return attachFrom(workspaceSid, taskSid, null, media);
  }

  /**
   * Like {@link #attach(String, String, MediaAttributes)}, starting from a snapshot the caller
   * already holds (for example from a TaskRouter event callback), which saves the first read. A
   * stale snapshot costs one 412 and a fresh read, nothing more.
   *
   * @param current the task as the caller last saw it
   * @param media the media
   * @return what was done; see {@link #attach(String, String, MediaAttributes)}
   */
  public AttachResult attach(TaskSnapshot current, MediaAttributes media) {
    Objects.requireNonNull(current, "current");
    return attachFrom(current.workspaceSid(), current.taskSid(), current, media);
  }

  private AttachResult attachFrom(
      String workspaceSid, String taskSid, TaskSnapshot start, MediaAttributes media) {
    Objects.requireNonNull(media, "media");
    checkPolicy(media);
    TaskSnapshot snapshot = start;
    for (int attempt = 1; ; attempt++) {
      try {
        if (snapshot == null) {
          snapshot = client.fetchTask(workspaceSid, taskSid);
        }
        String merged = media.mergeInto(snapshot.attributesJson(), mergeMode);
        // What the supervisor will see: the whole merged lists, other writers' links included.
        List<MediaWarning> warnings = MediaAttributes.fromTaskAttributes(merged).lint();
        // Merging writes minified JSON, so a document this library wrote comes back identical
        // when every link was already there. (One written by someone else with other spacing
        // gets rewritten once, equal by value.)
        if (merged.equals(snapshot.attributesJson())) {
          return new AttachResult(snapshot, attempt, false, warnings);
        }
        requireFits(taskSid, merged);
        TaskSnapshot updated =
            client.updateTaskAttributes(workspaceSid, taskSid, merged, snapshot.etag());
        return new AttachResult(updated, attempt, true, warnings);
      } catch (TaskRouterException e) {
        if (!e.isRetryable() || attempt >= maxAttempts) {
          throw attempt == 1 && !e.isRetryable() ? e : e.afterAttempts(attempt);
        }
        Duration wait = waitBefore(attempt, e);
        if (wait == null) {
          throw e.afterAttempts(attempt);
        }
        int failed = attempt;
        LOG.log(Level.DEBUG, () -> "task " + taskSid + ": " + e.getClass().getSimpleName()
            + " (HTTP " + e.statusCode() + ") on attempt " + failed + "; retrying in "
            + wait.toMillis() + " ms");
        // After a 412 or a 5xx the task may have changed (a 5xx may even have been applied):
        // read it again. A 429 was never processed, so what we read is still current.
        if (!(e instanceof RateLimitedException)) {
          snapshot = null;
        }
        pause(wait, e, attempt);
      }
    }
  }

  /**
   * Creates a task whose attributes are {@code otherAttributesJson} with {@code media} merged in.
   * A 429 is retried (it was never processed); a 5xx is not, because the task may have been
   * created and a retry would create a second one.
   *
   * @param otherAttributesJson the rest of the attributes (routing data, customer data); {@code
   *     null} or {@code {}} for none
   * @param media the media
   * @param workflowSid the workflow that routes the task: {@code WW} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the new task with its ETag
   * @throws TaskRouterException when TaskRouter refuses or the attempts run out
   */
  public TaskSnapshot createTask(
      String workspaceSid, String workflowSid, MediaAttributes media, String otherAttributesJson) {
    Sids.require("workspaceSid", workspaceSid, "WS");
    Sids.require("workflowSid", workflowSid, "WW");
    Objects.requireNonNull(media, "media");
    checkPolicy(media);
    String attributes = media.mergeInto(otherAttributesJson, MergeMode.APPEND);
    requireFits("(new task)", attributes);
    for (int attempt = 1; ; attempt++) {
      try {
        return client.createTask(workspaceSid, workflowSid, attributes);
      } catch (RateLimitedException e) {
        Duration wait = attempt >= maxAttempts ? null : waitBefore(attempt, e);
        if (wait == null) {
          throw e.afterAttempts(attempt);
        }
        pause(wait, e, attempt);
      }
    }
  }

  /**
   * Attaches the same media to many tasks, at most {@code concurrency} at a time.
   *
   * @see #attachAll(String, Map, int, BulkProgressListener)
   * @param concurrency how many tasks are worked on at once, at least 1
   * @param listener told of each task as it finishes
   * @param media the media
   * @param taskSids the tasks
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return one outcome per task, in the order given
   */
  public List<TaskOutcome> attachAll(
      String workspaceSid,
      Collection<String> taskSids,
      MediaAttributes media,
      int concurrency,
      BulkProgressListener listener) {
    Map<String, MediaAttributes> byTask = new LinkedHashMap<>();
    for (String sid : taskSids) {
      byTask.put(sid, media);
    }
    return attachAll(workspaceSid, byTask, concurrency, listener);
  }

  /**
   * Attaches media to many tasks, at most {@code concurrency} at a time, each with the full
   * retry behaviour of {@link #attach}. One task's failure does not stop the others.
   *
   * @param mediaByTaskSid the media for each task
   * @param concurrency how many tasks are worked on at once (threads), at least 1
   * @param listener told of each task as it finishes; see {@link BulkProgressListener}
   * @return one outcome per task, in the map's iteration order
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   */
  public List<TaskOutcome> attachAll(
      String workspaceSid,
      Map<String, MediaAttributes> mediaByTaskSid,
      int concurrency,
      BulkProgressListener listener) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1 (was " + concurrency + ")");
    }
    Objects.requireNonNull(listener, "listener");
    Sids.require("workspaceSid", workspaceSid, "WS");
    int total = mediaByTaskSid.size();
    if (total == 0) {
      return List.of();
    }
    AtomicInteger done = new AtomicInteger();
    Object listenerLock = new Object();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(concurrency, total),
            r -> {
              Thread t = new Thread(r, "flex-media-attach-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<TaskOutcome>> futures = new ArrayList<>(total);
      for (Map.Entry<String, MediaAttributes> e : mediaByTaskSid.entrySet()) {
        futures.add(pool.submit(() -> {
          TaskOutcome outcome = attachOne(workspaceSid, e.getKey(), e.getValue());
          synchronized (listenerLock) {
            listener.onTaskDone(outcome, done.incrementAndGet(), total);
          }
          return outcome;
        }));
      }
      List<TaskOutcome> outcomes = new ArrayList<>(total);
      for (Future<TaskOutcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskRouterException("bulk attach was interrupted", 0, 0, e);
    } catch (ExecutionException e) {
      // attachOne catches every RuntimeException: only an Error or the listener's failure lands here
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("bulk attach failed outside a task", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private TaskOutcome attachOne(String workspaceSid, String taskSid, MediaAttributes media) {
    try {
      return new TaskOutcome(taskSid, attach(workspaceSid, taskSid, media), null);
    } catch (RuntimeException e) {
      return new TaskOutcome(taskSid, null, e);
    }
  }

  private void checkPolicy(MediaAttributes media) {
    if (policy != null) {
      policy.check(media);
    }
  }

  private static void requireFits(String taskSid, String attributes) {
    if (attributes.length() > MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH) {
      throw new AttributesTooLargeException(taskSid, attributes.length());
    }
  }

  /** The wait before the next attempt, or {@code null} when the server asks for too long. */
  private Duration waitBefore(int attempt, TaskRouterException e) {
    if (e instanceof RateLimitedException rl && rl.retryAfter().isPresent()) {
      Duration asked = rl.retryAfter().get();
      return asked.compareTo(maxRetryAfter) > 0 ? null : asked;
    }
    long cap = initialBackoff.toNanos() << Math.min(attempt - 1, 30);
    if (cap <= 0 || cap > maxBackoff.toNanos()) {
      cap = maxBackoff.toNanos();
    }
    double r = jitter.getAsDouble();
    // Conflicts: full jitter, so that the writers that collided spread out at once.
    // Rate limits and failures: equal jitter, so that every wait is at least half the cap.
    long nanos = e instanceof TaskConflictException ? (long) (cap * r) : cap / 2 + (long) (cap / 2 * r);
    return Duration.ofNanos(nanos);
  }

  private void pause(Duration wait, TaskRouterException cause, int attempt) {
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new TaskRouterException(
          "interrupted while waiting to retry (gave up after " + attempt + " attempt"
              + (attempt == 1 ? "" : "s") + ")",
          cause.statusCode(), cause.errorCode(), cause);
    }
  }

  /** Configures a {@link MediaAttacher}. */
  public static final class Builder {
    private final TaskRouterClient client;
    private MergeMode mergeMode = MergeMode.APPEND;
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private MediaPolicy policy;

    private Builder(TaskRouterClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * {@link MergeMode#APPEND} (the default) or {@link MergeMode#REPLACE}.
     *
     * @param mergeMode APPEND or REPLACE
     * @return this builder
     */
    public Builder mergeMode(MergeMode mergeMode) {
      this.mergeMode = Objects.requireNonNull(mergeMode, "mergeMode");
      return this;
    }

    /**
     * How many read–merge–write attempts one attach may make, at least 1; 5 by default. Many
     * writers contending for one task need more (16 simultaneous writers need up to 16).
     *
     * @param maxAttempts the most attempts, at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The exponential backoff: the n-th retry waits up to {@code initial × 2^(n-1)}, capped at
     * {@code max}, with jitter. 200 ms and 10 s by default. A {@code Retry-After} replaces it.
     *
     * @param initial the first wait's cap
     * @param max the cap of every wait
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * The longest {@code Retry-After} honoured (60 s by default); a longer one ends the attach
     * with {@link RateLimitedException} at once rather than blocking the thread.
     *
     * @param maxRetryAfter the longest wait honoured
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * How to wait between attempts; tests inject one that records instead of sleeping.
     *
     * @param sleeper how to wait
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The source of jitter, values in [0, 1); tests inject a fixed one.
     *
     * @param jitter values in [0, 1)
     * @return this builder
     */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /**
     * A policy every link must satisfy before anything is sent, on top of the one the media were
     * built with (for example a host allow-list set centrally). None by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(MediaPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The attacher.
     *
     * @return the attacher
     */
    public MediaAttacher build() {
      return new MediaAttacher(this);
    }
  }
}
