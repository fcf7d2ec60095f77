package io.github.flexmedia.twilio;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.internal.Sids;
import io.github.flexmedia.twilio.internal.attach.AttachLoop;
import io.github.flexmedia.twilio.internal.attach.AttacherAccess;
import io.github.flexmedia.twilio.internal.attach.BulkAttach;
import io.github.flexmedia.twilio.internal.attach.Deadline;
import io.github.flexmedia.twilio.internal.attach.Sleeper;
import io.github.flexmedia.twilio.internal.attach.TaskCoalescer;
import io.github.flexmedia.twilio.internal.attach.TaskCreator;
import io.github.flexmedia.twilio.internal.ratelimit.LimitedTaskRouterClient;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Attaches {@link MediaAttributes} to TaskRouter Tasks without losing anyone's data.
 *
 * <p>A task update replaces the whole attributes document, and the IVR, a CRM webhook and a
 * recording service may all write the same task at once. {@code attach} therefore reads the task
 * with its ETag, merges the media into what it read, and writes with {@code If-Match}. When
 * someone else wrote in between (HTTP 412) it reads and merges again; a 429, a 5xx or an I/O
 * failure is retried after an exponential backoff with jitter, never shorter than the server's
 * {@code Retry-After} (on a 429 or a 503) and ending the attach at once when that is longer than
 * the {@link RetryPolicy#maxRetryAfter()}. One attempt is one HTTP exchange when the client is a
 * {@link TwilioTaskRouterClient} built on {@link
 * TwilioTaskRouterClient#singleAttemptHttpClient}: this is the only retry loop.
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
 * <p>Attaches to one task that overlap in time share read–merge–writes (see {@link
 * Builder#coalescing(boolean)}), and an attacher can pace all its requests to the account's rate
 * limit (see {@link Builder#rateLimiter(RateLimiter)}).
 *
 * <p>Immutable and thread-safe: share one instance.
 */
public final class MediaAttacher {
  static {
    // The queue passes its deadline down the attach path through this, not through public API.
    AttacherAccess.install((attacher, ws, task, media, deadline) -> {
      Sids.require("workspaceSid", ws, "WS");
      Sids.require("taskSid", task, "WT");
      return attacher.attachFrom(ws, task, null, media, deadline);
    }, Builder::sleeper);
  }

  private final MediaPolicy policy;
  private final AttachLoop loop;
  private final TaskCreator creator;
  private final TaskCoalescer coalescer;

  private MediaAttacher(Builder b) {
    TaskRouterClient client = b.rateLimiter != null
        ? new LimitedTaskRouterClient(b.client, b.rateLimiter.limiter())
        : b.client;
    this.policy = b.policy;
    this.loop = new AttachLoop(client, b.mergeMode, b.retry, b.sleeper, b.unconditionalWrites);
    this.creator = new TaskCreator(client, b.retry, b.sleeper);
    this.coalescer = b.coalescing ? new TaskCoalescer(loop::attachBatch,
        (ws, task, media, deadline) -> loop.attach(ws, task, null, media, deadline)) : null;
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
   * @throws TaskRouterException of kind {@link TaskRouterException.Kind#INTERRUPTED} if the thread
   *     is interrupted (its interrupt flag stays set)
   * @throws io.github.flexmedia.MalformedAttributesException if the task's attributes cannot be
   *     merged into (nothing is written)
   * @throws io.github.flexmedia.InvalidMediaException if a link breaks this attacher's policy
   */
  public AttachResult attach(String workspaceSid, String taskSid, MediaAttributes media) {
    Sids.require("workspaceSid", workspaceSid, "WS");
    Sids.require("taskSid", taskSid, "WT");
    return attachFrom(workspaceSid, taskSid, null, media, Deadline.NONE);
  }

  /**
   * Like {@link #attach(String, String, MediaAttributes)}, starting from a snapshot the caller
   * already holds (for example from a TaskRouter event callback), which saves the first read. A
   * stale snapshot costs one 412 and a fresh read, nothing more. A snapshot without an ETag (what
   * an event callback's {@code TaskAttributes} gives) cannot make a write conditional, so the task
   * is read first: a write never erases what another writer added after the snapshot.
   *
   * @param current the task as the caller last saw it
   * @param media the media
   * @return what was done; see {@link #attach(String, String, MediaAttributes)}
   */
  public AttachResult attach(TaskSnapshot current, MediaAttributes media) {
    Objects.requireNonNull(current, "current");
    return attachFrom(current.workspaceSid(), current.taskSid(),
        current.etag() != null ? current : null, media, Deadline.NONE);
  }

  private AttachResult attachFrom(String workspaceSid, String taskSid, TaskSnapshot start,
      MediaAttributes media, Deadline deadline) {
    Objects.requireNonNull(media, "media");
    checkPolicy(media); // before joining others: invalid media fail only their own caller
    return start == null && coalescer != null
        ? coalescer.attach(workspaceSid, taskSid, media, deadline)
        : loop.attach(workspaceSid, taskSid, start, media, deadline);
  }

  /**
   * Creates a task whose attributes are {@code otherAttributesJson} with {@code media} merged in.
   * A 429 is retried (it was never processed). A 5xx, a timeout or an I/O failure is never
   * followed by a second create, because the task may have been created and a retry would create
   * a second one: the exception says the task may or may not exist.
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
    return creator.create(workspaceSid, workflowSid,
        media.mergeInto(otherAttributesJson, MergeMode.APPEND));
  }

  /**
   * Attaches the same media to many tasks, at most {@code concurrency} at a time, each with the
   * full retry behaviour of {@link #attach}. One task's failure does not stop the others.
   *
   * <ul>
   *   <li>One outcome per element of {@code taskSids}, in their order, duplicates included.
   *   <li>The listener hears each outcome as it ends, one call at a time; one that throws is
   *       isolated: the batch goes on, and the failure is logged as a WARNING naming the task and
   *       the exception's class.
   *   <li>Interrupting the calling thread (or cancelling the future it runs in) stops new work,
   *       interrupts the attaches in flight and waits for them at most {@value
   *       #IN_FLIGHT_GRACE_SECONDS} s; tasks not started, or still running after that, get a
   *       {@link AttachOutcome.Status#FAILED} outcome whose cause is of kind {@link
   *       TaskRouterException.Kind#INTERRUPTED}.
   *       The call then returns with the interrupt flag set, and the listener is never called
   *       after it returned.
   * </ul>
   *
   * <p>The attaches run on a pool of {@code concurrency} daemon threads made for this call and
   * shut down when it returns.
   *
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @param taskSids the tasks; a SID given twice is attached twice and has two outcomes
   * @param media the media
   * @param concurrency how many tasks are worked on at once, at least 1
   * @param listener told of each task as it finishes, or {@link AttachListener#NONE}
   * @return one outcome per element of {@code taskSids}, in their order
   */
  public List<AttachOutcome> attachAll(String workspaceSid, Collection<String> taskSids,
      MediaAttributes media, int concurrency, AttachListener listener) {
    Objects.requireNonNull(media, "media");
    List<String> sids = List.copyOf(taskSids);
    return bulk(workspaceSid, sids, Collections.nCopies(sids.size(), media), concurrency, listener);
  }

  /**
   * Attaches each task its own media, at most {@code concurrency} at a time; see {@link
   * #attachAll(String, Collection, MediaAttributes, int, AttachListener)} for the listener,
   * interrupts and threads.
   *
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @param mediaByTaskSid the media for each task
   * @param concurrency how many tasks are worked on at once, at least 1
   * @param listener told of each task as it finishes, or {@link AttachListener#NONE}
   * @return one outcome per task, in the map's iteration order
   */
  public List<AttachOutcome> attachAll(String workspaceSid,
      Map<String, MediaAttributes> mediaByTaskSid, int concurrency, AttachListener listener) {
    return bulk(workspaceSid, List.copyOf(mediaByTaskSid.keySet()),
        List.copyOf(mediaByTaskSid.values()), concurrency, listener);
  }

  /** How long an interrupted {@code attachAll} waits for the attaches in flight. */
  public static final int IN_FLIGHT_GRACE_SECONDS = 5;

  private List<AttachOutcome> bulk(String workspaceSid, List<String> sids,
      List<MediaAttributes> media, int concurrency, AttachListener listener) {
    return BulkAttach.attachAll(workspaceSid, sids, media, concurrency, listener,
        Duration.ofSeconds(IN_FLIGHT_GRACE_SECONDS), this::attach);
  }

  private void checkPolicy(MediaAttributes media) {
    if (policy != null) {
      policy.check(media);
    }
  }

  /** Configures a {@link MediaAttacher}. */
  public static final class Builder {
    private final TaskRouterClient client;
    private MergeMode mergeMode = MergeMode.APPEND;
    private RetryPolicy retry = RetryPolicy.defaults();
    private int maxAttempts; // 0: the retry policy's
    private Sleeper sleeper = Sleeper.SYSTEM;
    private MediaPolicy policy;
    private boolean unconditionalWrites;
    private boolean coalescing = true;
    private RateLimiter rateLimiter;

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
     * writers contending for one task need more (16 simultaneous writers need up to 16). The one
     * shortcut into the {@link #retryPolicy(RetryPolicy) retry policy}: it replaces that policy's
     * {@link RetryPolicy#maxAttempts()}, whichever of the two is called first.
     *
     * @param maxAttempts the most attempts, at least 1
     * @return this builder
     * @throws ConfigurationException if {@code maxAttempts} is below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new ConfigurationException("maxAttempts", "must be at least 1",
            "maxAttempts must be at least 1 (was " + maxAttempts + ")");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * How often and how long to retry, for attach and create: attempts, exponential backoff with
     * jitter, the longest {@code Retry-After} honoured (a longer one ends the attach at once with
     * the exception that carried it and its {@link TaskRouterException#retryAfter()}). {@link
     * RetryPolicy#defaults()} by default.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retry = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** How to wait between attempts; tests set one through {@code AttacherAccess#sleeper}. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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
     * Allows an update without {@code If-Match} when the task read carries no ETag (TaskRouter
     * always sends one; a custom {@link TaskRouterClient} may not). Such a write replaces the
     * whole document and erases whatever another writer changed since the read. Off by default:
     * without an ETag the attach fails instead.
     *
     * @return this builder
     */
    public Builder allowUnconditionalWrites() {
      this.unconditionalWrites = true;
      return this;
    }

    /**
     * Whether attaches to one task that arrive while another is being written to it join the next
     * read–merge–write (on by default). Sixteen simultaneous attaches to one task then cost a few
     * writes instead of sixteen writes and their 412 retries. Each caller still gets its own
     * {@link AttachResult} or exception (its own {@link io.github.flexmedia.InvalidMediaException}
     * when its media break the policy, checked before it joins; its own {@link
     * TaskRouterException.Kind#TOO_LARGE} failure when its links no longer fit after the earlier
     * callers'), and
     * the links are merged in arrival order, as if the attaches had run one after another. When
     * a joint write is refused with a 4xx other than 401, 403, 404, 412 or 429, or stops at one
     * caller's deadline (every caller's binds the joint write), every caller retries alone.
     * Attaches that start from a snapshot with an ETag are never joined. Off: every attach does
     * its own read–merge–write.
     *
     * @param coalescing {@code false} to switch it off
     * @return this builder
     */
    public Builder coalescing(boolean coalescing) {
      this.coalescing = coalescing;
      return this;
    }

    /**
     * Paces every request this attacher sends through {@code rateLimiter} (none by default): for
     * bulk attaches and queue workers writing against one account's rate limit. Share one limiter
     * among every attacher of the process that writes to the same account. Give {@link
     * MediaAttacher#attachAll(String, Collection, MediaAttributes, int, AttachListener)
     * attachAll} enough threads (its limiter's {@code maxConcurrency}, say): they wait for the
     * limiter's pace, not for TaskRouter.
     *
     * @param rateLimiter the shared limiter
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /**
     * The attacher.
     *
     * @return the attacher
     */
    public MediaAttacher build() {
      if (maxAttempts != 0) {
        retry = new RetryPolicy(maxAttempts, retry.initialBackoff(), retry.maxBackoff(),
            retry.maxRetryAfter(), retry.jitter());
      }
      return new MediaAttacher(this);
    }
  }
}
