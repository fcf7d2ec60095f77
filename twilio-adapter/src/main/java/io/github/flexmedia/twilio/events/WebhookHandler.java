package io.github.flexmedia.twilio.events;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.internal.events.Params;
import io.github.flexmedia.twilio.internal.events.RefusalLog;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A framework-neutral webhook endpoint: (method, URL, headers, body) in, (status, headers, body)
 * out. It checks Twilio's signature (on by default), reads recording status callbacks, TaskRouter
 * event callbacks and Event Streams batches, asks your functions which media belong on the task,
 * and hands them to an {@link AttachQueue}.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder(queue)
 *     .verifier(WebhookVerifier.of(authToken))
 *     .publicUrl("https://hooks.example.com")      // the host Twilio calls, before your proxy
 *     .onRecording(cb -> cb.isCompleted()
 *         ? Optional.of(MediaAttributes.builder().media(cb.toMediaLink()).build())
 *         : Optional.empty())
 *     .onTaskRouterEvent(e -> e.eventType().equals("reservation.wrapup")
 *         ? Optional.of(crmLinkFor(e)) : Optional.empty())
 *     .build();
 * WebhookResponse r = handler.handle(new WebhookRequest(method, url, headers, body));
 * }</pre>
 *
 * <p>Which request is which: a request whose signed URL carries {@code bodySHA256} is a JSON Event
 * Streams delivery, whatever its {@code Content-Type} (as twilio-node decides); each of its events
 * is read on its own, and an unreadable or unknown one is skipped and reported ({@link
 * Builder#onSkippedEvent}) while the others are handled; a form with {@code RecordingSid} is a recording status callback; a form with
 * {@code EventType} is a TaskRouter event. A recording callback names no task, so its URL must
 * carry {@code WorkspaceSid} and {@code TaskSid} query parameters (Twilio signs the query too):
 * set {@code recordingStatusCallback} to {@code https://hooks.example.com/recording?WorkspaceSid=WS…&TaskSid=WT…}.
 *
 * <p>Deadlines ({@link AttachQueue#deadlineAfter(Instant)}): a TaskRouter event's {@code
 * Timestamp} plus the queue's window (for {@code task.completed}, the time TaskRouter keeps the
 * task); a recording callback's arrival plus the window. In asynchronous mode, when one event of
 * a batch is refused the answer is 503 while the others stay queued: a redelivery re-adds their
 * links, which {@link io.github.flexmedia.MergeMode#APPEND} does not duplicate.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><th>status</th><th>when</th></tr>
 *   <tr><td>202</td><td>media accepted by the queue (asynchronous mode)</td></tr>
 *   <tr><td>200</td><td>media on the task (synchronous mode)</td></tr>
 *   <tr><td>204</td><td>nothing to attach, or (synchronous mode) too late: the task is gone or the
 *       deadline passed, so a redelivery could not help</td></tr>
 *   <tr><td>400</td><td>not a request this handler knows, or a required parameter missing or
 *       garbled</td></tr>
 *   <tr><td>403</td><td>signature missing or wrong</td></tr>
 *   <tr><td>405</td><td>not a POST</td></tr>
 *   <tr><td>500</td><td>one of your functions threw</td></tr>
 *   <tr><td>503</td><td>queue full or shut down; (synchronous mode) the write did not land in time.
 *       Twilio may retry</td></tr>
 * </table>
 *
 * <p>Bodies are fixed texts: nothing from the request is ever echoed. Thread-safe.
 */
public final class WebhookHandler {
  private static final System.Logger LOG = System.getLogger(WebhookHandler.class.getName());
  /** Event Streams waits at most 5 s for a sink's answer (Twilio's Event Streams webhook docs). */
  static final Duration EVENT_STREAMS_LIMIT = Duration.ofSeconds(5);
  /** The default budget of an Event Streams delivery: a margin under its 5 s. */
  static final Duration EVENT_STREAMS_BUDGET = Duration.ofSeconds(4);
  /** TaskRouter and recording callbacks are answered within 15 s (DESIGN's Flex facts). */
  static final Duration CALLBACK_LIMIT = Duration.ofSeconds(15);
  private static final Map<String, String> TEXT =
      Map.of("Content-Type", "text/plain; charset=utf-8");

  private final AttachQueue queue;
  private final WebhookVerifier verifier;
  private final String publicUrl;
  private final Function<RecordingCallback, Optional<MediaAttributes>> onRecording;
  private final Function<TaskRouterEvent, Optional<MediaAttributes>> onEvent;
  private final Duration synchronousBudget;
  private final Duration eventStreamsBudget;
  private final Consumer<SkippedEvent> onSkipped;
  private final RefusalLog refusals;

  private WebhookHandler(Builder b) {
    this.eventStreamsBudget = b.eventStreamsBudget;
    this.onSkipped = b.onSkipped;
    this.refusals = new RefusalLog(LOG, b.queue.clock());
    this.queue = b.queue;
    this.verifier = b.verifier;
    this.publicUrl = b.publicUrl;
    this.onRecording = b.onRecording;
    this.onEvent = b.onEvent;
    this.synchronousBudget = b.synchronousBudget;
  }

  /**
   * Starts a handler that feeds {@code queue}. Give it a {@link Builder#verifier(WebhookVerifier)}
   * (or, only for local tests, {@link Builder#insecureSkipVerification()}).
   *
   * @param queue where the media go
   * @return a new builder
   */
  public static Builder builder(AttachQueue queue) {
    return new Builder(queue);
  }

  /**
   * Handles one request.
   *
   * @param request the request
   * @return the answer to send
   */
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<WebhookResponse> refused = screen(request.method(), request.url(), request::header);
    if (refused.isPresent()) {
      return refused.get();
    }
    URI received = URI.create(request.url());
    String signedUrl = signedUrl(received);
    String signature = request.header(WebhookVerifier.SIGNATURE_HEADER);
    // As twilio-node's validateIncomingRequest (src/webhooks/webhooks.ts): a signed URL with
    // bodySHA256 means a JSON body, whatever the Content-Type (Event Streams sends
    // application/cloudevents-batch+json). Only an unverified handler, which has no signed URL to
    // go by, also trusts a Content-Type naming JSON.
    String contentType = request.header("Content-Type");
    boolean json = WebhookVerifier.bodyHash(signedUrl) != null
        || (verifier == null && contentType != null
            && contentType.toLowerCase(Locale.ROOT).contains("json"));
    Map<String, List<String>> form = Map.of();
    try {
      if (json) {
        if (verifier != null) {
          verifier.verifyJson(signedUrl, request.rawBody(), signature);
        }
      } else {
        form = decode(request.bodyText());
        if (verifier != null) {
          verifier.verifyForm(signedUrl, form, signature);
        }
      }
    } catch (WebhookSignatureException e) {
      refusals.refused(Level.WARNING, e.getMessage());
      return text(403, "signature check failed\n");
    }
    Map<String, String> first = firstValues(form);
    List<PendingAttach> work = new ArrayList<>();
    try {
      if (json) {
        List<TaskRouterEvent> events = TaskRouterEvent.fromEventStreams(
            request.bodyText(), queue.clock().instant(), this::skipped);
        for (TaskRouterEvent e : events) {
          forEvent(e).ifPresent(work::add);
        }
      } else if (first.containsKey("RecordingSid")) {
        forRecording(RecordingCallback.fromForm(first), firstValues(decode(received.getRawQuery())))
            .ifPresent(work::add);
      } else if (first.containsKey("EventType")) {
        forEvent(TaskRouterEvent.fromForm(first)).ifPresent(work::add);
      } else {
        refusals.refused(Level.WARNING, "neither a recording status callback nor a TaskRouter event");
        return text(400, "neither a recording status callback nor a TaskRouter event\n");
      }
    } catch (IllegalArgumentException e) {
      refusals.refused(Level.WARNING, e.getMessage());
      return text(400, "a required parameter is missing or malformed\n");
    } catch (RouteException e) {
      LOG.log(Level.ERROR, () -> "webhook function failed: " + e.getCause().getClass().getName());
      return text(500, "the media function failed\n");
    }
    if (work.isEmpty()) {
      return new WebhookResponse(204, Map.of(), "");
    }
    return submit(work, json && synchronousBudget != null
        && eventStreamsBudget.compareTo(synchronousBudget) < 0 ? eventStreamsBudget : synchronousBudget);
  }

  /**
   * Answers what can be refused from the request line and headers alone, before the body is read:
   * not a POST; an unparseable URL; with a verifier, no signature, or a JSON delivery whose signed
   * URL does not match (its signature covers the URL only). Empty when the body must be read.
   */
  Optional<WebhookResponse> screen(String method, String url, Function<String, String> header) {
    if (!method.equalsIgnoreCase("POST")) {
      return Optional.of(new WebhookResponse(405,
          Map.of("Allow", "POST", "Content-Type", TEXT.get("Content-Type")), "only POST is accepted\n"));
    }
    URI received;
    try {
      received = new URI(url);
    } catch (URISyntaxException e) {
      refusals.refused(Level.WARNING, "the request URL is not a valid URI");
      return Optional.of(text(400, "the request URL is not a valid URI\n"));
    }
    if (verifier == null) {
      return Optional.empty();
    }
    String signature = header.apply(WebhookVerifier.SIGNATURE_HEADER);
    String signedUrl = signedUrl(received);
    try {
      if (signature == null || signature.isBlank()) {
        throw new WebhookSignatureException(
            "the " + WebhookVerifier.SIGNATURE_HEADER + " header is missing or blank");
      }
      if (WebhookVerifier.bodyHash(signedUrl) != null) {
        verifier.verify(signedUrl, Map.of(), signature);
      }
    } catch (WebhookSignatureException e) {
      refusals.refused(Level.WARNING, e.getMessage());
      return Optional.of(text(403, "signature check failed\n"));
    }
    return Optional.empty();
  }

  private void skipped(SkippedEvent s) {
    refusals.refused(Level.WARNING, "event " + s.index() + " of a delivery skipped: "
        + s.field() + " " + s.reason());
    try {
      onSkipped.accept(s);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, () -> "onSkippedEvent failed: " + e.getClass().getName());
    }
  }

  private static Map<String, String> firstValues(Map<String, List<String>> params) {
    Map<String, String> first = new LinkedHashMap<>();
    params.forEach((k, v) -> first.put(k, v.get(0)));
    return first;
  }

  private WebhookResponse submit(List<PendingAttach> work, Duration budget) {
    if (synchronousBudget == null) {
      for (PendingAttach p : work) {
        boolean accepted;
        try {
          accepted = queue.offer(p);
        } catch (RuntimeException e) {
          // The store could not save it (its database is down): 503, and Twilio retries.
          LOG.log(Level.ERROR, () -> "attach store refused: " + e.getClass().getName());
          accepted = false;
        }
        if (!accepted) {
          return new WebhookResponse(503,
              Map.of("Retry-After", "5", "Content-Type", TEXT.get("Content-Type")),
              "busy: try again later\n");
        }
      }
      return text(202, "accepted\n");
    }
    // One budget for the whole request: an Event Streams batch of N events must not take N times it.
    Instant end = queue.clock().instant().plus(budget);
    boolean allLanded = true;
    for (PendingAttach p : work) {
      Duration left = Duration.between(queue.clock().instant(), end);
      if (left.isNegative() || left.isZero()) {
        return text(503, "the media could not be attached in time\n");
      }
      AttachOutcome o = queue.attachWithin(p, left);
      if (o.status() == AttachOutcome.Status.FAILED) {
        return text(503, "the media could not be attached in time\n");
      }
      allLanded &= o.succeeded();
    }
    return allLanded ? text(200, "attached\n") : new WebhookResponse(204, Map.of(), "");
  }

  private Optional<PendingAttach> forRecording(RecordingCallback cb, Map<String, String> query) {
    String workspaceSid = Params.sid("WorkspaceSid", Params.required(query, "WorkspaceSid"), "WS");
    String taskSid = Params.sid("TaskSid", Params.required(query, "TaskSid"), "WT");
    return call(onRecording, cb).map(media ->
        PendingAttach.of(workspaceSid, taskSid, media, queue.deadlineAfter(queue.clock().instant())));
  }

  private Optional<PendingAttach> forEvent(TaskRouterEvent e) {
    if (e.taskSid() == null) {
      return Optional.empty();
    }
    Instant deadline = queue.deadlineAfter(e.timestamp());
    return call(onEvent, e).map(media ->
        PendingAttach.of(e.workspaceSid(), e.taskSid(), media, deadline));
  }

  private static <T> Optional<MediaAttributes> call(
      Function<T, Optional<MediaAttributes>> f, T input) {
    Optional<MediaAttributes> media;
    try {
      media = f.apply(input);
    } catch (RuntimeException e) {
      throw new RouteException(e);
    }
    return media == null ? Optional.empty() : media.filter(m -> !m.equals(MediaAttributes.empty()));
  }

  private String signedUrl(URI received) {
    if (publicUrl == null) {
      return received.toString();
    }
    String path = received.getRawPath() == null ? "" : received.getRawPath();
    String query = received.getRawQuery() == null ? "" : "?" + received.getRawQuery();
    return publicUrl + path + query;
  }

  /** Form or query decoding; a repeated name keeps all its values, in order. */
  private static Map<String, List<String>> decode(String encoded) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k;
      String v;
      try {
        k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // A malformed escape: keep the pair raw, so that the signature check fails on it.
        k = pair;
        v = "";
      }
      params.computeIfAbsent(k, x -> new ArrayList<>(1)).add(v);
    }
    return params;
  }

  private static WebhookResponse text(int status, String body) {
    return new WebhookResponse(status, TEXT, body);
  }

  /** A user function failed: a 500, distinct from a 400 for bad input. */
  private static final class RouteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RouteException(RuntimeException cause) {
      super(cause);
    }
  }

  /** Configures a {@link WebhookHandler}. */
  public static final class Builder {
    private final AttachQueue queue;
    private WebhookVerifier verifier;
    private boolean skipVerification;
    private String publicUrl;
    private Function<RecordingCallback, Optional<MediaAttributes>> onRecording =
        cb -> Optional.empty();
    private Function<TaskRouterEvent, Optional<MediaAttributes>> onEvent = e -> Optional.empty();
    private Duration synchronousBudget;
    private Duration eventStreamsBudget = EVENT_STREAMS_BUDGET;
    private Consumer<SkippedEvent> onSkipped = s -> { };

    private Builder(AttachQueue queue) {
      this.queue = Objects.requireNonNull(queue, "queue");
    }

    /**
     * Checks every request's {@code X-Twilio-Signature} with {@code verifier}; required unless
     * {@link #insecureSkipVerification()} is called.
     *
     * @param verifier the verifier
     * @return this builder
     */
    public Builder verifier(WebhookVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Accepts unsigned requests. Only for a local test setup: anyone who can reach the endpoint
     * can then write media to your tasks.
     *
     * @return this builder
     */
    public Builder insecureSkipVerification() {
      this.skipVerification = true;
      return this;
    }

    /**
     * The scheme, host and port (and any path prefix) Twilio calls, for when a proxy or load
     * balancer rewrites them: the signature covers the URL as Twilio called it. The request's path
     * and query are appended to it. By default the request's own URL is used.
     *
     * @param publicUrl for example {@code https://hooks.example.com}
     * @return this builder
     * @throws ConfigurationException if it is not an absolute http(s) URL without query
     */
    public Builder publicUrl(String publicUrl) {
      URI u;
      try {
        u = new URI(Objects.requireNonNull(publicUrl, "publicUrl"));
      } catch (URISyntaxException e) {
        throw new ConfigurationException("publicUrl", "must be a valid URI");
      }
      if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))
          || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null) {
        throw new ConfigurationException(
            "publicUrl", "must be an absolute http(s) URL without query or fragment");
      }
      String s = u.toString();
      this.publicUrl = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
      return this;
    }

    /**
     * What to attach for a recording status callback; nothing by default.
     *
     * @param onRecording returns the media for the task named in the callback URL, or empty
     * @return this builder
     */
    public Builder onRecording(Function<RecordingCallback, Optional<MediaAttributes>> onRecording) {
      this.onRecording = Objects.requireNonNull(onRecording, "onRecording");
      return this;
    }

    /**
     * What to attach for a TaskRouter event (from the event callback or Event Streams); nothing by
     * default. Events without a task are not passed on.
     *
     * @param onEvent returns the media for the event's task, or empty
     * @return this builder
     */
    public Builder onTaskRouterEvent(Function<TaskRouterEvent, Optional<MediaAttributes>> onEvent) {
      this.onEvent = Objects.requireNonNull(onEvent, "onEvent");
      return this;
    }

    /**
     * Attaches inside the request and answers 2xx only once the write landed (else 503), within
     * {@code budget}: for sources that redeliver, since nothing is then held in memory. By default
     * the handler hands work to the queue and answers 202 at once. Twilio waits 15 s for a
     * TaskRouter or recording callback (DESIGN's Flex facts); an Event Streams delivery gets at
     * most {@link #eventStreamsBudget(Duration)} (4 s by default) whatever this budget, since Event
     * Streams waits only 5 s. A budget over 15 s is accepted with a WARNING: Twilio will have
     * given up before the answer.
     *
     * @param budget the longest time one request may spend attaching
     * @return this builder
     */
    public Builder synchronous(Duration budget) {
      if (budget.isNegative() || budget.isZero()) {
        throw new ConfigurationException("synchronous", "budget must be positive");
      }
      this.synchronousBudget = budget;
      return this;
    }

    /**
     * The synchronous budget of an Event Streams delivery (a JSON body), 4 s by default: Event
     * Streams waits at most 5 s for a sink's answer (Twilio, "Event Streams webhook sink" quickstart:
     * https://www.twilio.com/docs/events/webhook-quickstart), and an attach that lands after it
     * gave up is answered to nobody. Applies in {@link #synchronous(Duration)} mode only; the
     * smaller of the two budgets wins. Over 5 s is accepted with a WARNING at {@link #build()}.
     *
     * @param budget the longest time one Event Streams delivery may spend attaching
     * @return this builder
     */
    public Builder eventStreamsBudget(Duration budget) {
      if (budget.isNegative() || budget.isZero()) {
        throw new ConfigurationException("eventStreamsBudget", "budget must be positive");
      }
      this.eventStreamsBudget = budget;
      return this;
    }

    /**
     * Told of each event of an Event Streams delivery that was skipped, unreadable or unknown, with
     * its index and field (never a value): for a metric. The other events are handled, and the
     * delivery is answered 2xx when every readable one was accepted. Skipped events are also
     * logged, rate-limited.
     *
     * @param onSkipped the hook; an exception it throws is logged and ignored
     * @return this builder
     */
    public Builder onSkippedEvent(Consumer<SkippedEvent> onSkipped) {
      this.onSkipped = Objects.requireNonNull(onSkipped, "onSkipped");
      return this;
    }

    /**
     * The handler.
     *
     * @return the handler
     * @throws ConfigurationException if no verifier was given and verification was not skipped
     */
    public WebhookHandler build() {
      if (verifier == null && !skipVerification) {
        throw new ConfigurationException("verifier", "is required",
            "a WebhookVerifier is required (or call insecureSkipVerification() for local tests)");
      }
      if (synchronousBudget != null && synchronousBudget.compareTo(CALLBACK_LIMIT) > 0) {
        LOG.log(Level.WARNING, () -> "flex-media: synchronous budget " + synchronousBudget
            + " is above the 15 s Twilio waits for a callback: answers may come after Twilio gave up");
      }
      if (eventStreamsBudget.compareTo(EVENT_STREAMS_LIMIT) > 0) {
        LOG.log(Level.WARNING, () -> "flex-media: Event Streams budget " + eventStreamsBudget
            + " is above the 5 s Event Streams waits for an answer: attaches may be reported"
            + " as landed after Twilio gave up on the delivery");
      }
      return new WebhookHandler(this);
    }
  }
}
