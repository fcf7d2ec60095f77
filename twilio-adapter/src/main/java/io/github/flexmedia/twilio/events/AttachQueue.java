package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.AttachInterruptedException;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.Sleeper;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterClient;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Attaches media on behalf of webhooks: {@link #offer} returns at once, so that the webhook answers
 * well inside Twilio's 15 seconds, and a bounded pool of workers does the read–merge–write with
 * {@link MediaAttacher}'s retries — but never starts a call after the attach's deadline (by
 * default {@linkplain Builder#attachWindow(Duration) two minutes} after the event, which for a
 * {@code task.completed} event is when TaskRouter deletes the task).
 *
 * <pre>{@code
 * AttachQueue queue = AttachQueue.builder(new TwilioTaskRouterClient(restClient))
 *     .workers(4).capacity(1_000)
 *     .listener(o -> log.info("{} {}", o.attach().taskSid(), o.status()))
 *     .build();
 * if (!queue.offer(PendingAttach.of(ws, wt, media, queue.deadlineAfter(eventTime)))) {
 *   return 503;   // full: Twilio retries later
 * }
 * }</pre>
 *
 * <p>Every accepted attach is reported to the listener exactly once: {@link
 * AttachOutcome.Status#ATTACHED ATTACHED}, {@link AttachOutcome.Status#UNCHANGED UNCHANGED},
 * {@link AttachOutcome.Status#EXPIRED EXPIRED} (deadline passed, or the task is gone) or {@link
 * AttachOutcome.Status#FAILED FAILED} with its cause — unless {@link #shutdown(Duration)} stops it
 * first. Nothing is dropped silently: a full or shut queue refuses synchronously, and {@link
 * #shutdown(Duration)} returns what it could not finish, which stays in the store.
 *
 * <p><b>Crash safety.</b> The default {@link PendingAttachStore} lives in memory: a crash loses
 * what the queue held. Either give it a durable store and call {@link #resubmitStored()} on start,
 * or use {@link #attachWithin(PendingAttach, Duration)} inside the webhook and answer 2xx only
 * when the write landed, for sources that redeliver.
 *
 * <p>Thread-safe.
 */
public final class AttachQueue {
  private static final System.Logger LOG = System.getLogger(AttachQueue.class.getName());

  private final DeadlineClient client;
  private final MediaAttacher attacher;
  private final Clock clock;
  private final Duration attachWindow;
  private final int capacity;
  private final Executor executor;
  private final ExecutorService ownExecutor;
  private final PendingAttachStore store;
  private final AttachListener listener;
  private final Map<String, PendingAttach> inFlight = new ConcurrentHashMap<>();
  private final Map<String, PendingAttach> interrupted = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Object idle = new Object();
  private volatile boolean closed;

  private AttachQueue(Builder b) {
    this.clock = b.clock;
    this.client = new DeadlineClient(b.client, b.clock);
    // The production sleeper never sleeps past the current attach's deadline or budget; a sleeper
    // configured in b.attacher (a test double) replaces it.
    this.attacher =
        b.attacher.apply(MediaAttacher.builder(client).sleeper(client.bounded(Sleeper.SYSTEM)))
            .build();
    this.attachWindow = b.attachWindow;
    this.capacity = b.capacity;
    this.store = b.store != null ? b.store : new MemoryStore();
    this.listener = b.listener;
    if (b.executor != null) {
      this.executor = b.executor;
      this.ownExecutor = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.ownExecutor = Executors.newFixedThreadPool(b.workers, r -> {
        Thread t = new Thread(r, "flex-media-attach-queue-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      this.executor = ownExecutor;
    }
  }

  /**
   * Starts a queue over {@code client}: 4 workers, room for 1,000 attaches, a two-minute window,
   * an in-memory store, the attacher's defaults.
   *
   * @param client the TaskRouter to write to
   * @return a new builder
   */
  public static Builder builder(TaskRouterClient client) {
    return new Builder(client);
  }

  /**
   * The deadline for an event that happened at {@code eventTime}: that instant plus the attach
   * window.
   *
   * @param eventTime when the event happened (for {@code task.completed}: when the task ended)
   * @return the deadline
   */
  public Instant deadlineAfter(Instant eventTime) {
    return eventTime.plus(attachWindow);
  }

  /**
   * The queue's clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Takes an attach to be done in the background, and returns at once.
   *
   * @param attach the attach
   * @return {@code true} when accepted (its outcome will be reported); {@code false} when the queue
   *     is full or shut down, so that the caller can answer 503
   * @throws RuntimeException whatever the store's {@code save} throws (the attach is then not
   *     accepted)
   */
  public boolean offer(PendingAttach attach) {
    Objects.requireNonNull(attach, "attach");
    if (closed || !reserve()) {
      return false;
    }
    try {
      store.save(attach);
    } catch (RuntimeException e) {
      release();
      throw e;
    }
    return dispatch(attach);
  }

  private boolean dispatch(PendingAttach attach) {
    inFlight.put(attach.id(), attach);
    try {
      executor.execute(() -> run(attach));
      return true;
    } catch (RejectedExecutionException e) {
      inFlight.remove(attach.id());
      store.remove(attach);
      release();
      return false;
    }
  }

  private boolean reserve() {
    while (true) {
      int n = pending.get();
      if (n >= capacity) {
        return false;
      }
      if (pending.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  private void release() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /**
   * Hands every attach in the store to the workers again, for a durable store after a restart.
   * Those beyond the capacity stay in the store for a later call.
   *
   * @return how many were handed over
   */
  public int resubmitStored() {
    int n = 0;
    for (PendingAttach a : store.pending()) {
      if (closed || inFlight.containsKey(a.id()) || !reserve()) {
        continue;
      }
      if (dispatch(a)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Attaches in the calling thread, for a webhook that answers 2xx only once the write landed: the
   * right choice for sources that redeliver, such as Event Streams. Stops before the attach's
   * deadline or after {@code budget}, whichever comes first. The outcome is also reported to the
   * listener. Does not use the queue's capacity or store.
   *
   * @param attach the attach
   * @param budget the longest time to spend (keep it well under 15 s)
   * @return the outcome; {@link AttachOutcome.Status#FAILED} with the budget's deadline as cause
   *     when the budget ran out before the attach's own deadline
   */
  public AttachOutcome attachWithin(PendingAttach attach, Duration budget) {
    Objects.requireNonNull(attach, "attach");
    Instant byBudget = clock.instant().plus(budget);
    Instant until = byBudget.isBefore(attach.deadline()) ? byBudget : attach.deadline();
    AttachOutcome outcome = attempt(attach, until);
    report(outcome);
    return outcome;
  }

  private void run(PendingAttach attach) {
    try {
      AttachOutcome outcome = attempt(attach, attach.deadline());
      if (outcome.cause() instanceof AttachInterruptedException || (outcome.cause() != null
          && closed && Thread.currentThread().isInterrupted())) {
        // Stopped by shutdown, not finished: it stays in the store, and shutdown returns it.
        // Put here before leaving inFlight, so that shutdown always sees it in one of the two.
        interrupted.put(attach.id(), attach);
        return;
      }
      report(outcome);
      store.remove(attach);
    } finally {
      inFlight.remove(attach.id());
      release();
    }
  }

  private AttachOutcome attempt(PendingAttach attach, Instant until) {
    if (client.passed(until)) {
      return failure(attach, until, new DeadlinePassedException(attach.taskSid()));
    }
    client.deadline(until);
    try {
      AttachResult r = attacher.attach(attach.workspaceSid(), attach.taskSid(), attach.media());
      return new AttachOutcome(attach,
          r.changed() ? AttachOutcome.Status.ATTACHED : AttachOutcome.Status.UNCHANGED, r, null);
    } catch (RuntimeException e) {
      return failure(attach, until, e);
    } finally {
      client.deadline(null);
    }
  }

  private AttachOutcome failure(PendingAttach attach, Instant until, RuntimeException e) {
    boolean gone = e instanceof TaskNotFoundException;
    // Stopped by the attach's own deadline (passed, or it would pass while waiting to retry), not
    // by a shorter synchronous budget.
    boolean late = e instanceof DeadlinePassedException
        && (client.passed(attach.deadline()) || !until.isBefore(attach.deadline()));
    return new AttachOutcome(attach,
        gone || late ? AttachOutcome.Status.EXPIRED : AttachOutcome.Status.FAILED, null, e);
  }

  private void report(AttachOutcome outcome) {
    try {
      listener.onOutcome(outcome);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, () -> "attach listener failed for task " + outcome.attach().taskSid()
          + ": " + e.getClass().getName());
    }
  }

  /**
   * How many accepted attaches have not been reported yet.
   *
   * @return the number in the queue or being worked on
   */
  public int pendingCount() {
    return pending.get();
  }

  /**
   * Stops taking work and waits up to {@code timeout} for the accepted work to finish. A queue
   * that owns its workers then interrupts them and waits up to one more second. What is still
   * unfinished is returned and stays in the store; an attach stopped by the interrupt is among it
   * and is not reported to the listener. An attach blocked in I/O past that second may still be
   * reported later.
   *
   * @param timeout how long to wait for the work to drain
   * @return the attaches not finished, empty when everything drained
   */
  public List<PendingAttach> shutdown(Duration timeout) {
    closed = true;
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (ownExecutor != null) {
      // An interrupted worker moves its attach from inFlight to interrupted; give it a moment.
      ownExecutor.shutdownNow();
      try {
        ownExecutor.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // inFlight first: an attach leaves it only after entering interrupted.
    Map<String, PendingAttach> unfinished = new LinkedHashMap<>(inFlight);
    unfinished.putAll(interrupted);
    return List.copyOf(unfinished.values());
  }

  /** The default store: in memory, lost on a crash. */
  private static final class MemoryStore implements PendingAttachStore {
    private final Map<String, PendingAttach> attaches = new ConcurrentHashMap<>();

    @Override
    public void save(PendingAttach attach) {
      attaches.put(attach.id(), attach);
    }

    @Override
    public void remove(PendingAttach attach) {
      attaches.remove(attach.id());
    }

    @Override
    public List<PendingAttach> pending() {
      return List.copyOf(attaches.values());
    }
  }

  /** Configures an {@link AttachQueue}. */
  public static final class Builder {
    private final TaskRouterClient client;
    private UnaryOperator<MediaAttacher.Builder> attacher = b -> b;
    private Clock clock = Clock.systemUTC();
    private Duration attachWindow = Duration.ofMinutes(2);
    private int workers = 4;
    private int capacity = 1_000;
    private Executor executor;
    private PendingAttachStore store;
    private AttachListener listener = AttachListener.NONE;

    private Builder(TaskRouterClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Configures the {@link MediaAttacher} the workers use (merge mode, attempts, backoff,
     * policy); the queue gives it a client that refuses calls past the deadline, and a sleeper that
   * gives up at once rather than wait past it (unless you configure your own sleeper).
     *
     * @param configure applied to the attacher's builder
     * @return this builder
     */
    public Builder attacher(UnaryOperator<MediaAttacher.Builder> configure) {
      this.attacher = Objects.requireNonNull(configure, "configure");
      return this;
    }

    /**
     * The clock deadlines are checked against; tests inject a fixed or stepping one.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long after an event an attach may still start, for {@link #deadlineAfter(Instant)}: two
     * minutes by default, the time Flex leaves to update media after a task ends.
     *
     * @param attachWindow the window, positive
     * @return this builder
     */
    public Builder attachWindow(Duration attachWindow) {
      if (attachWindow.isNegative() || attachWindow.isZero()) {
        throw new ConfigurationException("attachWindow", "must be positive");
      }
      this.attachWindow = attachWindow;
      return this;
    }

    /**
     * How many attaches run at once on the queue's own threads, at least 1; 4 by default. Ignored
     * when an {@link #executor(Executor)} is given.
     *
     * @param workers the number of worker threads
     * @return this builder
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new ConfigurationException("workers", "must be at least 1",
            "workers must be at least 1 (was " + workers + ")");
      }
      this.workers = workers;
      return this;
    }

    /**
     * How many accepted attaches may be unfinished at once, at least 1; 1,000 by default. Past
     * it, {@link AttachQueue#offer} returns {@code false}.
     *
     * @param capacity the bound
     * @return this builder
     */
    public Builder capacity(int capacity) {
      if (capacity < 1) {
        throw new ConfigurationException("capacity", "must be at least 1",
            "capacity must be at least 1 (was " + capacity + ")");
      }
      this.capacity = capacity;
      return this;
    }

    /**
     * Runs attaches on {@code executor} instead of the queue's own threads; the queue never shuts
     * it down. Its parallelism is yours to bound.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Where accepted attaches are kept until reported; in memory by default.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(PendingAttachStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Told of every outcome; none by default.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(AttachListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The queue.
     *
     * @return the queue, running
     */
    public AttachQueue build() {
      return new AttachQueue(this);
    }
  }
}
