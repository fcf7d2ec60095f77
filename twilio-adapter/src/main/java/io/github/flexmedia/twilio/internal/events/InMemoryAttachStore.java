package io.github.flexmedia.twilio.internal.events;

import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.events.AttachClaim;
import io.github.flexmedia.twilio.events.AttachStoreStats;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.events.PendingAttachStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The default {@link PendingAttachStore}: one JVM's memory, bounded. It has the same claim
 * semantics as a durable store (whole tasks, leases, first outcome wins), but a crash loses what it
 * holds, and it cannot be shared by a fleet: use {@code flex-media-jdbc}'s {@code JdbcAttachStore}
 * for that.
 *
 * <p>Thread-safe; every method holds one lock, which is cheap next to a TaskRouter round trip.
 */
public final class InMemoryAttachStore implements PendingAttachStore {
  private final int capacity;
  private final Clock clock;
  // insertion order: claims go to the task that has waited longest
  private final Map<String, TaskEntry> tasks = new LinkedHashMap<>();
  private int size;
  private long failed;

  private InMemoryAttachStore(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new ConfigurationException("capacity", "must be at least 1",
          "capacity must be at least 1 (was " + capacity + ")");
    }
    this.capacity = capacity;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A store for at most {@code capacity} pending attaches, whose leases run on {@code clock}.
   *
   * @param capacity how many attaches may be pending at once, at least 1
   * @param clock the clock leases and retry times are measured on
   * @return the store
   */
  public static InMemoryAttachStore create(int capacity, Clock clock) {
    return new InMemoryAttachStore(capacity, clock);
  }

  private static final class TaskEntry {
    final String workspaceSid;
    final String taskSid;
    final Map<String, PendingAttach> pending = new LinkedHashMap<>();
    String claimId;
    Instant availableAt = Instant.MIN;

    TaskEntry(String workspaceSid, String taskSid) {
      this.workspaceSid = workspaceSid;
      this.taskSid = taskSid;
    }
  }

  private static String key(String workspaceSid, String taskSid) {
    return workspaceSid + "/" + taskSid;
  }

  @Override
  public synchronized boolean save(PendingAttach attach) {
    Objects.requireNonNull(attach, "attach");
    if (size >= capacity) {
      return false;
    }
    TaskEntry t = tasks.computeIfAbsent(key(attach.workspaceSid(), attach.taskSid()),
        k -> new TaskEntry(attach.workspaceSid(), attach.taskSid()));
    if (t.pending.putIfAbsent(attach.id(), attach) == null) {
      size++;
    }
    return true;
  }

  @Override
  public synchronized List<AttachClaim> claim(String owner, int maxTasks, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be at least 1");
    }
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(lease);
    List<AttachClaim> claims = new ArrayList<>();
    for (TaskEntry t : tasks.values()) {
      if (claims.size() == maxTasks) {
        break;
      }
      if (t.pending.isEmpty() || now.isBefore(t.availableAt)) {
        continue;
      }
      boolean takenOver = t.claimId != null;
      t.claimId = UUID.randomUUID().toString();
      t.availableAt = leaseUntil;
      claims.add(new AttachClaim(t.claimId, t.workspaceSid, t.taskSid,
          List.copyOf(t.pending.values()), leaseUntil, takenOver));
    }
    return claims;
  }

  @Override
  public synchronized Map<String, AttachOutcome> complete(
      AttachClaim claim, Map<String, AttachOutcome> outcomes) {
    TaskEntry t = tasks.get(key(claim.workspaceSid(), claim.taskSid()));
    Map<String, AttachOutcome> recorded = new LinkedHashMap<>();
    if (t == null) {
      return recorded;
    }
    outcomes.forEach((id, o) -> {
      if (t.pending.remove(id) != null) {
        size--;
        if (o.status() == AttachOutcome.Status.FAILED) {
          failed++;
        }
        recorded.put(id, o);
      }
    });
    end(t, claim, Instant.MIN);
    return recorded;
  }

  @Override
  public synchronized void release(AttachClaim claim, Instant retryAt) {
    TaskEntry t = tasks.get(key(claim.workspaceSid(), claim.taskSid()));
    if (t != null) {
      end(t, claim, retryAt);
    }
  }

  private void end(TaskEntry t, AttachClaim claim, Instant availableAt) {
    if (!claim.id().equals(t.claimId)) {
      return;   // the lease ran out and someone else holds the task now
    }
    t.claimId = null;
    t.availableAt = availableAt;
    if (t.pending.isEmpty()) {
      tasks.remove(key(t.workspaceSid, t.taskSid));
    }
  }

  /** How many attaches are pending. */
  public synchronized int size() {
    return size;
  }

  /** Every pending attach, for a queue's shutdown: nobody else will do them. */
  public synchronized List<PendingAttach> pendingAttaches() {
    List<PendingAttach> all = new ArrayList<>();
    tasks.values().forEach(t -> all.addAll(t.pending.values()));
    return all;
  }

  @Override
  public synchronized AttachStoreStats stats() {
    Instant now = clock.instant();
    long claimed = 0;
    long expired = 0;
    for (TaskEntry t : tasks.values()) {
      if (t.claimId != null) {
        if (now.isBefore(t.availableAt)) {
          claimed += t.pending.size();
        } else {
          expired++;
        }
      }
    }
    return new AttachStoreStats(size, claimed, expired, failed);
  }
}
