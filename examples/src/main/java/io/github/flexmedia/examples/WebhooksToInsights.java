package io.github.flexmedia.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TaskSnapshot;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.JdkWebhookEndpoint;
import io.github.flexmedia.twilio.events.WebhookHandler;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 11. From Twilio callbacks to media in Insights: a webhook server on loopback (the JDK's {@code
 * HttpServer} serving a {@link WebhookHandler}) receives a recording-completed callback and a
 * {@code reservation.wrapup} event, signed as Twilio signs them, plus one forged callback; the
 * task ends with the recording and a CRM link.
 */
public final class WebhooksToInsights implements Scenario {
  /** The auth token the local "Twilio" signs with (in production: your account's). */
  static final String AUTH_TOKEN = "example-webhook-auth-token";
  /** The recording's account. */
  static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
  /** The recording Twilio reports as completed. */
  static final String RECORDING = "RE0123456789abcdef0123456789abcdef";
  /** The reservation that goes to wrap-up. */
  static final String RESERVATION = "WR0123456789abcdef0123456789abcdef";
  /** The CRM link the wrap-up adds. */
  static final MediaLink CRM = MediaLink.referenced("https://crm.example.com/cases/1001", "CRM case 1001");

  static {
    // As LocalTaskRouterServer does: without it, Nagle's algorithm adds ~45 ms per loopback exchange.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  @Override
  public String title() {
    return "Webhooks: signed recording and wrap-up callbacks attach media; a forged one gets 403";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\",\"ticket_id\":1001}").taskSid();
    CountDownLatch done = new CountDownLatch(2);
    // One worker, so that the media land in the order the callbacks arrive.
    AttachQueue queue = AttachQueue.builder(ctx.client()).workers(1).listener(o -> {
      ctx.out().println("  outcome: " + o.status() + " on task " + o.taskSid()
          + (o.succeeded() ? " (attempts: " + o.result().attempts() + ")"
              : " (" + o.cause().getClass().getSimpleName() + ")"));
      done.countDown();
    }).build();
    WebhookHandler handler = WebhookHandler.builder(queue)
        .verifier(WebhookVerifier.of(AUTH_TOKEN))
        .onRecording(cb -> cb.isCompleted()
            ? Optional.of(MediaAttributes.builder().media(cb.toMediaLink()).build())
            : Optional.empty())
        .onTaskRouterEvent(e -> e.eventType().equals("reservation.wrapup")
            ? Optional.of(MediaAttributes.builder().media(CRM).build())
            : Optional.empty())
        .build();

    HttpServer server = start(handler);
    ExecutorService serverThreads = (ExecutorService) server.getExecutor();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/twilio";
      String recordingCallback = base + "/recording?WorkspaceSid=" + ctx.workspaceSid() + "&TaskSid=" + taskSid;
      HttpClient twilio = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

      send(ctx, twilio, "recording completed (signed)", recordingCallback, recording(), AUTH_TOKEN);
      send(ctx, twilio, "reservation.wrapup (signed)", base + "/taskrouter",
          wrapup(ctx.workspaceSid(), taskSid), AUTH_TOKEN);
      send(ctx, twilio, "recording completed (forged)", recordingCallback, recording(), "a-guessed-token");

      if (!done.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the attaches did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
      queue.shutdown(Duration.ofSeconds(5));
    }
    TaskSnapshot task = ctx.client().fetchTask(ctx.workspaceSid(), taskSid);
    return ctx.report(task, MediaAttributes.fromTaskAttributes(task.attributesJson()).lint());
  }

  private static HttpServer start(WebhookHandler handler) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      JdkWebhookEndpoint endpoint = new JdkWebhookEndpoint(handler);
      // The endpoint's executor bounds each request's header and body time (5 s by default): a
      // client that sends them slowly cannot hold these four threads from Twilio's callbacks.
      server.setExecutor(endpoint.executor(4));
      server.createContext("/twilio/", endpoint);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind a loopback port", e);
    }
  }

  /** A recording status callback's parameters, as Twilio sends them. */
  static Map<String, String> recording() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", ACCOUNT);
    p.put("CallSid", "CA0123456789abcdef0123456789abcdef");
    p.put("RecordingSid", RECORDING);
    p.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING);
    p.put("RecordingStatus", "completed");
    p.put("RecordingDuration", "95");
    p.put("RecordingChannels", "2");
    p.put("RecordingStartTime", "Thu, 21 Nov 2019 15:32:00 +0000");
    p.put("RecordingSource", "StartCallRecordingAPI");
    return p;
  }

  /** A TaskRouter {@code reservation.wrapup} event callback's parameters. */
  static Map<String, String> wrapup(String workspaceSid, String taskSid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("EventType", "reservation.wrapup");
    p.put("AccountSid", ACCOUNT);
    p.put("WorkspaceSid", workspaceSid);
    p.put("TaskSid", taskSid);
    p.put("ReservationSid", RESERVATION);
    p.put("ResourceType", "reservation");
    p.put("ResourceSid", RESERVATION);
    p.put("Timestamp", Long.toString(Instant.now().getEpochSecond()));
    return p;
  }

  private static void send(ExampleContext ctx, HttpClient twilio, String what, String url,
      Map<String, String> form, String token) throws InterruptedException {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", sign(token, url, form))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      int status = twilio.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      ctx.out().println("  Twilio -> webhook: " + what + ": HTTP " + status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Twilio does: Base64(HMAC-SHA1(token, URL + parameters sorted by name, name then value)). */
  static String sign(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
