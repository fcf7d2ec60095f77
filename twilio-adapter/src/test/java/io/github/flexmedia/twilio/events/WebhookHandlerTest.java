package io.github.flexmedia.twilio.events;

import static io.github.flexmedia.twilio.events.Callbacks.TOKEN;
import static io.github.flexmedia.twilio.events.Callbacks.WS;
import static io.github.flexmedia.twilio.events.Callbacks.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.AttachOutcome.Status;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handler behind the JDK's HTTP server, called over real HTTP, writing to the emulator. */
@Timeout(120)
class WebhookHandlerTest {
  static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();

  private final HttpClient twilio = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final BlockingQueue<AttachOutcome> outcomes = new LinkedBlockingQueue<>();
  private LocalTaskRouterServer taskRouter;
  private HttpServer webhooks;
  private ExecutorService webhookThreads;
  private AttachQueue queue;

  @BeforeEach
  void start() {
    taskRouter = LocalTaskRouterServer.start();
    taskRouter.router().putTask(WS, WT, "{\"type\":\"inbound\"}");
  }

  @AfterEach
  void stop() {
    if (webhooks != null) {
      webhooks.stop(0);
      webhookThreads.shutdownNow();
    }
    if (queue != null) {
      queue.shutdown(Duration.ofMillis(200));
    }
    taskRouter.close();
  }

  private AttachQueue.Builder queueBuilder() {
    return AttachQueue.builder(MediaAttacher.builder(new TwilioTaskRouterClient(taskRouter.restClient()))
            .retryPolicy(new RetryPolicy(50, Duration.ofMillis(1), Duration.ofMillis(20),
                Duration.ofSeconds(60), RetryPolicy.randomJitter()))
            .build())
        .listener(outcomes::add);
  }

  private WebhookHandler.Builder handlerBuilder(AttachQueue q) {
    return WebhookHandler.builder(q)
        .verifier(WebhookVerifier.of(TOKEN))
        .onRecording(cb -> cb.isCompleted()
            ? Optional.of(MediaAttributes.builder().media(cb.toMediaLink()).build())
            : Optional.empty())
        .onTaskRouterEvent(e -> e.eventType().equals("reservation.wrapup")
            ? Optional.of(CRM) : Optional.empty());
  }

  /** Serves the handler on loopback and returns its base URL. */
  private String serve(UnaryOperator<AttachQueue.Builder> q, UnaryOperator<WebhookHandler.Builder> h)
      throws IOException {
    queue = q.apply(queueBuilder()).build();
    WebhookHandler handler = h.apply(handlerBuilder(queue)).build();
    webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    webhookThreads = Executors.newFixedThreadPool(8);
    webhooks.setExecutor(webhookThreads);
    webhooks.createContext("/twilio/", new JdkWebhookEndpoint(handler));
    webhooks.start();
    return "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/twilio";
  }

  private String serve() throws IOException {
    return serve(q -> q, h -> h);
  }

  private HttpResponse<String> post(String url, Map<String, String> form, String signature) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form)));
    if (signature != null) {
      r.header("X-Twilio-Signature", signature);
    }
    return twilio.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signedPost(String url, Map<String, String> form) throws Exception {
    return post(url, form, TwilioSigner.sign(TOKEN, url, form));
  }

  private static String recordingUrl(String base, String taskSid) {
    return base + "/recording?WorkspaceSid=" + WS + "&TaskSid=" + taskSid;
  }

  private AttachOutcome nextOutcome() throws InterruptedException {
    AttachOutcome o = outcomes.poll(30, TimeUnit.SECONDS);
    assertThat(o).as("an outcome within 30 s").isNotNull();
    return o;
  }

  private List<MediaLink> taskMedia(String taskSid) {
    return MediaAttributes.fromTaskAttributes(taskRouter.router().attributes(WS, taskSid)).taskMedia();
  }

  @Test
  void aSignedRecordingCallbackIsAcceptedAtOnceAndTheRecordingLands() throws Exception {
    String base = serve();
    HttpResponse<String> r = signedPost(recordingUrl(base, WT), Callbacks.recording());

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.ATTACHED);
    assertThat(taskMedia(WT)).singleElement().isInstanceOfSatisfying(MediaLink.VoiceRecording.class,
        v -> assertThat(v.url()).hasToString(Callbacks.RECORDING_URL));
    assertThat(taskRouter.router().attributes(WS, WT)).contains("\"type\":\"inbound\"");
  }

  private static Map<String, String> wrapupNow(String taskSid) {
    Map<String, String> form = Callbacks.wrapup(taskSid);
    form.put("Timestamp", Long.toString(Instant.now().getEpochSecond()));
    return form;
  }

  @Test
  void aSignedWrapupEventAttachesTheCrmLink() throws Exception {
    String base = serve();
    assertThat(signedPost(base + "/taskrouter", wrapupNow(WT)).statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.ATTACHED);
    assertThat(taskMedia(WT)).containsExactlyElementsOf(CRM.taskMedia());
  }

  @Test
  void anEventOlderThanTheWindowIsAcceptedButNeverWritten() throws Exception {
    String base = serve();
    // Timestamp 2019-11-21T15:32:00Z: the task was deleted long ago
    assertThat(signedPost(base + "/taskrouter", Callbacks.wrapup(WT)).statusCode()).isEqualTo(202);
    AttachOutcome o = nextOutcome();
    assertThat(o.status()).isEqualTo(Status.EXPIRED);
    assertThat(o.taskSid()).isEqualTo(WT);
    assertThat(taskRouter.requestCount()).isZero();
  }

  @Test
  void aForgedCallbackIs403AndNothingReachesTaskRouter() throws Exception {
    String base = serve();
    String url = recordingUrl(base, WT);
    Map<String, String> form = Callbacks.recording();

    HttpResponse<String> forged = post(url, form, TwilioSigner.sign("not-the-token", url, form));
    HttpResponse<String> unsigned = post(url, form, null);
    Map<String, String> tampered = new HashMap<>(form);
    String signature = TwilioSigner.sign(TOKEN, url, form);
    tampered.put("RecordingSid", "RE" + "f".repeat(32));
    HttpResponse<String> altered = post(url, tampered, signature);

    for (HttpResponse<String> r : List.of(forged, unsigned, altered)) {
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).isEqualTo("signature check failed\n")
          .doesNotContain(Callbacks.AC, Callbacks.RE, WT, "recording?");
    }
    assertThat(taskRouter.requestCount()).isZero();
    assertThat(outcomes).isEmpty();
  }

  @Test
  void aCallbackSignedForAnotherPortIsRefused() throws Exception {
    String base = serve();
    String url = recordingUrl(base, WT);
    String otherPort = url.replace(":" + webhooks.getAddress().getPort() + "/",
        ":" + (webhooks.getAddress().getPort() + 1) + "/");
    Map<String, String> form = Callbacks.recording();

    assertThat(post(url, form, TwilioSigner.sign(TOKEN, otherPort, form)).statusCode()).isEqualTo(403);
  }

  @Test
  void behindAProxyThePublicUrlIsWhatIsVerified() throws Exception {
    // Twilio called https://hooks.example.com/...; the proxy forwarded it to http://127.0.0.1:port/...
    String base = serve(q -> q, h -> h.publicUrl("https://hooks.example.com/"));
    String local = recordingUrl(base, WT);
    String publicUrl = local.replace(base.substring(0, base.indexOf("/twilio")), "https://hooks.example.com");
    Map<String, String> form = Callbacks.recording();

    assertThat(post(local, form, TwilioSigner.sign(TOKEN, local, form)).statusCode()).isEqualTo(403);
    assertThat(post(local, form, TwilioSigner.sign(TOKEN, publicUrl, form)).statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.ATTACHED);
  }

  @Test
  void whenTheQueueIsFullTheWebhookAnswers503AtOnce() throws Exception {
    ManualExecutor never = new ManualExecutor();
    String base = serve(q -> q.executor(never).capacity(1), h -> h);

    assertThat(signedPost(base + "/taskrouter", wrapupNow(WT)).statusCode()).isEqualTo(202);
    HttpResponse<String> full = signedPost(base + "/taskrouter", wrapupNow(WT));

    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(full.headers().firstValue("Retry-After")).contains("5");
    assertThat(never.queued()).isEqualTo(1);
    assertThat(taskRouter.requestCount()).isZero();
  }

  @Test
  void synchronousModeAnswers200OnlyOnceTheWriteLanded() throws Exception {
    String base = serve(q -> q, h -> h.synchronous(Duration.ofSeconds(10)));

    HttpResponse<String> r = signedPost(recordingUrl(base, WT), Callbacks.recording());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(taskMedia(WT)).hasSize(1);   // already there when the answer arrived
  }

  @Test
  void synchronousModeAnswers503WhenTheWriteDidNotLand() throws Exception {
    taskRouter.router().failAlways(Operation.UPDATE, Fault.unauthorized());
    String base = serve(q -> q, h -> h.synchronous(Duration.ofSeconds(10)));

    assertThat(signedPost(recordingUrl(base, WT), Callbacks.recording()).statusCode()).isEqualTo(503);
    assertThat(nextOutcome().status()).isEqualTo(Status.FAILED);
  }

  @Test
  void synchronousModeAnswers204ForATaskThatIsGone() throws Exception {
    String base = serve(q -> q, h -> h.synchronous(Duration.ofSeconds(10)));
    String gone = "WT" + "e".repeat(32);

    assertThat(signedPost(recordingUrl(base, gone), Callbacks.recording()).statusCode()).isEqualTo(204);
    assertThat(nextOutcome().status()).isEqualTo(Status.EXPIRED);
    assertThat(taskRouter.requestCount()).isEqualTo(1);
  }

  @Test
  void anEventStreamsBatchSignedWithBodySha256IsRouted() throws Exception {
    // 30 s after the batch's events
    String base = serve(q -> q.clock(Clock.fixed(Instant.parse("2025-01-01T00:00:30Z"), ZoneOffset.UTC)), h -> h);
    String body = TaskRouterEventTest.resource("events/event-streams-batch.json");
    String url = TwilioSigner.withBodyHash(base + "/streams", body);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, url, Map.of()))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();

    assertThat(twilio.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.ATTACHED);   // the wrapup; task.completed maps to none
    assertThat(taskMedia(WT)).containsExactlyElementsOf(CRM.taskMedia());

    HttpRequest altered = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, url, Map.of()))
        .POST(HttpRequest.BodyPublishers.ofString(body.replace("wrapping", "completed"))).build();
    assertThat(twilio.send(altered, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
  }

  private static String streamsEvent(String taskSid, String timestampJson) {
    return "{\"type\":\"com.twilio.taskrouter.reservation.wrapup\",\"data\":{\"payload\":{"
        + "\"eventtype\":\"reservation.wrapup\",\"timestamp\":" + timestampJson + ","
        + "\"workspace_sid\":\"" + WS + "\",\"task_sid\":\"" + taskSid + "\"}}}";
  }

  private HttpResponse<String> postSignedJson(String url, String body, String contentType)
      throws Exception {
    String signed = TwilioSigner.withBodyHash(url, body);
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(signed))
        .timeout(Duration.ofSeconds(20))
        .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, signed, Map.of()))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return twilio.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBatchWithAnUnreadableEventStillAttachesTheReadableOnesAndReportsTheSkippedOne()
      throws Exception {
    String taskB = "WT" + "b".repeat(32);
    taskRouter.router().putTask(WS, taskB, "{}");
    List<SkippedEvent> skipped = Collections.synchronizedList(new ArrayList<>());
    String base = serve(q -> q.clock(Clock.fixed(Instant.parse("2025-01-01T00:00:30Z"), ZoneOffset.UTC)),
        h -> h.onSkippedEvent(skipped::add));
    String body = "[" + streamsEvent(WT, "\"2025-01-01T00:00:00.000Z\"") + ","
        + streamsEvent(taskB, "1735689600") + ","
        + streamsEvent("WT-SECRET", "\"2025-01-01T00:00:00.000Z\"") + "]";

    HttpResponse<String> r = postSignedJson(base + "/streams", body, "application/json");

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(List.of(nextOutcome(), nextOutcome())).extracting(AttachOutcome::status)
        .containsOnly(Status.ATTACHED);
    assertThat(taskMedia(WT)).containsExactlyElementsOf(CRM.taskMedia());
    assertThat(taskMedia(taskB)).containsExactlyElementsOf(CRM.taskMedia());
    assertThat(skipped).containsExactly(new SkippedEvent(2, "data.payload.task_sid",
        "when present: 'WT' followed by 32 hex digits"));
  }

  @Test
  void aSignedJsonBodyIsRecognisedByBodySha256WhateverItsContentType() throws Exception {
    String base = serve(q -> q.clock(Clock.fixed(Instant.parse("2025-01-01T00:00:30Z"), ZoneOffset.UTC)),
        h -> h);
    String body = "[" + streamsEvent(WT, "\"2025-01-01T00:00:00.000Z\"") + "]";

    assertThat(postSignedJson(base + "/streams", body, "application/cloudevents-batch+json")
        .statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.ATTACHED);
    assertThat(postSignedJson(base + "/streams", body, null).statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.UNCHANGED);
    assertThat(postSignedJson(base + "/streams", body, "text/plain").statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.UNCHANGED);
    assertThat(taskMedia(WT)).containsExactlyElementsOf(CRM.taskMedia());
  }

  @Test
  void anInProgressRecordingCallbackWithDurationMinusOneIs204AndAttachesNothing() throws Exception {
    String base = serve();
    Map<String, String> inProgress = Callbacks.recording();
    inProgress.put("RecordingStatus", "in-progress");
    inProgress.put("RecordingDuration", "-1");

    assertThat(signedPost(recordingUrl(base, WT), inProgress).statusCode()).isEqualTo(204);
    assertThat(taskRouter.requestCount()).isZero();
  }

  @Test
  void repeatedFormParametersAreVerifiedAsTwilioSignsThem() throws Exception {
    String base = serve();
    Map<String, List<String>> form = new java.util.LinkedHashMap<>();
    Map<String, String> wrapup = Callbacks.wrapup(WT);
    wrapup.put("Timestamp", String.valueOf(Instant.now().getEpochSecond()));
    wrapup.forEach((k, v) -> form.put(k, List.of(v)));
    form.put("Skills", List.of("spanish", "billing", "spanish"));
    String url = base + "/taskrouter";
    String body = TwilioSigner.formRepeated(form);
    wrapup.put("Skills", "spanish");
    String firstOnly = TwilioSigner.sign(TOKEN, url, wrapup);

    HttpResponse<String> genuine = twilio.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSigner.signRepeated(TOKEN, url, form))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> signedOverOneValue = twilio.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", firstOnly)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(genuine.statusCode()).isEqualTo(202);
    assertThat(nextOutcome().status()).isEqualTo(Status.ATTACHED);
    assertThat(signedOverOneValue.statusCode()).isEqualTo(403);
  }

  @Test
  void badRequestsAreAnsweredWithoutEchoingThem() throws Exception {
    String base = serve();
    Map<String, String> noTask = Callbacks.recording();
    String noTaskUrl = base + "/recording?WorkspaceSid=" + WS;
    Map<String, String> garbled = Callbacks.wrapup(WT);
    garbled.put("Timestamp", "SECRET-garbage");
    Map<String, String> unknown = Map.of("Body", "SECRET hello");

    HttpResponse<String> r1 = signedPost(noTaskUrl, noTask);
    HttpResponse<String> r2 = signedPost(base + "/taskrouter", garbled);
    HttpResponse<String> r3 = signedPost(base + "/sms", unknown);
    HttpResponse<String> get = twilio.send(HttpRequest.newBuilder(URI.create(base + "/taskrouter")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(List.of(r1.statusCode(), r2.statusCode(), r3.statusCode(), get.statusCode()))
        .containsExactly(400, 400, 400, 405);
    for (HttpResponse<String> r : List.of(r1, r2, r3, get)) {
      assertThat(r.body()).doesNotContain("SECRET", WS, WT, Callbacks.RE);
    }
    assertThat(get.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void nothingToAttachIs204AndAFailingFunctionIs500() throws Exception {
    String base = serve(q -> q, h -> h.onTaskRouterEvent(e -> {
      if (e.eventType().equals("task.completed")) {
        throw new IllegalStateException("SECRET bug");
      }
      return Optional.empty();
    }));
    Map<String, String> completed = Callbacks.wrapup(WT);
    completed.put("EventType", "task.completed");
    Map<String, String> absent = Callbacks.recording();
    absent.put("RecordingStatus", "absent");
    Map<String, String> worker = Callbacks.wrapup(WT);
    worker.put("EventType", "worker.activity.update");
    worker.remove("TaskSid");

    assertThat(signedPost(base + "/taskrouter", Callbacks.wrapup(WT)).statusCode()).isEqualTo(204);
    assertThat(signedPost(recordingUrl(base, WT), absent).statusCode()).isEqualTo(204);
    assertThat(signedPost(base + "/taskrouter", worker).statusCode()).isEqualTo(204);
    HttpResponse<String> failed = signedPost(base + "/taskrouter", completed);
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).doesNotContain("SECRET");
    assertThat(taskRouter.requestCount()).isZero();
  }

  @Test
  void verificationIsOnUnlessSkippedOnPurpose() {
    AttachQueue q = queueBuilder().build();
    queue = q;
    assertThatThrownBy(() -> WebhookHandler.builder(q).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("WebhookVerifier");
    WebhookHandler open = WebhookHandler.builder(q).insecureSkipVerification().build();
    WebhookResponse r = open.handle(new WebhookRequest("POST", "http://localhost/x",
        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "Body=hi".getBytes()));
    assertThat(r.status()).isEqualTo(400);
    assertThatThrownBy(() -> WebhookHandler.builder(q).publicUrl("hooks.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookHandler.builder(q).publicUrl("https://h.example.com/?a=b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookHandler.builder(q).synchronous(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(open.handle(new WebhookRequest("POST", "http://bad host/", Map.of(), null)).status())
        .isEqualTo(400);
  }

  @Test
  @Tag("slow")
  void aThousandCallbacksOverAHundredTasksWithSixteenWorkersPutEveryLinkOnItsTaskOnce()
      throws Exception {
    int tasks = 100;
    int perTask = 10;
    for (int t = 0; t < tasks; t++) {
      taskRouter.router().putTask(WS, String.format("WT%032x", t), "{\"type\":\"inbound\"}");
    }
    String base = serve(q -> q.workers(16).capacity(tasks * perTask), h -> h);
    ExecutorService senders = Executors.newFixedThreadPool(16);
    List<Future<Integer>> statuses = new ArrayList<>();
    try {
      for (int i = 0; i < tasks * perTask; i++) {
        String taskSid = String.format("WT%032x", i % tasks);
        Map<String, String> form = Callbacks.recording();
        form.put("RecordingSid", String.format("RE%032x", i));
        statuses.add(senders.submit(() -> signedPost(recordingUrl(base, taskSid), form).statusCode()));
      }
      for (Future<Integer> f : statuses) {
        assertThat(f.get()).isEqualTo(202);
      }
    } finally {
      senders.shutdownNow();
    }
    List<AttachOutcome> all = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < tasks * perTask; i++) {
      all.add(nextOutcome());
    }
    assertThat(queue.shutdown(Duration.ofSeconds(10))).isEmpty();

    assertThat(all).extracting(AttachOutcome::status).containsOnly(Status.ATTACHED);
    assertThat(outcomes).isEmpty();
    for (int t = 0; t < tasks; t++) {
      List<String> urls = new ArrayList<>();
      for (MediaLink l : taskMedia(String.format("WT%032x", t))) {
        urls.add(((MediaLink.VoiceRecording) l).url().toString());
      }
      List<String> expected = new ArrayList<>();
      for (int k = 0; k < perTask; k++) {
        expected.add(Callbacks.RECORDING_URL.replace(Callbacks.RE, String.format("RE%032x", t + k * tasks)));
      }
      assertThat(urls).as("task %d", t).hasSize(perTask).containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
