package io.github.flexmedia.twilio.events;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.attach.AttacherAccess;
import io.github.flexmedia.twilio.internal.attach.Deadline;
import io.github.flexmedia.twilio.internal.events.InMemoryAttachStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attaches media on behalf of webhooks: {@link #offer} returns at once, so that the webhook answers
 * well inside Twilio's 15 seconds, and a bounded pool of workers does the read–merge–write with
 * {@link MediaAttacher}'s retries — but never starts a call, nor a wait between retries, that
 * would end after the attach's deadline (by default {@linkplain Builder#attachWindow(Duration) two
 * minutes} after the event, which for a {@code task.completed} event is when TaskRouter deletes the
 * task). The deadline is handed to the attacher with each attach, so it holds whatever sleeper and
 * client the attacher was built with.
 *
 * <pre>{@code
 * AttachQueue queue = AttachQueue.builder(attacher)   // your MediaAttacher, configured once
 *     .workers(4).capacity(1_000)
 *     .listener(o -> log.info("{} {}", o.taskSid(), o.status()))
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
 * <p><b>Claims, and a fleet.</b> {@code offer} saves the attach in the {@link PendingAttachStore}
 * and returns; the workers then {@linkplain PendingAttachStore#claim claim} work from the store,
 * under a {@linkplain Builder#lease(Duration) lease}, a whole task at a time: every attach pending
 * for one task goes out in one read–merge–write. An attach is never written after its claim's
 * lease ends, so an instance that takes over an expired claim is the only writer. With a shared,
 * durable store ({@code flex-media-jdbc}'s {@code JdbcAttachStore}) every instance of a fleet
 * offers into it and works from it, and a crashed instance's claims are taken over when their
 * leases end.
 *
 * <p><b>Crash safety.</b> The default store ({@link PendingAttachStore#inMemory}) lives in memory: a crash
 * loses what the queue held. Either give the queue a durable store, or use {@link
 * #attachWithin(PendingAttach, Duration)} inside the webhook and answer 2xx only when the write
 * landed, for sources that redeliver.
 *
 * <p>Thread-safe.
 */
public final class AttachQueue {
  private static final System.Logger LOG = System.getLogger(AttachQueue.class.getName());

  private final MediaAttacher attacher;
  private final Clock clock;
  private final Duration attachWindow;
  private final Executor executor;
  private final ExecutorService ownExecutor;
  private final PendingAttachStore store;
  private final AttachListener listener;
  // the claim path: which claims this instance holds, how many, and whether a claim pass is due
  private final String owner;
  private final Duration lease;
  private final int workers;
  private final ScheduledExecutorService poller;
  private final Map<String, AttachClaim> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AttachClaim> interrupted = new ConcurrentHashMap<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicBoolean pumpScheduled = new AtomicBoolean();
  private final AtomicLong takenOver = new AtomicLong();
  private final Object idle = new Object();
  private final Object claimPass = new Object();
  private volatile boolean closed;
  private volatile boolean claiming = true;

  private AttachQueue(Builder b) {
    this.clock = b.clock;
    this.attacher = b.attacher != null ? b.attacher : MediaAttacher.builder(b.client).build();
    this.attachWindow = b.attachWindow;
    this.store = b.store != null ? b.store : InMemoryAttachStore.create(b.capacity, b.clock);
    this.listener = b.listener;
    this.owner = b.owner;
    this.lease = b.lease;
    this.workers = b.workers;
    // A shared store gets work this instance was not told about (other instances' offers, expired
    // claims, retries that come due): poll it. The in-memory store is signalled by every change.
    Duration poll = b.pollInterval != null ? b.pollInterval
        : b.store != null ? Duration.ofSeconds(1) : Duration.ZERO;
    if (poll.isZero()) {
      this.poller = null;
    } else {
      this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flex-media-attach-queue-poll");
        t.setDaemon(true);
        return t;
      });
      poller.scheduleWithFixedDelay(this::signal, poll.toMillis(), poll.toMillis(),
          TimeUnit.MILLISECONDS);
    }
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
   * Starts a queue over {@code client}, with an attacher of the default settings ({@code
   * MediaAttacher.builder(client).build()}): 4 workers, room for 1,000 attaches, a two-minute
   * window, an in-memory store.
   *
   * @param client the TaskRouter to write to
   * @return a new builder
   */
  public static Builder builder(TaskRouterClient client) {
    return new Builder(Objects.requireNonNull(client, "client"), null);
  }

  /**
   * Starts a queue whose workers attach with {@code attacher}, configured once by you (merge
   * mode, retries, policy, sleeper): 4 workers, room for 1,000 attaches, a two-minute window, an
   * in-memory store. The queue adds only its deadline, passed with each attach.
   *
   * @param attacher the attacher the workers use
   * @return a new builder
   */
  public static Builder builder(MediaAttacher attacher) {
    return new Builder(null, Objects.requireNonNull(attacher, "attacher"));
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
   * Takes an attach to be done in the background: saves it in the store and returns.
   *
   * @param attach the attach
   * @return {@code true} when accepted (saved; its outcome will be reported by whichever instance
   *     finishes it); {@code false} when the store is full or the queue is shut down, so that the
   *     caller can answer 503
   * @throws RuntimeException whatever the store's {@code save} throws (the attach is then not
   *     accepted: a database that is down fails the offer at once, and the webhook answers 5xx)
   */
  public boolean offer(PendingAttach attach) {
    Objects.requireNonNull(attach, "attach");
    if (closed || !store.save(attach)) {
      return false;
    }
    signal();
    return true;
  }

  /** Schedules one claim pass on the executor, unless one is already due. */
  private void signal() {
    if (!claiming || !pumpScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::pump);
    } catch (RejectedExecutionException e) {
      // The attaches stay in the store: the next signal (a poll, a finished claim) tries again.
      pumpScheduled.set(false);
    }
  }

  /** Claims as many tasks as there are free workers, and hands each claim to a worker. */
  private void pump() {
    pumpScheduled.set(false);
    if (!Thread.currentThread().isInterrupted()) {
      claimFree();
    }
  }

  private int claimFree() {
    // One claim pass at a time: two passes that read the free workers together would claim up to
    // twice as many tasks as there are workers, and the extra claims would sit out their lease in
    // the executor's queue while other instances could have worked on them.
    synchronized (claimPass) {
      return claimFreeLocked();
    }
  }

  private int claimFreeLocked() {
    int handed = 0;
    while (claiming) {
      int free = workers - busy.get();
      if (free <= 0) {
        return handed;
      }
      List<AttachClaim> claims;
      try {
        claims = store.claim(owner, free, lease);
      } catch (RuntimeException e) {
        // The store is down: the poll (or the next offer) tries again; nothing is lost.
        LOG.log(Level.WARNING, () -> "attach store claim failed: " + e.getClass().getName());
        return handed;
      }
      if (claims.isEmpty()) {
        return handed;
      }
      for (AttachClaim c : claims) {
        if (c.takenOver()) {
          takenOver.incrementAndGet();
        }
        busy.incrementAndGet();
        inFlight.put(c.id(), c);
        try {
          executor.execute(() -> run(c));
          handed += c.attaches().size();
        } catch (RejectedExecutionException e) {
          inFlight.remove(c.id());
          finished();
          releaseQuietly(c);
          return handed;
        }
      }
    }
    return handed;
  }

  private void releaseQuietly(AttachClaim c) {
    try {
      store.release(c, clock.instant());
    } catch (RuntimeException e) {
      // Its lease runs out instead.
      LOG.log(Level.WARNING, () -> "attach store release failed: " + e.getClass().getName());
    }
  }

  private void finished() {
    busy.decrementAndGet();
    synchronized (idle) {
      idle.notifyAll();
    }
  }

  /**
   * Claims what is free in the store now and hands it to the workers. The queue does this by
   * itself (after every offer and finished claim, and on its poll for a shared store); call it to
   * pick up work at once after a restart.
   *
   * @return how many attaches were handed to workers
   * @deprecated since 0.3.0 the queue claims from its store by itself; kept for 0.2.0 callers
   */
  @Deprecated(since = "0.3.0")
  public int resubmitStored() {
    return claimFree();
  }

  /**
   * Claims whose lease ran out before their owner finished, that this queue took over: each one
   * is an instance that crashed or hung while holding work.
   *
   * @return the number taken over since the queue started
   */
  public long takenOverCount() {
    return takenOver.get();
  }

  /**
   * The store's counts: pending, claimed, expired leases, failed.
   *
   * @return the counts (for a database store, one query)
   */
  public AttachStoreStats storeStats() {
    return store.stats();
  }

  /**
   * Attaches in the calling thread, for a webhook that answers 2xx only once the write landed: the
   * right choice for sources that redeliver, such as Event Streams. Stops before the attach's
   * deadline or after {@code budget}, whichever comes first. The outcome is also reported to the
   * listener. Does not use the queue's capacity or store.
   *
   * @param attach the attach
   * @param budget the longest time to spend (keep it well under 15 s)
   * @return the outcome; {@link AttachOutcome.Status#FAILED} with a {@link
   *     TaskRouterException.Kind#DEADLINE_PASSED} cause when the budget ran out before the
   *     attach's own deadline
   */
  public AttachOutcome attachWithin(PendingAttach attach, Duration budget) {
    Objects.requireNonNull(attach, "attach");
    Instant byBudget = clock.instant().plus(budget);
    Instant until = byBudget.isBefore(attach.deadline()) ? byBudget : attach.deadline();
    AttachOutcome outcome = attempt(attach, until);
    report(outcome);
    return outcome;
  }

  /**
   * Works one claim: the attaches past their deadline are expired, the others go out in one
   * read–merge–write, bounded by the earliest deadline and by the lease (never a call after the
   * lease ends: by then another instance may hold the task). Outcomes go to the store, and those
   * it recorded to the listener.
   */
  private void run(AttachClaim claim) {
    try {
      // by attach id: one write may carry several attaches, and the store records each one
      Map<String, AttachOutcome> outcomes = new LinkedHashMap<>();
      List<PendingAttach> live = new ArrayList<>();
      for (PendingAttach a : claim.attaches()) {
        if (Deadline.at(a.deadline(), clock).passed()) {
          outcomes.put(a.id(), AttachOutcome.failed(a.workspaceSid(), a.taskSid(),
              Deadline.passedException("task " + a.taskSid()
                  + ": the attach deadline passed before it was claimed")));
        } else {
          live.add(a);
        }
      }
      Instant leaseBound = claim.leaseUntil().minus(lease.dividedBy(10));
      PendingAttach merged = live.isEmpty() ? null : merge(live);
      List<List<PendingAttach>> groups =
          merged != null ? List.of(live) : live.stream().map(List::of).toList();
      for (List<PendingAttach> group : groups) {
        PendingAttach one = group.size() == 1 ? group.get(0) : merged;
        Instant until = one.deadline().isBefore(leaseBound) ? one.deadline() : leaseBound;
        AttachOutcome o = attempt(one, until);
        boolean interruptedAttach = o.cause() instanceof TaskRouterException t
            && t.kind() == TaskRouterException.Kind.INTERRUPTED;
        if (interruptedAttach
            || (o.cause() != null && closed && Thread.currentThread().isInterrupted())) {
          // Stopped by shutdown, not finished: back to the store for another instance, and
          // shutdown returns it. Put here before leaving inFlight, so shutdown sees it in one.
          interrupted.put(claim.id(), claim);
          store.complete(claim, outcomes).values().forEach(this::report);
          return;
        }
        settle(group, o, until, outcomes);
      }
      store.complete(claim, outcomes).values().forEach(this::report);
    } catch (RuntimeException e) {
      // The store failed: the claim's lease runs out and the attaches are claimed again.
      LOG.log(Level.WARNING, () -> "attach store failed for task " + claim.taskSid() + ": "
          + e.getClass().getName());
    } finally {
      inFlight.remove(claim.id());
      finished();
      // An interrupted worker is being stopped: it must not claim more work (which it would
      // release at once, and claim again).
      if (!Thread.currentThread().isInterrupted()) {
        signal();
      }
    }
  }

  /**
   * One attach for a task's claimed attaches: their links, in order and each once, under the
   * earliest deadline. {@code null} when they cannot be merged (mixed link policies), so that they
   * go one by one.
   */
  private static PendingAttach merge(List<PendingAttach> live) {
    PendingAttach first = live.get(0);
    if (live.size() == 1) {
      return first;
    }
    Set<MediaLink> task = new LinkedHashSet<>();
    Map<String, Set<MediaLink>> reservations = new LinkedHashMap<>();
    Instant deadline = first.deadline();
    for (PendingAttach a : live) {
      task.addAll(a.media().taskMedia());
      a.media().reservationMedia().forEach((wr, links) ->
          reservations.computeIfAbsent(wr, k -> new LinkedHashSet<>()).addAll(links));
      deadline = a.deadline().isBefore(deadline) ? a.deadline() : deadline;
    }
    try {
      MediaAttributes.Builder b = MediaAttributes.builder().media(task);
      reservations.forEach(b::reservationMedia);
      return new PendingAttach(first.id(), first.workspaceSid(), first.taskSid(), b.build(),
          deadline);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Gives each attach of a group the outcome of the write that carried it. One stopped by a bound
   * other than its own deadline (the lease, another attach's earlier deadline) gets none: it is
   * claimed again.
   */
  private void settle(List<PendingAttach> group, AttachOutcome o, Instant until,
      Map<String, AttachOutcome> outcomes) {
    boolean deadlinePassed = o.cause() instanceof TaskRouterException t
        && t.kind() == TaskRouterException.Kind.DEADLINE_PASSED;
    for (PendingAttach a : group) {
      if (o.succeeded() || !deadlinePassed) {
        outcomes.put(a.id(), o);
      } else if (Deadline.at(a.deadline(), clock).passed() || !until.isBefore(a.deadline())) {
        outcomes.put(a.id(), AttachOutcome.failed(a.workspaceSid(), a.taskSid(), o.cause()));
      }
    }
  }

  private AttachOutcome attempt(PendingAttach attach, Instant until) {
    Deadline deadline = Deadline.at(until, clock);
    if (deadline.passed()) {
      return failure(attach, until, Deadline.passedException("task " + attach.taskSid()
          + ": the attach deadline passed before the next call could start"));
    }
    try {
      AttachResult r = AttacherAccess.attach(
          attacher, attach.workspaceSid(), attach.taskSid(), attach.media(), deadline);
      return AttachOutcome.of(r);
    } catch (RuntimeException e) {
      return failure(attach, until, e);
    }
  }

  private AttachOutcome failure(PendingAttach attach, Instant until, RuntimeException e) {
    AttachOutcome outcome = AttachOutcome.failed(attach.workspaceSid(), attach.taskSid(), e);
    boolean budget = e instanceof TaskRouterException
        && ((TaskRouterException) e).kind() == TaskRouterException.Kind.DEADLINE_PASSED
        && until.isBefore(attach.deadline()) && !Deadline.at(attach.deadline(), clock).passed();
    // Stopped by a synchronous budget shorter than the attach's own deadline: not expired.
    return budget
        ? new AttachOutcome(outcome.workspaceSid(), outcome.taskSid(), AttachOutcome.Status.FAILED,
            null, e)
        : outcome;
  }

  private void report(AttachOutcome outcome) {
    try {
      listener.onOutcome(outcome);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, () -> "attach listener failed for task " + outcome.taskSid()
          + ": " + e.getClass().getName());
    }
  }

  /**
   * How many accepted attaches have no outcome yet, in the store (for a shared store: the
   * fleet's).
   *
   * @return the number waiting or being worked on
   * @deprecated since 0.3.0: {@code storeStats().pending()} says the same, with the other counts
   */
  @Deprecated(since = "0.3.0")
  public int pendingCount() {
    return (int) Math.min(Integer.MAX_VALUE, store.stats().pending());
  }

  /**
   * Stops taking work and waits up to {@code timeout} for the claimed work to finish (with the
   * default in-memory store: for everything accepted, since nobody else will do it). A queue that
   * owns its workers then interrupts them and waits up to one more second. An attach stopped by the
   * interrupt goes back to the store unreported, for another instance. Returned: the attaches of
   * claims not finished, and with the in-memory store whatever it still holds. An attach blocked
   * in I/O past that second may still be reported later.
   *
   * @param timeout how long to wait for the work to drain
   * @return the attaches not finished, empty when everything drained
   */
  public List<PendingAttach> shutdown(Duration timeout) {
    closed = true;
    InMemoryAttachStore memory = store instanceof InMemoryAttachStore m ? m : null;
    // A shared store's unclaimed work belongs to the fleet: stop claiming at once.
    claiming = memory != null;
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (busy.get() > 0 || (memory != null && memory.size() > 0)) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    claiming = false;
    if (poller != null) {
      poller.shutdownNow();
    }
    if (ownExecutor != null) {
      // An interrupted worker moves its claim from inFlight to interrupted; give it a moment.
      ownExecutor.shutdownNow();
      try {
        ownExecutor.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // inFlight first: a claim leaves it only after entering interrupted.
    Map<String, PendingAttach> unfinished = new LinkedHashMap<>();
    for (AttachClaim c : List.copyOf(inFlight.values())) {
      c.attaches().forEach(a -> unfinished.put(a.id(), a));
    }
    for (AttachClaim c : interrupted.values()) {
      c.attaches().forEach(a -> unfinished.put(a.id(), a));
    }
    if (memory != null) {
      memory.pendingAttaches().forEach(a -> unfinished.put(a.id(), a));
    }
    return List.copyOf(unfinished.values());
  }

  /** Configures an {@link AttachQueue}. */
  public static final class Builder {
    private final TaskRouterClient client;
    private final MediaAttacher attacher;
    private Clock clock = Clock.systemUTC();
    private Duration attachWindow = Duration.ofMinutes(2);
    private int workers = 4;
    private int capacity = 1_000;
    private Executor executor;
    private PendingAttachStore store;
    private AttachListener listener = AttachListener.NONE;
    private String owner = defaultOwner();
    private Duration lease = Duration.ofSeconds(60);
    private Duration pollInterval;

    private Builder(TaskRouterClient client, MediaAttacher attacher) {
      this.client = client;
      this.attacher = attacher;
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
     * How many accepted attaches the default in-memory store holds at once, at least 1; 1,000 by
     * default. Past it, {@link AttachQueue#offer} returns {@code false}.
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
     * Where accepted attaches are kept until reported; by default {@link
     * PendingAttachStore#inMemory} of {@link #capacity(int)} attaches. A store you give decides its own bound (its {@code
     * save} returns {@code false} when full), and {@code capacity} does not apply to it.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(PendingAttachStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * How long a claim lasts: the longest one task's attaches may take before another instance may
     * take them over; 60 seconds by default. A worker starts no call in the last tenth of it.
     * Longer than {@link MediaAttacher}'s longest retry wait, shorter than the attach window.
     *
     * @param lease the lease, at least one second
     * @return this builder
     */
    public Builder lease(Duration lease) {
      if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new ConfigurationException("lease", "must be at least 1 second");
      }
      this.lease = lease;
      return this;
    }

    /**
     * How often the queue asks its store for work it was not told about (other instances' offers,
     * expired claims, retries come due); zero for never. Once a second for a store you give, never
     * for the default in-memory store, which is told of every change.
     *
     * @param pollInterval the interval, zero or positive
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      if (pollInterval.isNegative()) {
        throw new ConfigurationException("pollInterval", "must not be negative");
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * This instance's name in the store's claims, for operators; the host, the process id and a
     * random suffix by default.
     *
     * @param owner the name, not blank, at most 200 characters
     * @return this builder
     */
    public Builder owner(String owner) {
      if (owner == null || owner.isBlank() || owner.length() > 200) {
        throw new ConfigurationException("owner", "must be 1 to 200 characters, not blank");
      }
      this.owner = owner;
      return this;
    }

    private static String defaultOwner() {
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException | RuntimeException e) {
        host = "unknown";
      }
      return host + "/" + ProcessHandle.current().pid() + "/"
          + UUID.randomUUID().toString().substring(0, 8);
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
