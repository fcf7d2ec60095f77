package io.github.flexmedia.twilio.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * <p>The default, {@link InMemoryAttachStore}, lives in one JVM's memory: a crash loses what it
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
   * @param claim the claim
   * @param outcomes outcomes for some or all of the claim's attaches
   * @return the outcomes that were recorded by this call: report those, and only those
   */
  List<AttachOutcome> complete(AttachClaim claim, List<AttachOutcome> outcomes);

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
