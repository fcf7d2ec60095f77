package io.github.flexmedia.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaWarning.Code;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every scenario against the loopback emulator, checking the task each one leaves behind. */
@Timeout(60)
class ScenariosTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalTaskRouterServer server;
  private static ExampleContext ctx;
  private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @TempDir static Path previews;

  @BeforeAll
  static void start() {
    server = LocalTaskRouterServer.start();
    ctx = new ExampleContext(new TwilioTaskRouterClient(server.restClient()), Main.LOCAL_WORKSPACE,
        Main.LOCAL_WORKFLOW, new PrintStream(printed, true, StandardCharsets.UTF_8), previews);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Runs a scenario and returns the task's attributes as the emulator stores them. */
  private static String run(Scenario s) {
    ScenarioResult r = s.run(ctx);
    String stored = server.router().attributes(Main.LOCAL_WORKSPACE, r.taskSid());
    assertThat(r.attributesJson()).isEqualTo(stored);
    return stored;
  }

  private static List<MediaLink> taskMedia(String attributes) {
    return MediaAttributes.fromTaskAttributes(attributes).taskMedia();
  }

  @Test
  void createTaskWithReferencedLink() throws Exception {
    String stored = run(new CreateTaskWithReferencedLink());
    assertThat(taskMedia(stored)).containsExactly(
        MediaLink.referenced("https://support.example.com/tickets/1001", "External Ticket"));
    assertThat(JSON.readTree(stored).get("ticket_id").asInt()).isEqualTo(1001);
  }

  @Test
  void rawLinkIsWrittenAndItsWarningReported() {
    ScenarioResult r = new RawLink().run(ctx);
    assertThat(taskMedia(r.attributesJson()).get(0)).isInstanceOf(MediaLink.Raw.class);
    assertThat(r.warnings()).extracting(w -> w.code()).contains(Code.RAW_FIRST_HIDES_OTHERS);
  }

  @Test
  void embeddedLink() {
    assertThat(taskMedia(run(new EmbeddedLink()))).containsExactly(
        MediaLink.embedded("https://support.example.com/tickets/42", "Support ticket #42"));
  }

  @Test
  void voiceRecordingWritesMillisecondsAndChannels() throws Exception {
    JsonNode link = JSON.readTree(run(new VoiceRecordingWithChannels())).at("/conversations/media/0");
    assertThat(link.get("type").asText()).isEqualTo("VoiceRecording");
    assertThat(link.get("start_time").asLong()).isEqualTo(VoiceRecordingWithChannels.START.toEpochMilli());
    assertThat(link.get("channels")).isEqualTo(JSON.readTree("[\"customer\",\"others\"]"));
  }

  @Test
  void chatTranscript() {
    assertThat(taskMedia(run(new ChatTranscriptLink())))
        .containsExactly(MediaLink.chatTranscript(ChatTranscriptLink.CHANNEL));
  }

  @Test
  void severalLinksEndReordered() {
    assertThat(taskMedia(run(new SeveralLinks())))
        .containsExactly(SeveralLinks.CALL, SeveralLinks.TICKET, SeveralLinks.CHAT);
  }

  @Test
  void reservationLevelMediaForTwoSegments() {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(run(new ReservationLevelMedia()));
    assertThat(read.taskMedia()).isEmpty();
    assertThat(read.reservationMedia()).containsOnlyKeys(ReservationLevelMedia.FIRST, ReservationLevelMedia.SECOND);
    assertThat(read.reservationMedia().get(ReservationLevelMedia.SECOND)).hasSize(2);
  }

  @Test
  void keepDefaultRecordingListsItAfterTheCustomLink() {
    List<MediaLink> media = taskMedia(run(new KeepDefaultRecording()));
    assertThat(media).hasSize(2);
    assertThat(media.get(1)).isInstanceOfSatisfying(MediaLink.VoiceRecording.class,
        v -> assertThat(v.channels()).containsExactly(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS));
  }

  @Test
  void attachToExistingTaskKeepsEverythingElse() throws Exception {
    String stored = run(new AttachToExistingTask());
    assertThat(AttachToExistingTask.withoutMedia(stored))
        .isEqualTo(AttachToExistingTask.withoutMedia(AttachToExistingTask.EXISTING));
    assertThat(stored).contains("123456789012345678901234567890").contains("\"balance\":1.10")
        .contains("Zoë Ångström").contains("\"vip\":null");
    assertThat(taskMedia(stored)).hasSize(2);
  }

  @Test
  void readMediaBack() {
    MediaAttributes read = MediaAttributes.fromTaskAttributes(run(new ReadMediaBack()));
    assertThat(read.taskMedia()).containsExactly(SeveralLinks.TICKET, SeveralLinks.CHAT, SeveralLinks.CALL);
    assertThat(read.reservationMedia().get(ReservationLevelMedia.FIRST)).containsExactly(SeveralLinks.CHAT);
  }

  @Test
  void webhooksAttachTheRecordingAndTheCrmLinkAndRefuseTheForgedCallback() throws Exception {
    int before = server.requestCount();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExampleContext own = new ExampleContext(new TwilioTaskRouterClient(server.restClient()), Main.LOCAL_WORKSPACE,
        Main.LOCAL_WORKFLOW, new PrintStream(out, true, StandardCharsets.UTF_8), previews);

    String stored = server.router().attributes(Main.LOCAL_WORKSPACE, new WebhooksToInsights().run(own).taskSid());

    List<MediaLink> media = taskMedia(stored);
    assertThat(media).hasSize(2);
    assertThat(media.get(0)).isInstanceOfSatisfying(MediaLink.VoiceRecording.class, v -> {
      assertThat(v.url()).hasToString("https://api.twilio.com/2010-04-01/Accounts/" + WebhooksToInsights.ACCOUNT
          + "/Recordings/" + WebhooksToInsights.RECORDING);
      assertThat(v.channels()).containsExactly(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS);
      assertThat(v.startTime()).isEqualTo(VoiceRecordingWithChannels.START);
    });
    assertThat(media.get(1)).isEqualTo(WebhooksToInsights.CRM);
    assertThat(JSON.readTree(stored).get("ticket_id").asInt()).isEqualTo(1001);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("recording completed (signed): HTTP 202", "reservation.wrapup (signed): HTTP 202",
        "recording completed (forged): HTTP 403");
    assertThat(text.lines().filter(l -> l.contains("outcome: ATTACHED"))).hasSize(2);
    // create, two attaches of GET + POST each, the final GET: the forged callback sent nothing
    assertThat(server.requestCount() - before).isEqualTo(6);
  }

  @Test
  void wrapUpWritesOutcomeAndCsatWithItsMediaAndKeepsEverythingElse() throws Exception {
    String stored = run(new WrapUpInsightsData());

    JsonNode tree = JSON.readTree(stored);
    assertThat(tree.at("/conversations/outcome").asText()).isEqualTo("Resolved");
    assertThat(tree.at("/conversations/conversation_measure_1").isNumber()).isTrue();
    assertThat(tree.at("/conversations/conversation_measure_1").asInt()).isEqualTo(5);
    assertThat(tree.at("/conversations/queue").asText()).isEqualTo("Billing");
    assertThat(tree.at("/customers/market_segment").asText()).isEqualTo("Pensioners");
    assertThat(tree.at("/type").asText()).isEqualTo("inbound");
    assertThat(taskMedia(stored)).hasSize(2);
    assertThat(io.github.flexmedia.InsightsData.fromTaskAttributes(stored).lint()).isEmpty();
  }

  @Test
  void mainRunsEveryScenarioLocallyAndSummarises(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(Map.of("FLEX_MEDIA_PREVIEW_DIR", dir.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .hasSize(Main.SCENARIOS.size()).contains("01-CreateTaskWithReferencedLink.html", "10-ReadMediaBack.html",
              "11-WebhooksToInsights.html", "12-AuthenticatedPlayback.html", "13-WrapUpInsightsData.html");
    }
    assertThat(text).contains("preview: " + dir.toAbsolutePath().normalize().resolve("03-EmbeddedLink.html"));
    assertThat(java.nio.file.Files.readString(dir.resolve("07-ReservationLevelMedia.html")))
        .contains("data-reservation=\"" + ReservationLevelMedia.SECOND + "\"");
    assertThat(java.nio.file.Files.readString(dir.resolve("13-WrapUpInsightsData.html")))
        .contains("<th>Outcome</th><td>Resolved</td>", "<th>Conversation Measure 1</th><td>5</td>");
    assertThat(text.lines().findFirst().orElseThrow()).contains("local TaskRouter emulator");
    assertThat(text).contains("Summary: 13 of 13 scenarios ran").doesNotContain("FAILED");
  }

  @Test
  void incompleteRealConfigurationGivesAClearMessageNotAStackTrace() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(Map.of("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef",
            "FLEX_WORKSPACE_SID", "WS-not-a-sid", "TWILIO_AUTH_TOKEN", "SECRET-token"),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(2);
    assertThat(text).contains("FLEX_WORKFLOW_SID is not set")
        .contains("FLEX_WORKSPACE_SID must be 'WS' followed by 32 hex digits")
        .doesNotContain("SECRET-token").doesNotContain("Exception");
  }
}
