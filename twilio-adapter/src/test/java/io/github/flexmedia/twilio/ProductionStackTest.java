package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static io.github.flexmedia.twilio.Sids.WW;
import static io.github.flexmedia.twilio.testing.Operation.CREATE;
import static io.github.flexmedia.twilio.testing.Operation.FETCH;
import static io.github.flexmedia.twilio.testing.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import io.github.flexmedia.twilio.testing.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stack production runs, counted: real twilio-java over loopback, once with twilio-java's
 * default {@code NetworkHttpClient} (Apache's retries on, as {@code new NetworkHttpClient()} has
 * them) and once with {@link TwilioTaskRouterClient#singleAttemptHttpClient}. Each test counts the
 * HTTP requests that reached the server and bounds how long the calling thread was blocked. The
 * "raw twilio-java" tests measure the stack below the adapter as 0.1.0 used it (the README quotes
 * these numbers).
 */
@org.junit.jupiter.api.Timeout(60)
class ProductionStackTest {
  private static final long WELL_UNDER_5_S = 5_000;

  private LocalTaskRouterServer server;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() {
    server = LocalTaskRouterServer.start();
    server.router().putTask(WS, WT, "{\"type\":\"inbound\"}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** twilio-java's default HTTP client (Apache's automatic retries on), routed to loopback. */
  private TwilioRestClient defaultStack() {
    return new TwilioRestClient.Builder(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .httpClient(new NetworkHttpClient(server.route(HttpClientBuilder.create())))
        .build();
  }

  private MediaAttacher attacher(TwilioRestClient rest, int maxAttempts) {
    return MediaAttacher.builder(new TwilioTaskRouterClient(rest))
        .retryPolicy(new RetryPolicy(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofSeconds(1), RetryPolicy.randomJitter()))
        .sleeper(waits::add)
        .build();
  }

  private long count(Operation op) {
    return server.router().calls().stream().filter(c -> c.operation() == op).count();
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  // --- before: twilio-java's own retries, as 0.1.0 went through them ---------------------------

  @Test
  @Tag("slow")
  void rawTwilioJavaOnItsDefaultClientSendsACreateAnswered503SixTimesAnd500ThreeTimes() {
    TwilioRestClient rest = defaultStack();
    server.router().failAlways(CREATE, Fault.unavailable());
    assertThatThrownBy(() -> Task.creator(WS).setWorkflowSid(WW).setAttributes("{}").create(rest))
        .isInstanceOf(ApiException.class);
    assertThat(server.requestCount()).isEqualTo(6);

    server.router().failAlways(CREATE, Fault.serverError(500));
    assertThatThrownBy(() -> Task.creator(WS).setWorkflowSid(WW).setAttributes("{}").create(rest))
        .isInstanceOf(ApiException.class);
    assertThat(server.requestCount()).isEqualTo(6 + 3);
  }

  @Test
  @Tag("slow")
  void rawTwilioJavaOnItsDefaultClientSendsAnUpdateAnswered503SixTimes() {
    server.router().failAlways(UPDATE, Fault.unavailable());
    assertThatThrownBy(() -> Task.updater(WS, WT).setAttributes("{}").update(defaultStack()))
        .isInstanceOf(ApiException.class);
    assertThat(server.requestCount()).isEqualTo(6);
  }

  @Test
  @Tag("slow")
  void rawTwilioJavaOnItsDefaultClientSleepsTheWholeRetryAfterOfA429() {
    TwilioRestClient rest = defaultStack();
    server.router().failAlways(UPDATE, Fault.rateLimited(Duration.ofSeconds(1)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> Task.updater(WS, WT).setAttributes("{}").update(rest))
        .isInstanceOf(ApiException.class);

    assertThat(millisSince(start)).isGreaterThanOrEqualTo(1_000); // Apache slept Retry-After
    assertThat(server.requestCount()).isEqualTo(2);
  }

  // --- after: singleAttemptHttpClient, one adapter attempt = one HTTP exchange -----------------

  @Test
  void createAnswered500Or503IsSentExactlyOnceAndSaysTheTaskMayExist() {
    MediaAttacher attacher = attacher(server.restClient(), 5);
    for (Fault fault : List.of(Fault.serverError(500), Fault.unavailable(), Fault.timeout())) {
      server.router().clearCalls();
      server.router().failNext(CREATE, 1, fault);
      int before = server.requestCount();

      TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
          () -> attacher.createTask(WS, WW, Sids.ticket(), "{}"));

      assertThat(e.statusCode()).isEqualTo(fault.status());
      assertThat(e).hasMessageContaining("may or may not have been created");
      assertThat(server.requestCount() - before).as("POSTs for %s", fault).isEqualTo(1);
      assertThat(count(CREATE)).isEqualTo(1);
    }
    assertThat(waits).isEmpty();
  }

  @Test
  void createWhoseWriteLandedBeforeA5xxOrALostAnswerLeavesExactlyOneTask() {
    MediaAttacher attacher = attacher(server.restClient(), 5);
    int tasksBefore = server.router().taskCount();
    server.router().failNext(CREATE, 1, Fault.unavailable().afterWrite());
    server.router().failNext(CREATE, 1, Fault.timeout().afterWrite());

    assertThatThrownBy(() -> attacher.createTask(WS, WW, Sids.ticket(), "{}"))
        .hasMessageContaining("may or may not have been created");
    assertThatThrownBy(() -> attacher.createTask(WS, WW, Sids.ticket(), "{}"))
        .hasMessageContaining("no response");

    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(server.router().taskCount()).isEqualTo(tasksBefore + 2); // each created once
    assertThat(server.router().calls()).extracting(RecordedCall::applied).containsExactly(true, true);
  }

  @Test
  void updateAnswered429WithAnHourOfRetryAfterFailsAtOnceAfterOneRequest() {
    server.router().failAlways(UPDATE, Fault.rateLimited(Duration.ofSeconds(3600)));
    MediaAttacher attacher = attacher(server.restClient(), 5);

    long start = System.nanoTime();
    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> attacher.attach(WS, WT, Sids.ticket()));

    assertThat(millisSince(start)).isLessThan(WELL_UNDER_5_S);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3600));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(count(UPDATE)).isEqualTo(1);
    assertThat(server.requestCount()).isEqualTo(2); // the read, then the one update
    assertThat(waits).isEmpty();
  }

  @Test
  void oneServerErrorOnAnUpdateCostsExactlyOneMoreRequest() {
    server.router().failNext(UPDATE, 1, Fault.unavailable());

    AttachResult result = attacher(server.restClient(), 5).attach(WS, WT, Sids.ticket());

    assertThat(result.changed()).isTrue();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(server.router().calls()).extracting(RecordedCall::operation, RecordedCall::status)
        .containsExactly(
            tuple(FETCH, 200),
            tuple(UPDATE, 503),
            tuple(UPDATE, 200));
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void aServerErrorOnEveryUpdateCostsOneRequestPerAttempt() {
    server.router().failAlways(UPDATE, Fault.unavailable());

    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> attacher(server.restClient(), 5).attach(WS, WT, Sids.ticket()));

    assertThat(e.attempts()).isEqualTo(5);
    assertThat(count(UPDATE)).isEqualTo(5);
    assertThat(count(FETCH)).isEqualTo(1);
    assertThat(server.requestCount()).isEqualTo(6); // 0.1.0 on the default client: 30 POSTs, 5 GETs
  }

  @Test
  void a503RetryAfterIsHonouredAndTheWaitIsTheLargerOfItAndTheBackoff() {
    server.router().failNext(UPDATE, 1, Fault.unavailable(Duration.ofSeconds(1)));

    AttachResult result = attacher(server.restClient(), 5).attach(WS, WT, Sids.ticket());

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(1)); // backoff is 1 ms here
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void anUpdateThatLandedBeforeA503OrALostAnswerIsNotWrittenTwice() {
    server.router().failNext(UPDATE, 1, Fault.unavailable().afterWrite());
    MediaAttacher attacher = attacher(server.restClient(), 5);

    AttachResult result = attacher.attach(WS, WT, Sids.ticket());

    // resend with the old If-Match -> 412 -> read: the links are there, nothing more to write
    assertThat(server.router().calls()).extracting(RecordedCall::operation, RecordedCall::status)
        .containsExactly(
            tuple(FETCH, 200),
            tuple(UPDATE, 503),
            tuple(UPDATE, 412),
            tuple(FETCH, 200));
    assertThat(result.changed()).isFalse();
    assertThat(MediaAttributes.fromTaskAttributes(server.router().attributes(WS, WT)))
        .isEqualTo(Sids.ticket());

    server.router().putTask(WS, WT, "{}");
    server.router().clearCalls();
    server.router().failNext(UPDATE, 1, Fault.timeout().afterWrite());
    attacher.attach(WS, WT, Sids.ticket());
    assertThat(server.router().calls()).extracting(RecordedCall::status).containsExactly(200, 0, 412, 200);
    assertThat(MediaAttributes.fromTaskAttributes(server.router().attributes(WS, WT)))
        .isEqualTo(Sids.ticket());
  }

  @Test
  void anEtagLessSnapshotNeverErasesAKeyWrittenAfterIt() {
    TaskSnapshot fromCallback = new TaskSnapshot(WS, WT, "{\"type\":\"inbound\"}", null, null, null);
    server.router().setAttributes(WS, WT, "{\"type\":\"inbound\",\"crm\":\"added after\"}");

    attacher(server.restClient(), 5).attach(fromCallback, Sids.ticket());

    assertThat(server.router().attributes(WS, WT)).contains("\"crm\":\"added after\"");
    assertThat(server.router().calls()).extracting(RecordedCall::operation, RecordedCall::ifMatch)
        .containsExactly(
            tuple(FETCH, null),
            tuple(UPDATE, "\"2\""));
  }

  @Test
  void anotherWritersChangeBetweenReadAndWriteIsKept() {
    server.router().beforeNextUpdate(() -> server.router().setAttributes(WS, WT,
        "{\"type\":\"inbound\",\"crm\":\"between\"}"));

    AttachResult result = attacher(server.restClient(), 5).attach(WS, WT, Sids.ticket());

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(server.router().attributes(WS, WT)).contains("\"crm\":\"between\"");
    assertThat(server.router().calls()).extracting(RecordedCall::status).containsExactly(200, 412, 200, 200);
  }

  @Test
  void anInjected401AnswersAuthenticateWith20003AndIsNotRetried() {
    server.router().failAlways(FETCH, Fault.unauthorized());

    assertThatThrownBy(() -> attacher(server.restClient(), 5).attach(WS, WT, Sids.ticket()))
        .isInstanceOfSatisfying(TaskRouterException.class,
            e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.AUTHENTICATION));
    assertThatThrownBy(() -> Task.fetcher(WS, WT).fetch(server.restClient()))
        .isInstanceOf(ApiException.class).hasMessage("Authenticate")
        .extracting(e -> ((ApiException) e).getCode()).isEqualTo(20003);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  @Tag("slow")
  void theBuildersOwnResponseTimeoutHoldsWhereTwilioJavaWouldReplaceIt() {
    server.latency(Duration.ofMillis(1500));
    RequestConfig ownTimeout = RequestConfig.custom()
        .setResponseTimeout(Timeout.ofMilliseconds(300)).build();
    TwilioRestClient single = new TwilioRestClient.Builder(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(
            server.route(HttpClientBuilder.create().setDefaultRequestConfig(ownTimeout))))
        .build();
    TwilioRestClient plain = new TwilioRestClient.Builder(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .httpClient(new NetworkHttpClient(
            server.route(HttpClientBuilder.create().setDefaultRequestConfig(ownTimeout))))
        .build();

    long start = System.nanoTime();
    TaskRouterException e = catchThrowableOfType(TaskRouterException.class,
        () -> new TwilioTaskRouterClient(single).fetchTask(WS, WT));
    assertThat(e.statusCode()).isZero();
    assertThat(millisSince(start)).isLessThan(1_400);
    assertThat(server.requestCount()).isEqualTo(1);

    // twilio-java's NetworkHttpClient puts its own request config on every request: 300 ms ignored
    assertThat(new TwilioTaskRouterClient(plain).fetchTask(WS, WT).taskSid()).isEqualTo(WT);
  }

  // --- after, on twilio-java's default client: the 5xx loop is bypassed, Apache's retry is not --

  @Test
  void onTheDefaultClientTheAdapterBypassesTwilioJavasLoopAndWarnsOnceWithoutSecrets() {
    try (LogCapture log = LogCapture.of(TwilioTaskRouterClient.class)) {
      MediaAttacher attacher = attacher(defaultStack(), 5);
      new TwilioTaskRouterClient(server.restClient()); // single attempt: no warning

      assertThat(log.records()).hasSize(1);
      assertThat(log.records().get(0).getLevel()).isEqualTo(Level.WARNING);
      assertThat(log.records().get(0).getMessage())
          .contains("NetworkHttpClient", "singleAttemptHttpClient", "bypassed")
          .doesNotContain(LocalTaskRouterServer.DEFAULT_AUTH_TOKEN);

      server.router().failNext(CREATE, 1, Fault.serverError(500));
      assertThatThrownBy(() -> attacher.createTask(WS, WW, Sids.ticket(), "{}"))
          .hasMessageContaining("may or may not have been created");
      assertThat(server.requestCount()).as("a 500 on create, loop bypassed").isEqualTo(1);

      server.router().failNext(CREATE, 2, Fault.unavailable());
      long start = System.nanoTime();
      assertThatThrownBy(() -> attacher.createTask(WS, WW, Sids.ticket(), "{}"));
      // what remains below the adapter: Apache repeats a 503 once, after its 1 s default interval
      assertThat(server.requestCount() - 1).as("a 503 on create, Apache's retry").isEqualTo(2);
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(1_000);
    }
  }

  @Test
  void bypassingTheLoopKeepsTheClientsCredentialsRegionEdgeAndUserAgent() {
    TwilioRestClient rest = new TwilioRestClient.Builder(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .region("ie1").edge("dublin").userAgentExtensions(List.of("flex-media-test"))
        .httpClient(new NetworkHttpClient(server.route(HttpClientBuilder.create())))
        .build();
    TwilioRestClient wrongToken = new TwilioRestClient.Builder(
        LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, "not-the-token")
        .httpClient(new NetworkHttpClient(server.route(HttpClientBuilder.create())))
        .build();
    server.router().failNext(FETCH, 1, Fault.serverError(500));

    assertThatThrownBy(() -> new TwilioTaskRouterClient(rest).fetchTask(WS, WT))
        .isInstanceOf(TaskRouterException.class);
    assertThat(server.requestCount()).as("a 500 on a read, loop bypassed").isEqualTo(1);
    assertThat(new TwilioTaskRouterClient(rest).fetchTask(WS, WT).etag()).isEqualTo("\"1\"");
    assertThatThrownBy(() -> new TwilioTaskRouterClient(wrongToken).fetchTask(WS, WT))
        .isInstanceOfSatisfying(TaskRouterException.class,
            e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.AUTHENTICATION));
  }

  @Test
  @Tag("slow")
  void onTheDefaultClientApacheStillSleepsTheRetryAfterOfA429InsideOneAdapterAttempt() {
    server.router().failAlways(UPDATE, Fault.rateLimited(Duration.ofSeconds(1)));

    long start = System.nanoTime();
    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> attacher(defaultStack(), 1).attach(WS, WT, Sids.ticket()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(count(UPDATE)).as("HTTP requests in one adapter attempt").isEqualTo(2);
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(1_000);
  }

  @Test
  void aTwilioRestClientSubclassKeepsTwilioJavasLoopAndTheWarningSaysSo() {
    try (LogCapture log = LogCapture.of(TwilioTaskRouterClient.class)) {
      TwilioRestClient subclass = new TwilioRestClient(new TwilioRestClient.Builder(
          LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
          .httpClient(new NetworkHttpClient(server.route(HttpClientBuilder.create())))) {};
      MediaAttacher attacher = attacher(subclass, 1);
      server.router().failNext(CREATE, 3, Fault.serverError(500));

      assertThatThrownBy(() -> attacher.createTask(WS, WW, Sids.ticket(), "{}"));

      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(log.records()).singleElement().extracting(LogRecord::getMessage).asString()
          .contains("stays");
    }
  }
}
