package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static io.github.flexmedia.twilio.Sids.WW;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.InvalidFlexTokenException;
import io.github.flexmedia.twilio.playback.PlaybackEvent;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import io.github.flexmedia.twilio.playback.PlaybackRequest;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A canary secret in URLs, titles, SIDs, attributes and credentials never appears in an exception
 * message (causes included), a {@code toString()} or a log record — for every public exception
 * type and value type.
 */
@Timeout(60)
class CanaryRedactionTest {
  private static final String CANARY = "CANARY-5ec7e7";
  private static final String URL = "https://crm.example.com/patients/" + CANARY + "?token=" + CANARY + "#" + CANARY;
  private static final String ATTRIBUTES =
      "{\"patient\":\"" + CANARY + "\",\"conversations\":{\"note\":\"" + CANARY + "\"}}";

  private final List<Throwable> thrown = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  private void expectThrows(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      thrown.add(e);
      return;
    }
    throw new AssertionError("expected an exception");
  }

  private static String fullTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void canaryNeverLeaks() {
    List<String> logged = new ArrayList<>();
    Logger flexLogger = Logger.getLogger("io.github.flexmedia");
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        logged.add(record.getLoggerName() + " " + record.getMessage());
      }
      @Override public void flush() { }
      @Override public void close() { }
    };
    Level oldLevel = flexLogger.getLevel();
    flexLogger.setLevel(Level.ALL);
    flexLogger.addHandler(capture);
    try {
      exercise();
    } finally {
      flexLogger.removeHandler(capture);
      flexLogger.setLevel(oldLevel);
    }

    Set<Class<?>> types = new HashSet<>();
    for (Throwable t : thrown) {
      types.add(t.getClass());
      assertThat(fullTrace(t)).as("%s", t.getClass().getSimpleName()).doesNotContain(CANARY);
    }
    assertThat(types).contains(InvalidMediaException.class, MalformedAttributesException.class,
        TaskRouterException.class, TaskNotFoundException.class, TaskConflictException.class,
        RateLimitedException.class, ConfigurationException.class, // SID errors: InvalidMediaException
        InvalidFlexTokenException.class);
    for (Object v : values) {
      assertThat(String.valueOf(v)).as("%s", v.getClass().getSimpleName()).doesNotContain(CANARY);
    }
    assertThat(logged).as("the retries were logged").isNotEmpty();
    assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(CANARY));
  }

  private void exercise() {
    // --- core: invalid links (canary in URL paths, queries, fragments and titles) ---
    expectThrows(() -> MediaLink.embedded(URL.replace("https", "http"), "t"));
    expectThrows(() -> MediaLink.raw(URL.replace("https://", "javascript://"), "t"));
    expectThrows(() -> MediaLink.raw(URL.replace("crm.example.com", "user:" + CANARY + "@crm.example.com"), "t"));
    expectThrows(() -> MediaLink.raw(URL + " x", "t"));
    expectThrows(() -> MediaLink.referenced(URL + "%zz", "t"));
    expectThrows(() -> MediaLink.referenced(URL + "x".repeat(2100), "t"));
    expectThrows(() -> MediaLink.referenced(URL, CANARY + "\u0007"));
    expectThrows(() -> MediaLink.chatTranscript("CH" + CANARY));
    expectThrows(() -> MediaAttributes.builder().reservationMedia("WR" + CANARY, MediaLink.chatTranscript(Sids.CHAT)));
    expectThrows(() -> MediaAttributes.builder()
        .policy(MediaPolicy.builder().allowHosts("other.example.com").maxTitleLength(3).build())
        .media(MediaLink.referenced(URL, CANARY)).build());
    expectThrows(() -> MediaAttributes.builder()
        .policy(MediaPolicy.builder().maxTitleLength(3).build())
        .media(MediaLink.referenced(URL, CANARY)).build());

    // --- core: malformed documents with the canary in keys and values ---
    expectThrows(() -> MediaAttributes.fromTaskAttributes("{\"" + CANARY + "\": " + CANARY + "}"));
    expectThrows(() -> MediaAttributes.fromTaskAttributes("{\"" + CANARY + "\":1,\"" + CANARY + "\":2}"));
    // Links others wrote against the rules are read as Unknown: their toString and lint must not leak.
    expectThrows(() -> MediaAttributes.fromTaskAttributes( // a raw control character: not JSON
        "{\"conversations\":{\"media\":[{\"type\":\"Embedded\",\"url\":\"" + URL + "\",\"title\":\"" + CANARY + "\u0001\"}]}}"));
    for (String doc : List.of(
        "{\"conversations\":{\"media\":[{\"type\":\"Embedded\",\"url\":\"" + URL + "\",\"title\":\"" + CANARY + "\\u0001\"}]}}",
        "{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\",\"url\":\"" + URL + "\",\"start_time\":\"" + CANARY + "\"}]}}",
        "{\"conversations\":{\"media\":[{\"type\":\"ChatTranscript\",\"sid\":\"CH" + CANARY + "\"}]}}",
        "{\"conversations\":{\"media\":[{\"" + CANARY + "\":\"" + CANARY + "\"}]}}",
        "{\"reservation_attributes\":{\"" + CANARY + "\":{\"media\":[]}}}")) {
      MediaAttributes read = MediaAttributes.fromTaskAttributes(doc);
      values.add(read);
      values.addAll(read.lint());
    }
    expectThrows(() -> Sids.ticket().mergeInto("[\"" + CANARY + "\"]", io.github.flexmedia.MergeMode.APPEND));

    // --- values ---
    MediaLink.VoiceRecording recording = MediaLink.voiceRecordingViaProvider(URL).url(URL).title(CANARY)
        .startTimeMillis(1_700_000_000_000L).channels(RecordingChannel.CUSTOMER).build();
    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.raw(URL, CANARY), MediaLink.embedded(URL, CANARY), MediaLink.referenced(URL, CANARY),
            recording, MediaLink.chatTranscript(Sids.CHAT),
            new MediaLink.Unknown("Video", "{\"type\":\"Video\",\"secret\":\"" + CANARY + "\"}"))
        .build();
    values.addAll(media.taskMedia());
    values.add(media);
    values.addAll(media.lint());
    values.add(MediaPolicy.builder().allowHosts("crm.example.com").build());

    // --- adapter, in memory ---
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(WS, WT, ATTRIBUTES);
    Sids.RecordingSleeper sleeper = new Sids.RecordingSleeper();
    MediaAttacher attacher = MediaAttacher.builder(router).sleeper(sleeper).maxAttempts(2).build();
    AttachResult result = attacher.attach(WS, WT, media);
    values.add(result);
    values.add(result.task());
    values.addAll(router.calls());
    values.addAll(attacher.attachAll(WS, List.of(WT, Sids.task(5)), media, 2, AttachListener.NONE));

    router.failAlways(Operation.UPDATE, Fault.conflict());
    expectThrows(() -> attacher.attach(WS, WT, Sids.ticket()));
    router.clearFaults();
    router.failNext(2, Fault.rateLimited(Duration.ofSeconds(1)));
    expectThrows(() -> attacher.attach(WS, WT, Sids.ticket()));
    router.failAlways(null, Fault.unavailable());
    expectThrows(() -> attacher.attach(WS, WT, Sids.ticket()));
    router.clearFaults();
    router.failNext(1, Fault.unauthorized());
    expectThrows(() -> attacher.attach(WS, WT, Sids.ticket()));
    expectThrows(() -> attacher.attach(WS, Sids.task(77), Sids.ticket()));
    expectThrows(() -> attacher.attach(WS, "WT" + CANARY, Sids.ticket()));
    router.putTask(WS, Sids.task(8), "{\"big\":\"" + CANARY.repeat(400) + "\"}");
    expectThrows(() -> attacher.attach(WS, Sids.task(8), Sids.ticket()));
    router.putTask(WS, Sids.task(9), "{\"conversations\":{\"media\":\"" + CANARY + "\"}}");
    expectThrows(() -> attacher.attach(WS, Sids.task(9), Sids.ticket()));
    expectThrows(() -> attacher.createTask(WS, "WW" + CANARY, Sids.ticket(), ATTRIBUTES));
    expectThrows(() -> TwilioTaskRouterClient.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", CANARY)::get));
    expectThrows(() -> TwilioTaskRouterClient.fromEnvironment(
        Map.of("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef", "TWILIO_API_KEY", CANARY)::get));

    // --- adapter, over HTTP through twilio-java ---
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      server.router().putTask(WS, WT, ATTRIBUTES);
      TwilioTaskRouterClient client = new TwilioTaskRouterClient(server.restClient());
      values.add(client);
      values.add(client.fetchTask(WS, WT));
      values.add(MediaAttacher.builder(client).build().createTask(WS, WW, media, ATTRIBUTES));
      server.router().failNext(1, Fault.rateLimited(Duration.ofSeconds(3)));
      expectThrows(() -> client.fetchTask(WS, WT));
      server.router().failNext(1, Fault.timeout());
      expectThrows(() -> client.updateTaskAttributes(WS, WT, ATTRIBUTES, "\"1\""));
      expectThrows(() -> client.updateTaskAttributes(WS, WT, ATTRIBUTES, "\"" + CANARY + "\""));
      expectThrows(() -> client.updateTaskAttributes(WS, WT, "{\"x\":\"" + CANARY.repeat(400) + "\"}", null));
      TwilioTaskRouterClient wrong = new TwilioTaskRouterClient(
          server.restClient(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, CANARY));
      expectThrows(() -> wrong.fetchTask(WS, WT));
      // twilio-java's default HTTP client: the construction WARNING must not print credentials
      TwilioTaskRouterClient warned = new TwilioTaskRouterClient(
          new TwilioRestClient.Builder(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, CANARY)
              .httpClient(new NetworkHttpClient(
                  server.route(HttpClientBuilder.create())))
              .build());
      expectThrows(() -> warned.fetchTask(WS, WT));
    }

    // --- playback: the canary in identities, tokens, recording ids, origins and media URLs ---
    try (FlexTokenEmulator twilio = FlexTokenEmulator.start()) {
      FlexTokenValidator validator = FlexTokenValidator.cached(
          FlexTokenValidator.twilio(twilio.restClient()), 10, Duration.ofMinutes(1), java.time.Clock.systemUTC());
      String token = twilio.issue(CANARY + "@example.com", "admin");
      values.add(twilio);
      values.add(validator);
      values.add(validator.validate(token));
      expectThrows(() -> validator.validate("eyJ" + CANARY));
      twilio.failNext(1, 503);
      expectThrows(() -> validator.validate("eyJ" + CANARY + "x"));
      FlexTokenValidator wrongSecret = FlexTokenValidator.twilio(
          twilio.restClient(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, CANARY));
      values.add(wrongSecret);
      expectThrows(() -> wrongSecret.validate(token));
      expectThrows(() -> RecordingUrlProvider.providerUrl("https://p.example.com/" + CANARY, "../" + CANARY));
      expectThrows(() -> RecordingUrlProvider.builder(validator, (id, u) -> java.util.Optional.empty())
          .allowedOrigins("https://" + CANARY + ".example/" + CANARY));
      List<PlaybackEvent> events = new ArrayList<>();
      String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(
          ("token:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String mediaUrl : List.of(URL, URL + "\r\n" + CANARY)) {
        RecordingUrlProvider provider = RecordingUrlProvider.builder(validator, (id, u) -> java.util.Optional.of(mediaUrl))
            .allowedOrigins("https://flex.twilio.com").audit(events::add).build();
        values.add(provider);
        for (String query : List.of("recording=" + CANARY, "recording=..%2F" + CANARY)) {
          PlaybackRequest request = PlaybackRequest.of("GET", query,
              Map.of("Authorization", List.of(auth), "Origin", List.of("https://flex.twilio.com")));
          values.add(request);
          values.add(provider.handle(request));
        }
      }
      values.addAll(events);
      twilio.close();
      expectThrows(() -> FlexTokenValidator.twilio(twilio.restClient()).validate(token));
    }
    // --- interrupts, ETag-less writes, a throwing listener ---
    InMemoryTaskRouter router2 = new InMemoryTaskRouter();
    router2.putTask(WS, WT, ATTRIBUTES);
    Thread.currentThread().interrupt();
    try {
      expectThrows(() -> MediaAttacher.builder(router2).build().attach(WS, WT, media));
    } finally {
      Thread.interrupted();
    }
    TaskRouterClient noEtag = new TaskRouterClient() {
      @Override
      public TaskSnapshot fetchTask(String ws, String wt) {
        return new TaskSnapshot(ws, wt, ATTRIBUTES, null, null, null);
      }

      @Override
      public TaskSnapshot updateTaskAttributes(String ws, String wt, String json, String ifMatch) {
        throw new AssertionError("must not write");
      }

      @Override
      public TaskSnapshot createTask(String ws, String ww, String json) {
        throw new AssertionError("must not create");
      }
    };
    expectThrows(() -> MediaAttacher.builder(noEtag).build().attach(WS, WT, media));
    values.addAll(MediaAttacher.builder(router2).build().attachAll(WS, List.of(WT), media, 1,
        o -> {
          throw new IllegalStateException(CANARY);
        }));
  }
}
