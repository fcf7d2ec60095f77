package io.github.flexmedia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What attach prints and exits with when the document has problems, and each link kind. */
@Timeout(60)
class AttachCommandOutputTest {
  static final String WS = Connection.DEMO_WORKSPACE;
  static final String WT = Connection.DEMO_TASK;

  LocalTaskRouterServer server;
  Map<String, String> env;

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

  private Cli.Run attach(String... link) {
    String[] args = new String[6 + link.length];
    String[] head = {"attach", "--workspace", WS, "--task", WT,
        "--route-to=http://127.0.0.1:" + server.port()};
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
