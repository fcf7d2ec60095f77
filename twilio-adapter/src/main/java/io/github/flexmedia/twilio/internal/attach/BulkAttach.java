package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.Sids;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * One run of {@link MediaAttacher#attachAll}: at most {@code concurrency} attaches at a time on an
 * executor, one outcome per input element in input order, a listener that cannot break the batch,
 * and a bounded stop on interrupt after which nothing touches the caller's listener.
 */
public final class BulkAttach {
  private static final System.Logger LOG = System.getLogger(MediaAttacher.class.getName());

  private final String workspaceSid;
  private final List<String> sids;
  private final List<MediaAttributes> media;
  private final BiFunction<String, MediaAttributes, AttachOutcome> attach;
  private final int concurrency;
  private final AttachListener listener;
  private final Duration grace;

  private final Object lock = new Object();
  private final AttachOutcome[] outcomes;
  private final Job[] jobs;
  private int done;
  private int running;
  private boolean stopping;
  private boolean closed;

  private BulkAttach(String workspaceSid, List<String> sids, List<MediaAttributes> media,
      BiFunction<String, MediaAttributes, AttachOutcome> attach, int concurrency,
      AttachListener listener, Duration grace) {
    this.workspaceSid = workspaceSid;
    this.sids = sids;
    this.media = media;
    this.attach = attach;
    this.concurrency = concurrency;
    this.listener = listener;
    this.grace = grace;
    this.outcomes = new AttachOutcome[sids.size()];
    this.jobs = new Job[sids.size()];
  }

  /** How one task is attached; an exception becomes that task's outcome. */
  public interface Attach {
    /**
     * Attaches to one task.
     *
     * @param workspaceSid the workspace
     * @param taskSid the task
     * @param media the media
     * @return what was done
     */
    AttachResult attach(String workspaceSid, String taskSid, MediaAttributes media);
  }

  /**
   * Checks the arguments of an {@code attachAll} and runs it: {@code attach} for each pair of
   * {@code sids} and {@code media}, on a pool of daemon threads made for the call.
   *
   * @param workspaceSid the workspace
   * @param sids the tasks
   * @param media the media of each task
   * @param concurrency how many at once
   * @param listener told of each outcome
   * @param grace how long an interrupted call waits for the attaches in flight
   * @param attach attaches one task
   * @return one outcome per task, in order
   */
  public static List<AttachOutcome> attachAll(String workspaceSid, List<String> sids,
      List<MediaAttributes> media, int concurrency, AttachListener listener,
      Duration grace, Attach attach) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1 (was " + concurrency + ")");
    }
    Objects.requireNonNull(listener, "listener");
    Sids.require("workspaceSid", workspaceSid, "WS");
    BiFunction<String, MediaAttributes, AttachOutcome> one = (sid, m) -> {
      try {
        return AttachOutcome.of(attach.attach(workspaceSid, sid, m));
      } catch (RuntimeException e) {
        return AttachOutcome.failed(workspaceSid, sid, e);
      }
    };
    return new BulkAttach(workspaceSid, sids, media, one, concurrency, listener, grace).run();
  }

  private List<AttachOutcome> run() {
    int total = sids.size();
    if (total == 0) {
      return List.of();
    }
    ExecutorService own = pool(Math.min(concurrency, total));
    boolean interrupted = false;
    try {
      // The pool's threads are the concurrency bound: every job is handed over at once, and an
      // interrupt is then noticed by the wait below.
      for (int i = 0; i < total && !interrupted; i++) {
        Job job = new Job(i);
        synchronized (lock) {
          jobs[i] = job;
        }
        own.execute(job); // a fixed pool of our own, not shut down yet: it cannot refuse
        interrupted = Thread.interrupted(); // cleared, so that the bounded wait can wait
      }
      if (!interrupted) {
        interrupted = !await(() -> done < dispatched(), Long.MAX_VALUE);
      }
      if (interrupted) {
        stop();
      }
    } finally {
      synchronized (lock) {
        closed = true;
      }
      own.shutdownNow();
    }
    List<AttachOutcome> result = new ArrayList<>(total);
    synchronized (lock) {
      for (int i = 0; i < total; i++) {
        AttachOutcome o = outcomes[i];
        if (o == null) {
          boolean started = jobs[i] != null && jobs[i].started;
          o = AttachOutcome.failed(workspaceSid, sids.get(i), TaskRouterException.interrupted(
              "attach to task " + sids.get(i) + (started
                  ? " was still running when the bulk attach was stopped; it may have written"
                  : " was not started: the bulk attach was stopped"), started, null));
        }
        result.add(o);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  /** Waits while {@code pending} holds, at most {@code nanos}; false if interrupted first. */
  private boolean await(BooleanSupplier pending, long nanos) {
    long deadline = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2);
    synchronized (lock) {
      while (pending.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          lock.wait(Math.max(1, Math.min(left / 1_000_000, Integer.MAX_VALUE)));
        } catch (InterruptedException e) {
          return false;
        }
      }
    }
    return true;
  }

  private int dispatched() {
    int n = 0;
    for (Job j : jobs) {
      if (j != null) {
        n++;
      }
    }
    return n;
  }

  /** No new attach starts; the ones running are interrupted and waited for, boundedly. */
  private void stop() {
    synchronized (lock) {
      stopping = true;
      for (Job j : jobs) {
        if (j != null && j.runner != null) {
          j.runner.interrupt();
        }
      }
    }
    await(() -> running > 0, grace.toNanos()); // jobs not started yet will not start
  }

  private void finish(int index, AttachOutcome outcome) {
    synchronized (lock) {
      if (closed) {
        return; // attachAll has returned: its result stands, and the listener hears no more
      }
      outcomes[index] = outcome;
      done++;
      try {
        listener.onOutcome(outcome);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "bulk attach: the listener threw "
            + e.getClass().getName() + " for task " + outcome.taskSid() + "; the batch goes on");
      } finally {
        lock.notifyAll();
      }
    }
  }

  private static ExecutorService pool(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "flex-media-attach-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** One element of the batch. */
  private final class Job implements Runnable {
    private final int index;
    private Thread runner; // guarded by lock
    private boolean started; // guarded by lock

    Job(int index) {
      this.index = index;
    }

    @Override
    public void run() {
      synchronized (lock) {
        if (stopping || closed) {
          return; // its outcome says it was not started
        }
        runner = Thread.currentThread();
        started = true;
        running++;
      }
      AttachOutcome outcome = null;
      try {
        outcome = attach.apply(sids.get(index), media.get(index));
      } finally {
        if (outcome == null) {
          // an Error escaped the attach: record it, then let it propagate
          outcome = AttachOutcome.failed(workspaceSid, sids.get(index), new TaskRouterException(
              TaskRouterException.Kind.LOCAL_FAILURE,
              "attach to task " + sids.get(index) + " failed with an Error", 0, 0, null, null));
        }
        synchronized (lock) {
          runner = null;
          running--;
          // Our stop signal must not leak into the pool's next job. Only stop() interrupts a
          // job's thread while it runs (shutdownNow comes once no job may start), so clearing
          // the flag always is clearing it when stop() set it.
          Thread.interrupted();
          finish(index, outcome);
        }
      }
    }
  }
}
