package io.github.flexmedia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** inspect and attach against the local TaskRouter, through twilio-java, requests counted. */
@Timeout(60)
class TaskCommandsTest {
  static final String WS = Connection.DEMO_WORKSPACE;
  static final String WT = Connection.DEMO_TASK;
  static final String WRONG_TOKEN = "0123456789abcdef0123456789abcdef";

  LocalTaskRouterServer server;
  Map<String, String> env;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    server = LocalTaskRouterServer.start();
    Connection.seed(server.router());
    env = Map.of("TWILIO_ACCOUNT_SID", LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN", LocalTaskRouterServer.DEFAULT_AUTH_TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String route() {
    return "--route-to=http://127.0.0.1:" + server.port();
  }

  @Test
  void inspectPrintsTheMediaAsTheSupervisorSeesThemInOneExchange() {
    Cli.Run run = Cli.run(env, "", "inspect", "--workspace", WS, "--task", WT, route());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(
        "Task " + WT + " in " + WS + " (completed, channel voice)",
        "RESERVATION_HIDES_TASK_MEDIA reservation_attributes.WR0123456789abcdef0123456789abcdef.media ",
        "  Whole conversation (task level)\n"
            + "    1. Referenced https://support.example.com: shown as a link on the Conversation Screen\n"
            + "    2. VoiceRecording https://api.twilio.com: played in the recording player\n",
        "  Segment of reservation WR0123456789abcdef0123456789abcdef\n"
            + "    1. Embedded https://crm.example.com: shown in a frame");
    assertThat(run.all()).doesNotContain("/tickets/4711", "Support ticket", "/contacts/42",
        LocalTaskRouterServer.DEFAULT_AUTH_TOKEN);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void inspectSaysWhichLinksTheSupervisorCannotReach() {
    server.router().putTask(WS, WT, MediaAttributes.builder().media(
        MediaLink.raw("https://a.example.com/x", "A"),
        MediaLink.voiceRecording("https://r.example.com/1").build(),
        MediaLink.voiceRecording("https://r.example.com/2").build()).build().toJson());

    Cli.Run run = Cli.run(env, "", "inspect", "--workspace", WS, "--task", WT, route());

    assertThat(run.out()).contains(
        "    1. Raw https://a.example.com: opens in a new browser tab\n"
            + "    2. VoiceRecording https://r.example.com: unreachable: the first link is Raw",
        "    3. VoiceRecording https://r.example.com: unreachable");
  }

  @Test
  void aSecondRecordingIsNotPlayable() {
    server.router().putTask(WS, WT, MediaAttributes.builder().media(
        MediaLink.voiceRecording("https://r.example.com/1").build(),
        MediaLink.voiceRecording("https://r.example.com/2").build()).build().toJson());

    Cli.Run run = Cli.run(env, "", "inspect", "--workspace", WS, "--task", WT, route(), "--json");

    JsonNode links = json(run).at("/supervisor_view/0/links");
    assertThat(links.get(0).get("shown").asText()).isEqualTo("played in the recording player");
    assertThat(links.get(1).get("shown").asText()).startsWith("not playable");
  }

  @Test
  void aTaskWithNoMediaKeepsFlexsDefaults() {
    server.router().putTask(WS, WT, "{\"type\":\"support\"}");

    Cli.Run run = Cli.run(env, "", "inspect", "--workspace", WS, "--task", WT, route());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("no custom media: Flex shows its default call recording");
  }

  @Test
  void inspectAsJsonAndWithAPreviewPage() throws Exception {
    Path page = dir.resolve("page.html");
    Cli.Run run = Cli.run(env, "", "inspect", "--workspace", WS, "--task", WT, route(), "--json",
        "--preview", page.toString());

    JsonNode json = json(run);
    assertThat(json.at("/task/assignment_status").asText()).isEqualTo("completed");
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.at("/supervisor_view/1/reservation").asText())
        .isEqualTo("WR0123456789abcdef0123456789abcdef");
    assertThat(Files.readString(page)).contains("What a supervisor sees on drill-down");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aRefusedCredentialExitsThreeAndPrintsNoCredentialEvenVerbose() {
    Map<String, String> wrong = Map.of("TWILIO_ACCOUNT_SID", LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN", WRONG_TOKEN);

    Cli.Run run = Cli.run(wrong, "", "inspect", "--workspace", WS, "--task", WT, route(), "--verbose");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.FAILURE);
    assertThat(run.err()).contains("TaskRouter refused the credentials (HTTP 401)",
        "  caused by io.github.flexmedia.twilio.");
    assertThat(run.all()).doesNotContain(WRONG_TOKEN, LocalTaskRouterServer.DEFAULT_AUTH_TOKEN);
    assertThat(run.out()).isEmpty();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void anApiKeyFromTheEnvironmentIsUsedAndNeverPrinted() {
    Map<String, String> key = Map.of("TWILIO_ACCOUNT_SID", LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        "TWILIO_API_KEY", "SK0123456789abcdef0123456789abcdef", "TWILIO_API_SECRET", "api-secret-value");

    Cli.Run run = Cli.run(key, "", "inspect", "--workspace", WS, "--task", WT, route(), "-v");

    // The emulator accepts only the account's own token: the key reached it, and was refused.
    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.FAILURE);
    assertThat(run.all()).doesNotContain("api-secret-value");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aMissingCredentialIsAUsageErrorNamingTheVariableAndNothingIsSent() {
    Cli.Run run = Cli.run(Map.of("TWILIO_ACCOUNT_SID", LocalTaskRouterServer.DEFAULT_ACCOUNT_SID), "",
        "inspect", "--workspace", WS, "--task", WT, route());

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.USAGE);
    assertThat(run.err()).contains("TWILIO_AUTH_TOKEN");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void anUnknownTaskExitsThree() {
    Cli.Run run = Cli.run(env, "", "inspect", "--workspace", WS,
        "--task", "WTffffffffffffffffffffffffffffffff", route());

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.FAILURE);
    assertThat(run.err()).contains("no such task").doesNotContain("caused by");
  }

  @Test
  void malformedSidsAndRemoteRoutesAreUsageErrors() {
    assertThat(Cli.run(env, "", "inspect", "--workspace", "WS1", "--task", WT, route()))
        .satisfies(r -> assertThat(r.exitCode()).isEqualTo(FlexMediaCli.USAGE))
        .satisfies(r -> assertThat(r.err()).contains("--workspace must be 'WS' followed by 32 hex digits"));
    assertThat(Cli.run(env, "", "inspect", "--workspace", WS, "--task", WT,
        "--route-to=http://attacker.example.com:80").err())
        .contains("--route-to must be http://127.0.0.1:PORT");
    assertThat(Cli.run(env, "", "inspect", "--workspace", WS).err()).contains("missing --task");
    assertThat(Cli.run(env, "", "inspect", "--emulator", route()).exitCode())
        .isEqualTo(FlexMediaCli.USAGE);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void theEmulatorNeedsNoAccount() {
    Cli.Run run = Cli.run(Map.of(), "", "inspect", "--emulator");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1. Referenced https://support.example.com");
    assertThat(run.err()).contains("nothing leaves this machine");
  }

  @Test
  void attachDryRunShowsTheMergedDocumentAndIfMatchAndWritesNothing() throws Exception {
    String before = server.router().attributes(WS, WT);

    Cli.Run run = Cli.run(env, "", "attach", "--workspace", WS, "--task", WT, route(), "--dry-run",
        "--referenced", "https://kb.example.com/articles/7", "--title", "Knowledge base");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst()).hasValue("If-Match: \"1\"");
    JsonNode merged = new ObjectMapper().readTree(run.out().lines().skip(1).findFirst().orElseThrow());
    assertThat(merged.at("/conversations/media/2/url").asText()).isEqualTo("https://kb.example.com/articles/7");
    assertThat(merged.get("priority_tier").asText()).isEqualTo("gold");
    assertThat(server.router().attributes(WS, WT)).isEqualTo(before);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void attachMergesOneLinkAndKeepsEverythingElse() throws Exception {
    Cli.Run run = Cli.run(env, "", "attach", "--workspace", WS, "--task", WT, route(),
        "--chat-transcript", "CH0123456789abcdef0123456789abcdef",
        "--reservation", "WR0123456789abcdef0123456789abcdef");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("attached (1 attempt)");
    JsonNode doc = new ObjectMapper().readTree(server.router().attributes(WS, WT));
    assertThat(doc.at("/reservation_attributes/WR0123456789abcdef0123456789abcdef/media/1/sid").asText())
        .isEqualTo("CH0123456789abcdef0123456789abcdef");
    assertThat(doc.at("/customers/customer_attribute_1").asText()).isEqualTo("vip");
    assertThat(doc.at("/conversations/media")).hasSize(2);
    assertThat(server.requestCount()).isEqualTo(2);                        // fetch + update

    Cli.Run again = Cli.run(env, "", "attach", "--workspace", WS, "--task", WT, route(), "--json",
        "--chat-transcript", "CH0123456789abcdef0123456789abcdef",
        "--reservation", "WR0123456789abcdef0123456789abcdef");
    assertThat(json(again).get("changed").asBoolean()).isFalse();
    assertThat(server.requestCount()).isEqualTo(3);                        // fetch only
  }

  @Test
  void attachReplaceAndRecordings() throws Exception {
    Cli.Run run = Cli.run(env, "", "attach", "--workspace", WS, "--task", WT, route(), "--replace",
        "--recording-provider", "https://playback.example.com/recordings?id=1", "--title", "Call");

    assertThat(run.exitCode()).isZero();
    JsonNode media = new ObjectMapper().readTree(server.router().attributes(WS, WT)).at("/conversations/media");
    assertThat(media).hasSize(1);
    assertThat(media.get(0).get("url_provider").asText()).isEqualTo("https://playback.example.com/recordings?id=1");
    assertThat(media.get(0).get("title").asText()).isEqualTo("Call");
  }

  @Test
  void attachRefusesABadLinkBeforeAnyRequest() {
    Cli.Run http = Cli.run(env, "", "attach", "--workspace", WS, "--task", WT, route(),
        "--embedded", "http://crm.example.com/secret", "--title", "CRM");
    assertThat(http.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(http.err()).contains("invalid link").doesNotContain("/secret");

    Cli.Run noTitle = Cli.run(env, "", "attach", "--workspace", WS, "--task", WT, route(),
        "--raw", "https://crm.example.com/x");
    assertThat(noTitle.exitCode()).isEqualTo(FlexMediaCli.USAGE);
    assertThat(noTitle.err()).contains("--title is required");

    Cli.Run two = Cli.run(env, "", "attach", "--workspace", WS, "--task", WT, route(),
        "--raw", "https://a.example.com", "--recording", "https://b.example.com", "--title", "t");
    assertThat(two.exitCode()).isEqualTo(FlexMediaCli.USAGE);
    assertThat(two.err()).contains("mutually exclusive");

    assertThat(server.requestCount()).isZero();
  }

  private static JsonNode json(Cli.Run run) {
    try {
      return new ObjectMapper().readTree(run.out());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + run.out(), e);
    }
  }

  private Cli.Run attach(String... link) {
    String[] args = new String[6 + link.length];
    String[] head = {"attach", "--workspace", WS, "--task", WT, route()};
    System.arraycopy(head, 0, args, 0, 6);
    System.arraycopy(link, 0, args, 6, link.length);
    return Cli.run(env, "", args);
  }

  @Test
  void anAttachPrintsTheWarningsOfTheDocumentItLeft() throws Exception {
    Cli.Run run = attach("--replace", "--raw", "https://kb.example.com/raw/7", "--title", "Raw");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.VALID);
    assertThat(run.out().lines()).first().isEqualTo("attached (1 attempt)");
    assertThat(run.out()).contains("\nDEFAULT_MEDIA_REPLACED conversations.media ");
    JsonNode media = new ObjectMapper().readTree(server.router().attributes(WS, WT))
        .at("/conversations/media");
    assertThat(media.get(0).get("type").asText()).isEqualTo("Raw");
  }

  @Test
  void aDryRunThatWouldMakeTheDocumentTooLargeExitsOneAndSaysWhy() {
    server.router().putTask(WS, WT, "{\"notes\":\"" + "n".repeat(4_000) + "\"}");

    Cli.Run run = attach("--dry-run", "--referenced", "https://kb.example.com/a", "--title", "KB");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(run.out().lines().skip(2)).as("the problems after If-Match and the document")
        .isNotEmpty();
  }

  @Test
  void embeddedAndRawLinksKeepTheirKinds() throws Exception {
    assertThat(attach("--replace", "--embedded", "https://kb.example.com/e", "--title", "E")
        .exitCode()).isZero();
    JsonNode media = new ObjectMapper().readTree(server.router().attributes(WS, WT))
        .at("/conversations/media");
    assertThat(media.get(0).get("type").asText()).isEqualTo("Embedded");
  }

  @Test
  void a401NamesTheCredentialsButNotAnApiKeysPermissions() {
    env = Map.of("TWILIO_ACCOUNT_SID", LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN", "0123456789abcdef0123456789abcdef");

    Cli.Run run = attach("--referenced", "https://kb.example.com/a", "--title", "KB");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.FAILURE);
    assertThat(run.err()).contains("TaskRouter refused the credentials (HTTP 401)")
        .doesNotContain("permissions");
  }
}
