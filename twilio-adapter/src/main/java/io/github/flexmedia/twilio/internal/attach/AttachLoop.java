package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The read–merge–write loop behind {@link MediaAttacher#attach}: the one place that decides what
 * to read again, what to resend and when to give up, so that a single attach and a coalesced batch
 * (see {@link TaskCoalescer}) retry alike under one {@link RetryPolicy}, and stop alike at the
 * caller's {@link Deadline}.
 */
public final class AttachLoop {
  private static final System.Logger LOG = System.getLogger(MediaAttacher.class.getName());

  private final TaskRouterClient client;
  private final MergeMode mergeMode;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final boolean unconditionalWrites;

  /**
   * The loop.
   *
   * @param client the TaskRouter
   * @param mergeMode APPEND or REPLACE
   * @param retry how often and how long to retry
   * @param sleeper how to wait between attempts
   * @param unconditionalWrites whether a task without an ETag may be written without If-Match
   */
  public AttachLoop(TaskRouterClient client, MergeMode mergeMode, RetryPolicy retry, Sleeper sleeper,
      boolean unconditionalWrites) {
    this.client = client;
    this.mergeMode = mergeMode;
    this.retry = retry;
    this.sleeper = sleeper;
    this.unconditionalWrites = unconditionalWrites;
  }

  /**
   * One caller's media, from {@code start} when it has an ETag, else from a fresh read.
   *
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param start the snapshot to start from, or {@code null} to read first
   * @param media the media
   * @param deadline no call starts, and no wait ends, at or after it
   * @return what was done
   */
  public AttachResult attach(String workspaceSid, String taskSid, TaskSnapshot start,
      MediaAttributes media, Deadline deadline) {
    return run(workspaceSid, taskSid, start, doc -> media.mergeInto(doc, mergeMode), deadline);
  }

  /**
   * One read–merge–write for several callers' media: see {@link TaskCoalescer}.
   *
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param media each caller's media
   * @param deadline every caller's deadline at once
   * @return each caller's outcome
   */
  public List<Object> attachBatch(String workspaceSid, String taskSid, List<MediaAttributes> media,
      Deadline deadline) {
    if (media.size() == 1) {
      try {
        return List.of(attach(workspaceSid, taskSid, null, media.get(0), deadline));
      } catch (RuntimeException e) {
        return List.of(e);
      }
    }
    CoalescedMerge merge = new CoalescedMerge(media, mergeMode, taskSid);
    AttachResult batch;
    try {
      batch = run(workspaceSid, taskSid, null, merge, deadline);
    } catch (RuntimeException e) {
      if (e instanceof TaskRouterException
          && ((TaskRouterException) e).kind() == TaskRouterException.Kind.INTERRUPTED) {
        throw e; // this caller's own interrupt: a request to stop, not a batch failure
      }
      return Collections.nCopies(media.size(),
          CoalescedMerge.mayBeAboutOneCaller(e) ? TaskCoalescer.ALONE : e);
    }
    return merge.outcomes(batch);
  }

  private AttachResult run(
      String workspaceSid, String taskSid, TaskSnapshot start, UnaryOperator<String> merge,
      Deadline deadline) {
    TaskSnapshot snapshot = start;
    boolean unsureWrite = false; // an update was sent and its fate is unknown (5xx, no answer)
    for (int attempt = 1; ; attempt++) {
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(taskSid, attempt - 1, unsureWrite, null);
      }
      boolean updating = false;
      try {
        if (snapshot == null) {
          deadline.checkBeforeCall(taskSid);
          snapshot = client.fetchTask(workspaceSid, taskSid);
        }
        String merged = merge.apply(snapshot.attributesJson());
        // What the supervisor will see: the whole merged lists, other writers' links included.
        List<MediaWarning> warnings = MediaAttributes.fromTaskAttributes(merged).lint();
        // Merging writes minified JSON, so a document this library wrote comes back identical
        // when every link was already there. (One written by someone else with other spacing
        // gets rewritten once, equal by value.)
        if (merged.equals(snapshot.attributesJson())) {
          return new AttachResult(snapshot, attempt, false, warnings);
        }
        requireFits(taskSid, merged);
        if (snapshot.etag() == null && !unconditionalWrites) {
          throw new TaskRouterException(TaskRouterException.Kind.POLICY,
              "task update of " + taskSid + " refused: TaskRouter sent "
              + "no ETag, and a write without If-Match could erase another writer's change "
              + "(opt in with MediaAttacher.Builder.allowUnconditionalWrites())", 200, 0, null, null);
        }
        deadline.checkBeforeCall(taskSid);
        updating = true;
        TaskSnapshot updated =
            client.updateTaskAttributes(workspaceSid, taskSid, merged, snapshot.etag());
        return new AttachResult(updated, attempt, true, warnings);
      } catch (TaskRouterException e) {
        if (!e.isRetryable() || attempt >= retry.maxAttempts()) {
          throw attempt == 1 && !e.isRetryable() ? e : TaskRouterException.gaveUp(e, attempt);
        }
        Duration wait = Waits.waitBefore(retry, attempt, e);
        if (wait == null) {
          throw TaskRouterException.gaveUp(e, attempt);
        }
        int failed = attempt;
        LOG.log(Level.DEBUG, () -> "task " + taskSid + ": " + e.getClass().getSimpleName()
            + " (HTTP " + e.statusCode() + ") on attempt " + failed + "; retrying in "
            + wait.toMillis() + " ms");
        unsureWrite = updating && !(e instanceof TaskConflictException)
            && !(e instanceof RateLimitedException);
        // A 412 means the task changed: read it again. A 429 was never processed, so what we read
        // is still current. After a 5xx or no answer to a conditional update, sending the same
        // update again is safe: if the first one was applied, the ETag moved and the resend gets
        // a 412 (then a read shows our links there). An unconditional one is not: read again.
        if (e instanceof TaskConflictException || (unsureWrite && snapshot.etag() == null)) {
          snapshot = null;
        }
        pause(sleeper, wait, taskSid, attempt, unsureWrite, deadline);
      }
    }
  }

  static void requireFits(String taskSid, String attributes) {
    if (attributes.length() > MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH) {
      throw tooLarge(taskSid, attributes.length());
    }
  }

  /** The refusal of a document over TaskRouter's limit, which was therefore not sent. */
  static TaskRouterException tooLarge(String taskSid, int length) {
    return new TaskRouterException(TaskRouterException.Kind.TOO_LARGE,
        "attributes for task " + taskSid + " would be " + length + " characters; TaskRouter"
            + " accepts at most " + MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH
            + " (nothing was sent)", 0, 0, null, null);
  }

  /**
   * Waits {@code wait} before the next attempt; the deadline is checked here, whatever the
   * sleeper, so that a wait past it ends the attach at once.
   */
  static void pause(Sleeper sleeper, Duration wait, String taskSid, int attempt,
      boolean unsureWrite, Deadline deadline) {
    if (wait.isZero()) {
      return;
    }
    deadline.checkBeforeWait(taskSid, wait);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw interrupted(taskSid, attempt, unsureWrite, ie);
    }
  }

  static TaskRouterException interrupted(
      String taskSid, int attempts, boolean unsureWrite, Throwable cause) {
    TaskRouterException e = TaskRouterException.interrupted("attach to task " + taskSid
        + " was interrupted" + (attempts == 0 ? " before its first attempt"
            : " while waiting to retry")
        + (unsureWrite ? "; the last update got no clear answer, so it may have been applied" : ""),
        unsureWrite, cause);
    return attempts > 0 ? TaskRouterException.gaveUp(e, attempts) : e;
  }
}
