package io.github.flexmedia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** preview, check-embed, help and completion. */
@Timeout(60)
class OfflineCommandsTest {
  @TempDir Path dir;
  HttpServer pages;

  @BeforeEach
  void serve() throws Exception {
    pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pages.createContext("/open", ex -> {
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    pages.createContext("/deny", ex -> {
      ex.getResponseHeaders().add("X-Frame-Options", "DENY");
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    pages.createContext("/broken", ex -> {
      ex.sendResponseHeaders(500, -1);
      ex.close();
    });
    pages.start();
  }

  @AfterEach
  void stop() {
    pages.stop(0);
  }

  String page(String path) {
    return "http://127.0.0.1:" + pages.getAddress().getPort() + path + "?token=s3cr3t";
  }

  @Test
  void previewWritesTheSupervisorPage() throws Exception {
    Path doc = Files.writeString(dir.resolve("doc.json"), LintCommandTest.RAW_THEN_EMBEDDED);
    Path out = dir.resolve("page.html");

    Cli.Run run = Cli.run("preview", doc.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("RAW_FIRST_HIDES_OTHERS conversations.media[0] ");
    assertThat(Files.readString(out)).contains("<h1>What a supervisor sees on drill-down (Flex Insights)</h1>",
        "data-code=\"RAW_FIRST_HIDES_OTHERS\"");
  }

  @Test
  void previewOfAMalformedDocumentWritesNoPage() throws Exception {
    Path doc = Files.writeString(dir.resolve("doc.json"), "{");
    Path out = dir.resolve("page.html");

    Cli.Run run = Cli.run("preview", doc.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(out).doesNotExist();
  }

  @Test
  void previewNeedsItsOutput() {
    Cli.Run run = Cli.run("preview", "-");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.USAGE);
    assertThat(run.err()).contains("Missing required option: '--out=PAGE.html'");
  }

  @Test
  void checkEmbedJudgesEachPageAndNamesItByOriginOnly() {
    Cli.Run run = Cli.run("check-embed", "--allow-http", page("/open"), page("/deny"));

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    String origin = "http://127.0.0.1:" + pages.getAddress().getPort();
    assertThat(run.out().lines()).satisfiesExactly(
        l -> assertThat(l).startsWith("1 " + origin + " EMBEDDABLE NO_FRAMING_RESTRICTIONS"),
        l -> assertThat(l).startsWith("2 " + origin + " NOT_EMBEDDABLE "));
    assertThat(run.all()).doesNotContain("s3cr3t", "/deny", "/open");
  }

  @Test
  void checkEmbedExitsZeroWhenEveryPageCanBeFramed() {
    assertThat(Cli.run("check-embed", "--allow-http", page("/open")).exitCode()).isZero();
  }

  @Test
  void aPageThatCannotBeCheckedExitsThree() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Cli.Run run = Cli.run("check-embed", "--allow-http", "--json", page("/deny"),
        "http://127.0.0.1:" + closed + "/x", page("/broken"));

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.FAILURE);
    JsonNode json = read(run.out());
    assertThat(json.get("pages")).extracting(p -> p.get("outcome").asText())
        .containsExactly("NOT_EMBEDDABLE", "UNKNOWN", "UNKNOWN");
  }

  @Test
  void checkEmbedRefusesPlainHttpByDefaultAndBadUrls() {
    Cli.Run run = Cli.run("check-embed", page("/open"), "not a url");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(run.out().lines()).satisfiesExactly(
        l -> assertThat(l).contains("UNKNOWN POLICY_REFUSED"),
        l -> assertThat(l).isEqualTo("2 INVALID the URL breaks a rule: not a URL"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lint", "preview", "inspect", "attach", "check-embed", "generate-completion"})
  void everyCommandHasHelp(String command) {
    Cli.Run run = Cli.run(command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: flex-media " + command);
  }

  @Test
  void topLevelHelpListsTheExitCodesAndNoCommandIsAUsageError() {
    assertThat(Cli.run("--help").out()).contains("Exit codes:", "inspect", "check-embed");
    Cli.Run none = Cli.run();
    assertThat(none.exitCode()).isEqualTo(FlexMediaCli.USAGE);
    assertThat(none.err()).contains("a command is required", "Usage: flex-media");
    assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(FlexMediaCli.USAGE);
  }

  @Test
  void printsABashCompletionScript() {
    Cli.Run run = Cli.run("generate-completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F", "check-embed", "--route-to");
  }

  @Test
  void printsItsVersion() {
    assertThat(Cli.run("--version").out()).startsWith("flex-media ");
  }

  private static JsonNode read(String s) {
    try {
      return new ObjectMapper().readTree(s);
    } catch (Exception e) {
      throw new AssertionError(s, e);
    }
  }

}
