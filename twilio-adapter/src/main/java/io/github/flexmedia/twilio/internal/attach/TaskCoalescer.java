package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskRouterException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-task coalescing for one {@link io.github.flexmedia.twilio.MediaAttacher}: while one read–merge–write runs on a task,
 * the attaches to that task that arrive join the next one, which then carries all of them in a
 * single read–merge–write, their media merged in arrival order. Each caller still gets its own
 * result or exception.
 *
 * <ul>
 *   <li>The first caller of a batch runs it on its own thread; the others wait for its outcome.
 *   <li>When the batch's leader is interrupted, the others are not failed: they join a new batch.
 *   <li>A waiter interrupted before its batch started leaves it (nothing of its media is written);
 *       one interrupted while its batch runs gets an {@link TaskRouterException} of kind {@code INTERRUPTED} saying the
 *       write may have been applied.
 *   <li>When a batch of several is refused with a 4xx other than 401, 403, 404, 412 and 429
 *       (which concern the task or the account, not the media), fails on a caller's
 *       deadline (an {@link io.github.flexmedia.twilio.events.AttachQueue} passes one per attach),
 *       or fails in this process, every caller retries alone, so that one caller's content or
 *       deadline cannot fail the others.
 * </ul>
 */
public final class TaskCoalescer {
  /** Writes one batch; the outcomes are {@link AttachResult}s, {@link RuntimeException}s or {@link #ALONE}. */
  public interface BatchWriter {
    /**
     * Writes one batch.
     *
     * @param workspaceSid the workspace
     * @param taskSid the task
     * @param media each caller's media, in arrival order
     * @param deadline every caller's deadline at once ({@link Deadline#allOf})
     * @return each caller's outcome
     */
    List<Object> write(String workspaceSid, String taskSid, List<MediaAttributes> media,
        Deadline deadline);
  }

  /** Writes one caller's media by itself, without coalescing. */
  public interface SingleWriter {
    /**
     * Writes one caller's media.
     *
     * @param workspaceSid the workspace
     * @param taskSid the task
     * @param media the media
     * @param deadline the caller's deadline
     * @return what was done
     */
    AttachResult write(String workspaceSid, String taskSid, MediaAttributes media,
        Deadline deadline);
  }

  /** Outcome: attach alone, without the others. */
  static final Object ALONE = new Object();
  /** Outcome: the batch was abandoned by its interrupted leader; join another. */
  private static final Object RETRY = new Object();

  private final BatchWriter batchWriter;
  private final SingleWriter singleWriter;
  private final Object lock = new Object();
  private final Map<String, Lane> lanes = new HashMap<>(); // guarded by lock

  /**
   * A coalescer.
   *
   * @param batchWriter writes a batch of several callers
   * @param singleWriter writes one caller alone
   */
  public TaskCoalescer(BatchWriter batchWriter, SingleWriter singleWriter) {
    this.batchWriter = batchWriter;
    this.singleWriter = singleWriter;
  }

  private static final class Lane {
    Batch running;
    Batch next;
  }

  private static final class Batch {
    final List<Waiter> waiters = new ArrayList<>();
    boolean started;
    boolean done;
  }

  private static final class Waiter {
    final MediaAttributes media;
    final Deadline deadline;
    Object outcome;

    Waiter(MediaAttributes media, Deadline deadline) {
      this.media = media;
      this.deadline = deadline;
    }
  }

  /**
   * Attaches {@code media}, joining the next write to the task when one is running.
   *
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param media the media
   * @param deadline this caller's deadline; it binds every batch this caller's media are in
   * @return this caller's result
   */
  public AttachResult attach(
      String workspaceSid, String taskSid, MediaAttributes media, Deadline deadline) {
    String key = workspaceSid + "/" + taskSid;
    while (true) {
      Object outcome = joinAndWait(key, workspaceSid, taskSid, new Waiter(media, deadline));
      if (outcome == RETRY) {
        continue;
      }
      if (outcome == ALONE) {
        return singleWriter.write(workspaceSid, taskSid, media, deadline);
      }
      if (outcome instanceof RuntimeException) {
        throw (RuntimeException) outcome;
      }
      return (AttachResult) outcome;
    }
  }

  private Object joinAndWait(String key, String workspaceSid, String taskSid, Waiter me) {
    Batch batch;
    synchronized (lock) {
      Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
      if (lane.running == null) {
        batch = new Batch();
        batch.started = true;
        lane.running = batch;
      } else {
        if (lane.next == null) {
          lane.next = new Batch();
        }
        batch = lane.next;
      }
      batch.waiters.add(me);
      boolean interrupted = false;
      while (!batch.done && !(batch.started && batch.waiters.get(0) == me)) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
          if (!batch.started) {
            batch.waiters.remove(me);
            if (batch.waiters.isEmpty() && lane.next == batch) {
              lane.next = null;
            }
            Thread.currentThread().interrupt();
            throw TaskRouterException.interrupted("attach to task " + taskSid
                + " was interrupted while waiting to join a write to the same task; nothing of"
                + " it was sent", false, e);
          }
          if (batch.waiters.get(0) != me) {
            Thread.currentThread().interrupt();
            throw TaskRouterException.interrupted("attach to task " + taskSid
                + " was interrupted while its media were being written together with other"
                + " attaches to the same task; the write may have been applied", true, e);
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt(); // the leader runs anyway: its attach sees the flag
      }
      if (batch.done) {
        return me.outcome;
      }
    }
    return lead(key, workspaceSid, taskSid, batch, me);
  }

  /** Runs {@code batch} on this thread, hands out the outcomes, and starts the next batch. */
  private Object lead(String key, String workspaceSid, String taskSid, Batch batch, Waiter me) {
    List<Waiter> waiters;
    synchronized (lock) {
      waiters = List.copyOf(batch.waiters); // nobody joins a started batch
    }
    List<MediaAttributes> media = new ArrayList<>(waiters.size());
    List<Deadline> deadlines = new ArrayList<>(waiters.size());
    for (Waiter w : waiters) {
      media.add(w.media);
      deadlines.add(w.deadline);
    }
    List<Object> outcomes = null;
    RuntimeException mine = null;
    try {
      // Every caller's deadline binds the joint write; when one passes, each retries alone.
      outcomes = batchWriter.write(workspaceSid, taskSid, media, Deadline.allOf(deadlines));
    } catch (TaskRouterException e) {
      if (e.kind() != TaskRouterException.Kind.INTERRUPTED) {
        throw e;
      }
      mine = e; // the leader's own interrupt; the others join another batch
    } finally {
      synchronized (lock) {
        for (int i = 0; i < waiters.size(); i++) {
          Waiter w = waiters.get(i);
          w.outcome = outcomes != null ? outcomes.get(i) : w == me ? mine : RETRY;
        }
        if (outcomes == null && mine == null) {
          // an Error escaped: the others must not wait forever
          for (Waiter w : waiters) {
            if (w != me) {
              w.outcome = RETRY;
            }
          }
        }
        batch.done = true;
        Lane lane = lanes.get(key);
        lane.running = lane.next;
        lane.next = null;
        if (lane.running != null) {
          lane.running.started = true;
        } else {
          lanes.remove(key);
        }
        lock.notifyAll();
      }
    }
    return me.outcome;
  }

  /** How many tasks have a batch running; for tests. */
  int activeTasks() {
    synchronized (lock) {
      return lanes.size();
    }
  }
}
