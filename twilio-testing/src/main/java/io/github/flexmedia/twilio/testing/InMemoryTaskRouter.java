package io.github.flexmedia.twilio.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A thread-safe, in-memory {@link TaskRouterClient} with TaskRouter's semantics where they matter
 * to flex-media: every write replaces the whole attributes document and gives the task a new ETag
 * (quoted, like {@code "7"}); an update whose {@code If-Match} does not match fails with 412;
 * attributes over 4096 characters or not a JSON object fail with 400; a missing task is 404.
 *
 * <p>Held to Twilio's description (twilio/twilio-oai {@code twilio_taskrouter_v1.json}; the
 * project's conformance test checks the emulator against it): a create must name a workflow
 * {@linkplain #registerWorkflow registered} in the workspace, and may omit it when the workspace
 * has exactly one ("If there is only one Workflow defined for the Workspace ... this parameter is
 * optional"); a workspace with none registered accepts any well-formed {@code WW} SID, so tests
 * that never register one keep working. A task completed or canceled is deleted 2 minutes later
 * on the double's clock (Twilio, "Add Additional TaskRouter Data": attributes may be updated for 2
 * minutes after completion, then the task is deleted); {@link #advanceClock(Duration)} moves that
 * clock.
 *
 * <pre>{@code
 * InMemoryTaskRouter router = new InMemoryTaskRouter();
 * router.putTask(WS, WT, "{\"type\":\"inbound\"}");
 * router.failNext(Operation.UPDATE, 1, Fault.conflict());   // someone else wins the first race
 *
 * MediaAttacher.builder(router).build().attach(WS, WT, media);
 *
 * assertThat(MediaAttributes.fromTaskAttributes(router.attributes(WS, WT))).isEqualTo(...);
 * assertThat(router.calls()).extracting(RecordedCall::operation)
 *     .containsExactly(FETCH, UPDATE, FETCH, UPDATE);
 * }</pre>
 *
 * <p>Faults are consumed in the order they were queued: each call takes the first queued fault
 * that applies to its operation. A fault answers instead of carrying out the call, or, made with
 * {@link Fault#afterWrite()}, after it. {@link #calls()} records each call with its HTTP status,
 * the fault answered and whether it took effect.
 */
public final class InMemoryTaskRouter implements TaskRouterClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Object lock = new Object();
  private final Map<String, Stored> tasks = new HashMap<>();
  private final Deque<QueuedFault> faults = new ArrayDeque<>();
  private final Deque<RecordedCall> calls = new ArrayDeque<>();
  private final int callLogLimit;
  private Fault permanent;
  private Operation permanentOperation;
  private Runnable beforeNextUpdate;
  private TokenBucket rateLimit;
  private final Map<String, Map<String, String>> workflows = new HashMap<>();
  private Duration clockOffset = Duration.ZERO;
  private final Clock clock = Clock.systemUTC();

  /** How long a finished task lives (Twilio, "Add Additional TaskRouter Data"). */
  static final Duration FINISHED_TASK_LIFETIME = Duration.ofMinutes(2);
  /** The create operation's bound on {@code Timeout} (twilio-oai: "up to ... 1,209,600"). */
  static final int MAX_TIMEOUT = 1_209_600;
  /** The default {@code Timeout} (twilio-oai: "The default value is 24 hours (86,400 seconds)"). */
  static final int DEFAULT_TIMEOUT = 86_400;
  /** The spec's pattern for a workflow SID. */
  private static final Pattern WORKFLOW_SID = Pattern.compile("WW[0-9a-fA-F]{32}");

  private static final class Stored {
    final String workspaceSid;
    final String taskSid;
    String attributes;
    long version;
    String assignmentStatus;
    final String taskChannel;
    String workflowSid;
    String workflowFriendlyName;
    int priority;
    int timeout = DEFAULT_TIMEOUT;
    final Instant dateCreated;
    Instant dateUpdated;
    Instant finishedAt; // completed or canceled: deleted FINISHED_TASK_LIFETIME later

    Stored(String ws, String sid, String attributes, String status, String channel, Instant now) {
      this.workspaceSid = ws;
      this.taskSid = sid;
      this.attributes = attributes;
      this.version = 1;
      this.taskChannel = channel;
      this.dateCreated = now;
      this.dateUpdated = now;
      status(status, now);
    }

    void status(String status, Instant now) {
      this.assignmentStatus = status;
      boolean finished = "completed".equals(status) || "canceled".equals(status);
      this.finishedAt = finished ? (finishedAt != null ? finishedAt : now) : null;
    }

    void changed(Instant now) {
      version++;
      dateUpdated = now;
    }

    TaskSnapshot snapshot() {
      return new TaskSnapshot(workspaceSid, taskSid, attributes, "\"" + version + "\"",
          assignmentStatus, taskChannel);
    }

    Resource resource(Instant now) {
      return new Resource(snapshot(), workflowSid, workflowFriendlyName, priority, timeout,
          dateCreated, dateUpdated, Math.max(0, Duration.between(dateCreated, now).toSeconds()));
    }
  }

  /**
   * What the HTTP emulator renders: the task plus the Task resource's other fields.
   *
   * @param age seconds since the task was created
   */
  record Resource(TaskSnapshot task, String workflowSid, String workflowFriendlyName,
      int priority, int timeout, Instant dateCreated, Instant dateUpdated, long age) {}

  /** The options of a create that {@link TaskRouterClient} does not carry; {@code null}: default. */
  record CreateOptions(Integer timeout, Integer priority, String taskChannel) {
    static final CreateOptions DEFAULTS = new CreateOptions(null, null, null);
  }

  private record QueuedFault(Operation operation, Fault fault, int[] remaining) {}

  /** The default number of calls {@link #calls()} keeps. */
  public static final int DEFAULT_CALL_LOG_LIMIT = 10_000;

  /** An empty router keeping the last {@value #DEFAULT_CALL_LOG_LIMIT} calls. */
  public InMemoryTaskRouter() {
    this(DEFAULT_CALL_LOG_LIMIT);
  }

  /**
   * An empty router keeping the last {@code callLogLimit} calls, so that a long load test does not
   * hold every attributes document it ever sent.
   *
   * @param callLogLimit how many calls to keep, 0 for none
   */
  public InMemoryTaskRouter(int callLogLimit) {
    if (callLogLimit < 0) {
      throw new IllegalArgumentException("callLogLimit must not be negative");
    }
    this.callLogLimit = callLogLimit;
  }

  // --- seeding and inspection (not recorded, never faulted) ----------------------------------

  /**
   * Stores a pending voice task with these attributes, replacing any task with that SID.
   *
   * @param attributesJson the whole attributes document
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the stored task
   */
  public TaskSnapshot putTask(String workspaceSid, String taskSid, String attributesJson) {
    return putTask(workspaceSid, taskSid, attributesJson, "pending", "voice");
  }

  /**
   * Stores a task, replacing any task with that SID; its ETag starts at {@code "1"}.
   *
   * @param assignmentStatus {@code pending}, {@code reserved}, {@code assigned}, {@code wrapping}, {@code completed} or {@code canceled}
   * @param attributesJson the whole attributes document
   * @param taskChannel the task channel's unique name, e.g. {@code voice}
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the stored task
   */
  public TaskSnapshot putTask(
      String workspaceSid, String taskSid, String attributesJson, String assignmentStatus,
      String taskChannel) {
    Objects.requireNonNull(workspaceSid, "workspaceSid");
    Objects.requireNonNull(taskSid, "taskSid");
    synchronized (lock) {
      Stored s = new Stored(workspaceSid, taskSid, attributesJson == null ? "{}" : attributesJson,
          assignmentStatus, taskChannel, now());
      tasks.put(key(workspaceSid, taskSid), s);
      return s.snapshot();
    }
  }

  /**
   * The task as stored now, without recording a call or consuming a fault.
   *
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the task as stored now, without recording a call or consuming a fault
   */
  public Optional<TaskSnapshot> task(String workspaceSid, String taskSid) {
    synchronized (lock) {
      purgeFinished();
      Stored s = tasks.get(key(workspaceSid, taskSid));
      return Optional.ofNullable(s == null ? null : s.snapshot());
    }
  }

  /**
   * The task's attributes as stored now.
   *
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @return the task's attributes as stored now
   * @throws IllegalStateException if there is no such task
   */
  public String attributes(String workspaceSid, String taskSid) {
    return task(workspaceSid, taskSid)
        .orElseThrow(() -> new IllegalStateException("no task " + taskSid + " in " + workspaceSid))
        .attributesJson();
  }

  /**
   * Replaces a task's attributes as another writer would: the ETag changes, no call is recorded.
   *
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param attributesJson the whole new attributes document
   * @return the task as stored now
   * @throws IllegalStateException if there is no such task
   */
  public TaskSnapshot setAttributes(String workspaceSid, String taskSid, String attributesJson) {
    Objects.requireNonNull(attributesJson, "attributesJson");
    synchronized (lock) {
      Stored s = require(workspaceSid, taskSid);
      s.attributes = attributesJson;
      s.changed(now());
      return s.snapshot();
    }
  }

  /**
   * Runs {@code otherWriter} once, just before the next update is looked at (before its faults,
   * its {@code If-Match} check and its write): the change another writer makes between someone's
   * read and their write.
   *
   * <pre>{@code
   * router.beforeNextUpdate(() -> router.setAttributes(WS, WT, "{\"crm\":\"added later\"}"));
   * }</pre>
   *
   * @param otherWriter the change, typically {@link #setAttributes}; runs under the router's lock
   * @return this router, for chaining
   */
  public InMemoryTaskRouter beforeNextUpdate(Runnable otherWriter) {
    synchronized (lock) {
      this.beforeNextUpdate = Objects.requireNonNull(otherWriter, "otherWriter");
    }
    return this;
  }

  /**
   * Removes a task, as TaskRouter does a while after it ends; later calls get 404.
   *
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   */
  public void removeTask(String workspaceSid, String taskSid) {
    synchronized (lock) {
      tasks.remove(key(workspaceSid, taskSid));
    }
  }

  /**
   * Changes a task's assignment status (e.g. {@code completed}); the ETag changes too.
   *
   * @param assignmentStatus {@code pending}, {@code reserved}, {@code assigned}, {@code wrapping}, {@code completed} or {@code canceled}
   * @param taskSid the task: {@code WT} and 32 hex digits
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   */
  public void setAssignmentStatus(String workspaceSid, String taskSid, String assignmentStatus) {
    synchronized (lock) {
      Stored s = require(workspaceSid, taskSid);
      s.status(assignmentStatus, now());
      s.changed(now());
    }
  }

  /**
   * How many tasks are stored.
   *
   * @return how many tasks are stored
   */
  public int taskCount() {
    synchronized (lock) {
      purgeFinished();
      return tasks.size();
    }
  }

  /**
   * The calls received so far, oldest first (the last {@code callLogLimit} of them).
   *
   * @return the calls received so far, oldest first (the last {@code callLogLimit} of them)
   */
  public List<RecordedCall> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** Forgets the recorded calls. */
  public void clearCalls() {
    synchronized (lock) {
      calls.clear();
    }
  }

  /**
   * Registers a workflow in a workspace, for creates to name (or, when it is the workspace's only
   * one, to omit). Until a workspace has one, its creates accept any well-formed {@code WW} SID.
   *
   * <pre>{@code
   * router.registerWorkflow(WS, WW);
   * attacher.createTask(WS, null, ticket, media);   // the workspace's one workflow
   * }</pre>
   *
   * @param workspaceSid the workspace: {@code WS} and 32 hex digits
   * @param workflowSid the workflow: {@code WW} and 32 hex digits
   * @return this router, for chaining
   */
  public InMemoryTaskRouter registerWorkflow(String workspaceSid, String workflowSid) {
    Objects.requireNonNull(workspaceSid, "workspaceSid");
    if (workflowSid == null || !WORKFLOW_SID.matcher(workflowSid).matches()) {
      throw new IllegalArgumentException("workflowSid must be 'WW' followed by 32 hex digits");
    }
    synchronized (lock) {
      Map<String, String> names = workflows.computeIfAbsent(workspaceSid, k -> new LinkedHashMap<>());
      names.putIfAbsent(workflowSid, "Workflow " + (names.size() + 1));
    }
    return this;
  }

  /**
   * Moves the double's clock forward: task dates, and the deletion of finished tasks 2 minutes
   * after they completed or were canceled, follow it.
   *
   * @param by how far, not negative
   * @return this router, for chaining
   */
  public InMemoryTaskRouter advanceClock(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    synchronized (lock) {
      clockOffset = clockOffset.plus(by);
    }
    return this;
  }

  /** The double's clock, to the second as Twilio's dates are. Caller holds the lock. */
  private Instant now() {
    return clock.instant().plus(clockOffset).truncatedTo(ChronoUnit.SECONDS);
  }

  /** Deletes tasks finished at least 2 minutes ago, as TaskRouter does. Caller holds the lock. */
  private void purgeFinished() {
    Instant now = now();
    tasks.values().removeIf(s -> s.finishedAt != null
        && !now.isBefore(s.finishedAt.plus(FINISHED_TASK_LIFETIME)));
  }

  // --- faults --------------------------------------------------------------------------------

  /**
   * The next {@code count} calls of any operation are answered with {@code fault}.
   *
   * @param count how many calls, at least 1
   * @param fault the failure to answer with
   * @return this router, for chaining
   */
  public InMemoryTaskRouter failNext(int count, Fault fault) {
    return queue(null, count, fault);
  }

  /**
   * The next {@code count} calls of {@code operation} are answered with {@code fault}.
   *
   * @param count how many calls, at least 1
   * @param fault the failure to answer with
   * @param operation the operation the faults apply to
   * @return this router, for chaining
   */
  public InMemoryTaskRouter failNext(Operation operation, int count, Fault fault) {
    return queue(Objects.requireNonNull(operation, "operation"), count, fault);
  }

  /**
   * Every call of {@code operation} ({@code null}: any) is answered with {@code fault}.
   *
   * @param operation the operation the fault applies to, or {@code null} for every operation
   * @param fault the failure to answer with
   * @return this router, for chaining
   */
  public InMemoryTaskRouter failAlways(Operation operation, Fault fault) {
    synchronized (lock) {
      this.permanent = Objects.requireNonNull(fault, "fault");
      this.permanentOperation = operation;
    }
    return this;
  }

  /**
   * Enforces a request rate limit, as TaskRouter does (Twilio, "TaskRouter API rate limits": 429
   * with error 20429): every call takes a token from {@code bucket} first, and a call that finds
   * it empty is answered 429 (error 20429) with the bucket's {@code Retry-After}, or none if it
   * was made {@link TokenBucket#withoutRetryAfter()}, recorded as a {@link Fault#rateLimited}
   * fault.
   * Seeding and inspection methods take no token.
   *
   * <pre>{@code
   * router.rateLimit(TokenBucket.of(50, 10));   // 50 requests/s, bursts of 10
   * }</pre>
   *
   * @param bucket the limit, or {@code null} for none (the default)
   * @return this router, for chaining
   */
  public InMemoryTaskRouter rateLimit(TokenBucket bucket) {
    synchronized (lock) {
      this.rateLimit = bucket;
    }
    return this;
  }

  /** A 429 fault when the rate limit refuses this call. Caller holds the lock. */
  private Fault throttle() {
    if (rateLimit == null) {
      return null;
    }
    TokenBucket bucket = rateLimit;
    return bucket.tryTake()
        .map(wait -> bucket.sendsRetryAfter() ? Fault.rateLimited(wait) : Fault.rateLimited())
        .orElse(null);
  }

  /** Removes every queued and permanent fault, and a pending {@link #beforeNextUpdate} hook. */
  public void clearFaults() {
    synchronized (lock) {
      faults.clear();
      permanent = null;
      beforeNextUpdate = null;
    }
  }

  private InMemoryTaskRouter queue(Operation operation, int count, Fault fault) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    synchronized (lock) {
      faults.add(new QueuedFault(operation, Objects.requireNonNull(fault, "fault"), new int[] {count}));
    }
    return this;
  }

  /**
   * Takes the fault for a call of {@code operation}, if one applies now: before the call is
   * carried out ({@code afterWrite} false) or after it ({@code true}). An after-the-write fault at
   * the head of the queue waits for a call that gets that far. Caller holds the lock.
   */
  private Fault takeFault(Operation operation, boolean afterWrite) {
    for (Iterator<QueuedFault> it = faults.iterator(); it.hasNext(); ) {
      QueuedFault q = it.next();
      if (q.operation == null || q.operation == operation) {
        if (q.fault.isAfterWrite() != afterWrite) {
          return null;
        }
        if (--q.remaining[0] == 0) {
          it.remove();
        }
        return q.fault;
      }
    }
    if (permanent != null && permanent.isAfterWrite() == afterWrite
        && (permanentOperation == null || permanentOperation == operation)) {
      return permanent;
    }
    return null;
  }

  // --- TaskRouterClient ----------------------------------------------------------------------

  @Override
  public TaskSnapshot fetchTask(String workspaceSid, String taskSid) {
    return fetch(workspaceSid, taskSid).task();
  }

  /** The fetch, with the whole resource for the HTTP emulator. */
  Resource fetch(String workspaceSid, String taskSid) {
    synchronized (lock) {
      purgeFinished();
      Fault f = throttle();
      if (f == null) {
        f = takeFault(Operation.FETCH, false);
      }
      if (f != null) {
        throw answer(Operation.FETCH, workspaceSid, taskSid, null, null, f, false);
      }
      Stored s = tasks.get(key(workspaceSid, taskSid));
      if (s == null) {
        throw refuse(Operation.FETCH, workspaceSid, taskSid, null, null, 404, 20404);
      }
      f = takeFault(Operation.FETCH, true);
      if (f != null) {
        throw answer(Operation.FETCH, workspaceSid, taskSid, null, null, f, true);
      }
      record(new RecordedCall(Operation.FETCH, workspaceSid, taskSid, null, null, 200, null, true));
      return s.resource(now());
    }
  }

  @Override
  public TaskSnapshot updateTaskAttributes(
      String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
    return update(workspaceSid, taskSid, attributesJson, ifMatch).task();
  }

  /** The update, with the whole resource for the HTTP emulator. */
  Resource update(String workspaceSid, String taskSid, String attributesJson, String ifMatch) {
    synchronized (lock) {
      purgeFinished();
      Runnable other = beforeNextUpdate;
      if (other != null) {
        beforeNextUpdate = null;
        other.run();
      }
      Fault f = throttle();
      if (f == null) {
        f = takeFault(Operation.UPDATE, false);
      }
      if (f != null) {
        throw answer(Operation.UPDATE, workspaceSid, taskSid, ifMatch, attributesJson, f, false);
      }
      Stored s = tasks.get(key(workspaceSid, taskSid));
      if (s == null) {
        throw refuse(Operation.UPDATE, workspaceSid, taskSid, ifMatch, attributesJson, 404, 20404);
      }
      // 20412 "Precondition Failed" (Twilio's error dictionary), HTTP 412 on a stale If-Match
      // (twilio-oai: the update applies "if (and only if) the ETag header of the Task matches").
      if (ifMatch != null && !ifMatch.equals(s.snapshot().etag())) {
        throw refuse(Operation.UPDATE, workspaceSid, taskSid, ifMatch, attributesJson, 412, 20412);
      }
      if (!isValidAttributes(attributesJson)) {
        throw refuse(Operation.UPDATE, workspaceSid, taskSid, ifMatch, attributesJson, 400, 20001);
      }
      s.attributes = attributesJson;
      s.changed(now());
      f = takeFault(Operation.UPDATE, true);
      if (f != null) {
        throw answer(Operation.UPDATE, workspaceSid, taskSid, ifMatch, attributesJson, f, true);
      }
      record(new RecordedCall(
          Operation.UPDATE, workspaceSid, taskSid, ifMatch, attributesJson, 200, null, true));
      return s.resource(now());
    }
  }

  /**
   * Creates a pending task on the {@code default} channel (twilio-oai: TaskChannel's "Default
   * value is {@code default}"). {@code workflowSid} may be {@code null} when the workspace has
   * exactly one registered workflow.
   */
  @Override
  public TaskSnapshot createTask(String workspaceSid, String workflowSid, String attributesJson) {
    return create(workspaceSid, workflowSid, attributesJson, CreateOptions.DEFAULTS).task();
  }

  /** The create with the options the HTTP emulator receives, already checked against bounds. */
  Resource create(
      String workspaceSid, String workflowSid, String attributesJson, CreateOptions options) {
    synchronized (lock) {
      purgeFinished();
      Fault f = throttle();
      if (f == null) {
        f = takeFault(Operation.CREATE, false);
      }
      if (f != null) {
        throw answer(Operation.CREATE, workspaceSid, null, null, attributesJson, f, false);
      }
      Map<String, String> registered = workflows.getOrDefault(workspaceSid, Map.of());
      String workflow = workflowSid;
      if (workflow == null && registered.size() == 1) {
        // twilio-oai, WorkflowSid: "If there is only one Workflow defined for the Workspace that
        // you are posting the new task to, this parameter is optional."
        workflow = registered.keySet().iterator().next();
      }
      if (workflow == null || !WORKFLOW_SID.matcher(workflow).matches()
          || !registered.isEmpty() && !registered.containsKey(workflow)) {
        // The status and code for an unknown or missing workflow are not documented; 400 with
        // 20001 is the answer Twilio gives invalid parameters in the project's other checks.
        throw refuse(Operation.CREATE, workspaceSid, null, null, attributesJson, 400, 20001);
      }
      if (!isValidAttributes(attributesJson)) {
        throw refuse(Operation.CREATE, workspaceSid, null, null, attributesJson, 400, 20001);
      }
      String sid = "WT" + HexFormat.of().formatHex(bytes16());
      String channel = options.taskChannel() != null ? options.taskChannel() : "default";
      Stored s = new Stored(workspaceSid, sid, attributesJson, "pending", channel, now());
      s.workflowSid = workflow;
      s.workflowFriendlyName = registered.getOrDefault(workflow, "Workflow");
      s.priority = options.priority() != null ? options.priority() : 0;
      s.timeout = options.timeout() != null ? options.timeout() : DEFAULT_TIMEOUT;
      tasks.put(key(workspaceSid, sid), s);
      f = takeFault(Operation.CREATE, true);
      if (f != null) {
        throw answer(Operation.CREATE, workspaceSid, sid, null, attributesJson, f, true);
      }
      record(new RecordedCall(Operation.CREATE, workspaceSid, sid, null, attributesJson, 201, null, true));
      return s.resource(now());
    }
  }

  private static byte[] bytes16() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return b;
  }

  private TaskRouterException answer(Operation op, String ws, String task, String ifMatch,
      String attributes, Fault f, boolean applied) {
    record(new RecordedCall(op, ws, task, ifMatch, attributes, f.status(), f, applied));
    return DoubleErrors.of(op, ws, op == Operation.CREATE ? null : task,
        f.status(), f.errorCode(), f.retryAfter().orElse(null));
  }

  private void record(RecordedCall call) {
    if (callLogLimit == 0) {
      return;
    }
    if (calls.size() == callLogLimit) {
      calls.removeFirst();
    }
    calls.addLast(call);
  }

  private TaskRouterException refuse(Operation op, String ws, String task, String ifMatch,
      String attributes, int status, int code) {
    record(new RecordedCall(op, ws, task, ifMatch, attributes, status, null, false));
    return DoubleErrors.of(op, ws, task, status, code, null);
  }

  /** TaskRouter's own checks: a JSON object of at most 4096 characters. */
  static boolean isValidAttributes(String json) {
    if (json == null || json.length() > MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH) {
      return false;
    }
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private Stored require(String workspaceSid, String taskSid) {
    purgeFinished();
    Stored s = tasks.get(key(workspaceSid, taskSid));
    if (s == null) {
      throw new IllegalStateException("no task " + taskSid + " in " + workspaceSid);
    }
    return s;
  }

  private static String key(String workspaceSid, String taskSid) {
    return workspaceSid + "/" + taskSid;
  }
}
