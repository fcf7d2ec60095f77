package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.internal.events.InMemoryAttachStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an {@link AttachQueue} keeps the attaches it has accepted and not finished: the storage
 * SPI, built around claims so that a fleet of instances can share one store.
 *
 * <ol>
 *   <li>{@link #save} keeps an accepted attach durably before {@link AttachQueue#offer} returns;
 *   <li>{@link #claim} hands out attaches that no live instance holds, under a lease, and always
 *       every pending attach of one task together, so that one read–merge–write carries them all;
 *   <li>{@link #complete} records the outcomes and ends the claim; {@link #release} ends it without
 *       outcomes, the attaches claimable again from a given time;
 *   <li>a claim whose lease ran out (its owner crashed, or hung) is claimable again, by anyone.
 * </ol>
 *
 * <p>The default, {@link #inMemory(int, Clock)}, lives in one JVM's memory: a crash loses what it
 * held. {@code flex-media-jdbc}'s {@code JdbcAttachStore} keeps the queue in PostgreSQL for a fleet.
 *
 * <p>Implementations must be thread-safe. An exception from {@link #save} makes {@link
 * AttachQueue#offer} fail, so the webhook can answer 5xx and Twilio retries.
 *
 * <p><b>Changed in 0.3.0:</b> {@code remove} and {@code pending()} are gone: {@code pending()} handed
 * every stored attach to every instance that restarted. See the changelog's migration notes.
 */
public interface PendingAttachStore {
  /**
   * The store an {@link AttachQueue} uses when given none: one JVM's memory, at most {@code
   * capacity} pending attaches. It has the same claim semantics as a durable store (whole tasks,
   * leases, first outcome wins), but a crash loses what it holds and a fleet cannot share it.
   * Thread-safe. For a store of your own to wrap, or to share between queues of one process.
   *
   * @param capacity how many attaches may be pending at once, at least 1
   * @param clock the clock leases and retry times are measured on
   * @return the store
   * @throws io.github.flexmedia.twilio.ConfigurationException if {@code capacity} is below 1
   */
  static PendingAttachStore inMemory(int capacity, Clock clock) {
    return InMemoryAttachStore.create(capacity, clock);
  }

  /**
   * Keeps an accepted attach, durably, before the queue returns; it is claimable at once.
   *
   * @param attach the attach
   * @return {@code false} when the store is full (the attach was not kept)
   */
  boolean save(PendingAttach attach);

  /**
   * Claims pending attaches that no live claim holds: at most {@code maxTasks} tasks, each with
   * every attach of that task that is pending and due.
   *
   * @param owner who claims, for operators (an instance name); not used for ownership checks
   * @param maxTasks how many tasks to claim at most, at least 1
   * @param lease how long the claim lasts; after that the attaches are claimable again
   * @return the claims, possibly none
   */
  List<AttachClaim> claim(String owner, int maxTasks, Duration lease);

  /**
   * Records outcomes and ends the claim. An attach that has an outcome already (because the claim
   * expired and another claim finished it first) keeps its first one; the claim's attaches that get
   * no outcome here become claimable at once.
   *
   * <p>An {@link AttachOutcome} names a task, not an attach (one write may carry several attaches
   * of a task), so each outcome is given against the {@linkplain PendingAttach#id() id} of the
   * attach it is for. Ids not among the claim's attaches are ignored.
   *
   * @param claim the claim
   * @param outcomes outcomes for some or all of the claim's attaches, by attach id
   * @return the outcomes that were recorded by this call, by attach id, in the given order: report
   *     those, and only those
   */
  Map<String, AttachOutcome> complete(AttachClaim claim, Map<String, AttachOutcome> outcomes);

  /**
   * Ends the claim without outcomes: its attaches become claimable again at {@code retryAt}. Does
   * nothing when the claim's lease ran out and another claim holds the task.
   *
   * @param claim the claim
   * @param retryAt when the attaches may be claimed again
   */
  void release(AttachClaim claim, Instant retryAt);

  /**
   * How many attaches are pending, held under a live claim and failed, for metrics.
   *
   * @return the counts
   */
  AttachStoreStats stats();
}
