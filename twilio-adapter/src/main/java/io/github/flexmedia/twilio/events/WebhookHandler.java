package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.MediaAttributes;
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
 * <p>Which request is which: a JSON body is an Event Streams delivery (signed with {@code
 * bodySHA256}); a form with {@code RecordingSid} is a recording status callback; a form with
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
  private static final Map<String, String> TEXT =
      Map.of("Content-Type", "text/plain; charset=utf-8");

  private final AttachQueue queue;
  private final WebhookVerifier verifier;
  private final String publicUrl;
  private final Function<RecordingCallback, Optional<MediaAttributes>> onRecording;
  private final Function<TaskRouterEvent, Optional<MediaAttributes>> onEvent;
  private final Duration synchronousBudget;

  private WebhookHandler(Builder b) {
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
    if (!request.method().equalsIgnoreCase("POST")) {
      return new WebhookResponse(405, Map.of("Allow", "POST", "Content-Type", TEXT.get("Content-Type")),
          "only POST is accepted\n");
    }
    URI received;
    try {
      received = new URI(request.url());
    } catch (URISyntaxException e) {
      return text(400, "the request URL is not a valid URI\n");
    }
    String signedUrl = signedUrl(received);
    String contentType = request.header("Content-Type");
    boolean json = contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    String body = request.bodyText();
    Map<String, String> form = json ? Map.of() : decode(body);
    if (verifier != null) {
      try {
        if (json) {
          verifier.verifyJson(signedUrl, body, request.header(WebhookVerifier.SIGNATURE_HEADER));
        } else {
          verifier.verify(signedUrl, form, request.header(WebhookVerifier.SIGNATURE_HEADER));
        }
      } catch (WebhookSignatureException e) {
        LOG.log(Level.WARNING, () -> "webhook refused: " + e.getMessage());
        return text(403, "signature check failed\n");
      }
    }
    List<PendingAttach> work = new ArrayList<>();
    try {
      if (json) {
        for (TaskRouterEvent e : TaskRouterEvent.fromEventStreams(body)) {
          forEvent(e).ifPresent(work::add);
        }
      } else if (form.containsKey("RecordingSid")) {
        forRecording(RecordingCallback.fromForm(form), decode(received.getRawQuery()))
            .ifPresent(work::add);
      } else if (form.containsKey("EventType")) {
        forEvent(TaskRouterEvent.fromForm(form)).ifPresent(work::add);
      } else {
        return text(400, "neither a recording status callback nor a TaskRouter event\n");
      }
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, () -> "webhook refused: " + e.getMessage());
      return text(400, "a required parameter is missing or malformed\n");
    } catch (RouteException e) {
      LOG.log(Level.ERROR, () -> "webhook function failed: " + e.getCause().getClass().getName());
      return text(500, "the media function failed\n");
    }
    return work.isEmpty() ? new WebhookResponse(204, Map.of(), "") : submit(work);
  }

  private WebhookResponse submit(List<PendingAttach> work) {
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
    Instant end = queue.clock().instant().plus(synchronousBudget);
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
      allLanded &= o.landed();
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

  /** Form or query decoding; the first of repeated names wins. */
  private static Map<String, String> decode(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        // A malformed escape: keep the pair raw, so that the signature check fails on it.
        params.putIfAbsent(pair, "");
      }
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
     * the handler hands work to the queue and answers 202 at once.
     *
     * @param budget the longest time one request may spend attaching; keep it well under 15 s
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
      return new WebhookHandler(this);
    }
  }
}
