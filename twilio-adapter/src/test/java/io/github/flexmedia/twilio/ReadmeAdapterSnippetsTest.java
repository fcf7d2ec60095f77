package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.testing.TaskAssert.assertThatTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.twilio.internal.http.SingleAttemptHttpClient;
import io.github.flexmedia.twilio.testing.Fault;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.github.flexmedia.twilio.testing.Operation;
import io.github.flexmedia.twilio.testing.RecordedCall;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.Test;

/** Copies of the README's adapter snippets: if one stops compiling or working, fix the README. */
class ReadmeAdapterSnippetsTest {
  static final String workspaceSid = Sids.WS;
  static final String workflowSid = Sids.WW;

  @Test
  void attachToAnExistingTask() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    String taskSid = Sids.WT;
    router.putTask(workspaceSid, taskSid, "{\"type\":\"inbound\"}");
    TaskRouterClient client = router; // the README uses TwilioTaskRouterClient.fromEnvironment()

    // --- README: attach to an existing task ---
    MediaAttacher attacher = MediaAttacher.builder(client).build();   // APPEND, 5 attempts

    AttachResult result = attacher.attach(workspaceSid, taskSid, MediaAttributes.builder()
        .media(MediaLink.referenced("https://support.example.com/tickets/42", "External Ticket"),
               MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef"))
        .build());

    for (MediaWarning w : result.warnings()) {
      System.out.println(w.code() + " at " + w.path());
    }
    // --- end ---

    assertThat(result.changed()).isTrue();
    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(workspaceSid, taskSid)).taskMedia()).hasSize(2);
  }

  @Test
  void createATaskWithMedia() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    MediaAttacher attacher = MediaAttacher.builder(router).build();

    // --- README: create a task with media ---
    TaskSnapshot task = attacher.createTask(workspaceSid, workflowSid,
        MediaAttributes.builder()
            .media(MediaLink.referenced("https://support.example.com/tickets/42", "External Ticket"))
            .build(),
        "{\"type\":\"support\",\"ticket_id\":42}");
    // --- end ---

    assertThat(router.attributes(workspaceSid, task.taskSid())).startsWith("{\"type\":\"support\",\"ticket_id\":42,");
  }

  @Test
  void testingWithTheInMemoryRouter() {
    String taskSid = Sids.WT;
    MediaAttributes media = Sids.ticket();

    // --- README: testing with InMemoryTaskRouter ---
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(workspaceSid, taskSid, "{\"type\":\"inbound\"}");
    router.failNext(Operation.UPDATE, 1, Fault.conflict());      // another writer wins the first race

    MediaAttacher.builder(router).build().attach(workspaceSid, taskSid, media);

    assertThat(MediaAttributes.fromTaskAttributes(router.attributes(workspaceSid, taskSid)))
        .isEqualTo(media);
    // --- end ---
  }

  @Test
  void assertingWithTaskAssert() {
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    String taskSid = Sids.WT;
    router.putTask(workspaceSid, taskSid, "{}");
    MediaAttacher.builder(router).build().attach(workspaceSid, taskSid, Sids.ticket());

    // --- README: TaskAssert ---
    assertThatTask(router, workspaceSid, taskSid)
        .hasTaskMedia(MediaLink.referenced("https://support.example.com/tickets/42", "External Ticket"),
                      MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef"))
        .hasNoReservationMedia();
    // --- end ---
  }

  @Test
  void testingThroughTwilioJavaWithTheLocalServer() {
    String taskSid = Sids.WT;
    MediaAttributes media = Sids.ticket();

    // --- README: testing with LocalTaskRouterServer ---
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      server.router().putTask(workspaceSid, taskSid, "{}");
      TaskRouterClient client = new TwilioTaskRouterClient(server.restClient());

      MediaAttacher.builder(client).build().attach(workspaceSid, taskSid, media);

      assertThat(server.router().calls()).extracting(c -> c.operation())
          .containsExactly(Operation.FETCH, Operation.UPDATE);
    }
    // --- end ---
  }

  @Test
  void buildingYourOwnTwilioRestClient() {
    String accountSid = LocalTaskRouterServer.DEFAULT_ACCOUNT_SID;
    String authToken = LocalTaskRouterServer.DEFAULT_AUTH_TOKEN;

    // --- README: your own TwilioRestClient ---
    TwilioRestClient rest = new TwilioRestClient.Builder(accountSid, authToken)
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(HttpClientBuilder.create()))
        .build();
    TaskRouterClient client = new TwilioTaskRouterClient(rest);
    // --- end ---

    assertThat(rest.getHttpClient()).isInstanceOf(SingleAttemptHttpClient.class);
    assertThat(client.toString()).doesNotContain(authToken);
  }

  @Test
  void testingTheDidItHappenPaths() {
    String taskSid = Sids.WT;
    MediaAttributes media = Sids.ticket();

    // --- README: faults after the write, another writer in between ---
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      InMemoryTaskRouter router = server.router();
      router.putTask(workspaceSid, taskSid, "{\"type\":\"inbound\"}");
      router.failNext(Operation.UPDATE, 1, Fault.unavailable().afterWrite());  // stored, then 503
      router.beforeNextUpdate(() ->                                            // a CRM writes meanwhile
          router.setAttributes(workspaceSid, taskSid, "{\"type\":\"inbound\",\"crm\":7}"));

      MediaAttacher.builder(new TwilioTaskRouterClient(server.restClient())).build()
          .attach(workspaceSid, taskSid, media);

      assertThat(router.calls()).extracting(RecordedCall::operation, RecordedCall::status)
          .containsExactly(tuple(Operation.FETCH, 200), tuple(Operation.UPDATE, 412),
              tuple(Operation.FETCH, 200), tuple(Operation.UPDATE, 503), tuple(Operation.UPDATE, 412),
              tuple(Operation.FETCH, 200));
      assertThat(router.attributes(workspaceSid, taskSid)).contains("\"crm\":7");
    }
    // --- end ---
  }
}
