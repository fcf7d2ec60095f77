package io.github.flexmedia.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.PlaybackEvent;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * 12. Authenticated playback through {@code url_provider}: the task gets a recording link that
 * names your provider; the provider (on loopback, JDK {@code HttpServer}) validates the Flex token
 * against the token emulator, checks the user's roles, and answers a short-lived HMAC-signed URL
 * of a loopback store. The program plays the Insights player's part — preflight, GET with the
 * token, then the audio — once as a supervisor and once as an agent, and prints the audit log.
 */
public final class AuthenticatedPlayback implements Scenario {
  /** The recording played. */
  public static final String RECORDING = "RE0123456789abcdef0123456789abcdef";
  /** The provider as the task's link names it; the demo serves it on loopback. */
  public static final String PROVIDER = "https://playback.example.com/recordings";
  /** The origin the "player" calls from: Twilio-hosted Flex. */
  public static final String FLEX_ORIGIN = "https://flex.twilio.com";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The audit log of the last run, for tests. */
  final List<PlaybackEvent> audit = new CopyOnWriteArrayList<>();
  /** The storage's counts after the last run: files served, requests refused. */
  int served;
  int refused;

  @Override
  public String title() {
    return "Authenticated playback through url_provider (token check, roles, signed URL, audit)";
  }

  @Override
  public ScenarioResult run(ExampleContext ctx) {
    MediaLink.VoiceRecording link = RecordingUrlProvider.voiceRecording(PROVIDER, RECORDING)
        .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS).build();
    String taskSid = ctx.createPlainTask("{\"type\":\"inbound\"}").taskSid();
    AttachResult result = ctx.attacher().attach(ctx.workspaceSid(), taskSid,
        MediaAttributes.builder().media(link).build());
    audit.clear();
    try (FlexTokenEmulator twilio = FlexTokenEmulator.start();
        SignedStorage storage = SignedStorage.start("demo-hmac-key".getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC(), Duration.ofMinutes(5)).put(RECORDING, SignedStorage.tone(500))) {
      // In production: TwilioFlexTokenValidator.withApiKey(accountSid, keySid, keySecret).build();
      // the emulator's builder is the same validator (JDK client, call cap) pointed at loopback.
      RecordingUrlProvider provider = RecordingUrlProvider.builder(
              FlexTokenValidator.cached(twilio.validatorBuilder().build(), 1_000,
                  Duration.ofMinutes(1), Clock.systemUTC()),
              storage.resolver())
          .allowHttpMediaUrls()   // the loopback store is plain http; real stores are https
          .audit(audit::add)
          .build();
      try (PlaybackHttp http = PlaybackHttp.start(provider, "/recordings")) {
        // The player calls the link's url_provider; here its host is mapped to the loopback server.
        URI providerUri = URI.create("http://127.0.0.1:" + http.port() + "/recordings?"
            + link.urlProvider().getRawQuery());
        Player player = new Player(ctx, providerUri);
        player.play("supervisor", twilio.issue("sam.supervisor@example.com", "supervisor"));
        player.play("agent", twilio.issue("al.agent@example.com", "agent"));
        player.tamper(storage.sign(RECORDING));
      }
      served = storage.served();
      refused = storage.refused();
    }
    ctx.out().println("  audit log (what a HIPAA access log records; never the token):");
    for (PlaybackEvent e : audit) {
      ctx.out().println("    " + e.at() + " " + e.decision() + " (" + e.status() + ") recording="
          + orDash(e.recordingId()) + " who=" + orDash(e.identity()) + " worker=" + orDash(e.workerSid())
          + " roles=" + e.roles() + " origin=" + orDash(e.origin()));
    }
    return ctx.report(result);
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  /** The Insights player's side of the exchange, with the JDK's HTTP client. */
  private static final class Player {
    private final ExampleContext ctx;
    private final URI provider;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Player(ExampleContext ctx, URI provider) {
      this.ctx = ctx;
      this.provider = provider;
    }

    void play(String who, String token) {
      HttpResponse<String> preflight = send(HttpRequest.newBuilder(provider)
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
          .header("Origin", FLEX_ORIGIN)
          .header("Access-Control-Request-Method", "GET")
          .header("Access-Control-Request-Headers", "authorization"), HttpResponse.BodyHandlers.ofString());
      String basic = Base64.getEncoder().encodeToString(("token:" + token).getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> answer = send(HttpRequest.newBuilder(provider).GET()
          .header("Origin", FLEX_ORIGIN)
          .header("Authorization", "Basic " + basic), HttpResponse.BodyHandlers.ofString());
      ctx.out().println("  " + who + ": preflight " + preflight.statusCode() + " (allow-origin "
          + preflight.headers().firstValue("Access-Control-Allow-Origin").orElse("none") + "), GET "
          + answer.statusCode());
      if (answer.statusCode() != 200) {
        return;
      }
      String mediaUrl;
      try {
        JsonNode body = JSON.readTree(answer.body());
        mediaUrl = body.get("media_url").asText();
      } catch (IOException e) {
        throw new IllegalStateException("the provider's answer is not JSON", e);
      }
      HttpResponse<byte[]> audio = send(HttpRequest.newBuilder(URI.create(mediaUrl)).GET(),
          HttpResponse.BodyHandlers.ofByteArray());
      String kind = audio.body().length > 4 ? new String(audio.body(), 0, 4, StandardCharsets.US_ASCII) : "";
      ctx.out().println("  " + who + ": media_url " + audio.statusCode() + ", " + audio.body().length
          + " bytes of " + audio.headers().firstValue("Content-Type").orElse("?") + " (" + kind + ")");
      if (audio.statusCode() != 200 || !kind.equals("RIFF")) {
        throw new IllegalStateException("the signed media URL did not give the recording");
      }
    }

    void tamper(String signedUrl) {
      String forged = signedUrl.replaceAll("expires=([0-9]+)", "expires=9$1");
      int status = send(HttpRequest.newBuilder(URI.create(forged)).GET(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      ctx.out().println("  a media_url with its expiry pushed out: " + status);
      if (status != 403) {
        throw new IllegalStateException("the store served a forged URL");
      }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
      try {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), body);
      } catch (IOException e) {
        throw new IllegalStateException("loopback request failed: " + e.getClass().getSimpleName(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
