package io.github.flexmedia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as a user runs it ({@code java -jar}): exit codes, stdout and stderr kept
 * apart, no credential in either.
 */
@Timeout(120)
class CliProcessIT {
  static final Path JAR = Path.of(System.getProperty("cli.jar", "target/flex-media-cli.jar"));

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  Result java(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().keySet().removeIf(k -> k.startsWith("TWILIO_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("flex-media did not exit within 90 s");
    }
    return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void lintPrintsFindingsOnStdoutAndExitsZeroForWarnings() throws Exception {
    Path doc = Files.writeString(dir.resolve("doc.json"), LintCommandTest.RAW_THEN_EMBEDDED);

    Result r = java(Map.of(), "lint", doc.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("RAW_FIRST_HIDES_OTHERS conversations.media[0] ");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void malformedJsonExitsOneWithOneLine() throws Exception {
    Path doc = Files.writeString(dir.resolve("doc.json"), "{\"a\":");

    Result r = java(Map.of(), "lint", doc.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out().lines()).singleElement().asString().startsWith("MALFORMED_ATTRIBUTES ");
  }

  @Test
  void noArgumentExitsTwoWithUsageOnStderr() throws Exception {
    Result r = java(Map.of(), "lint");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Usage: flex-media lint");
  }

  @Test
  void inspectWithAWrongTokenExitsThreeAndPrintsNoCredential() throws Exception {
    String token = "feedfacefeedfacefeedfacefeedface";
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      Result r = java(Map.of("TWILIO_ACCOUNT_SID", LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
              "TWILIO_AUTH_TOKEN", token),
          "inspect", "--workspace", Connection.DEMO_WORKSPACE, "--task", Connection.DEMO_TASK,
          "--route-to=http://127.0.0.1:" + server.port(), "--verbose");

      assertThat(r.exitCode()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("refused the credentials");
      assertThat(r.out() + r.err()).doesNotContain(token);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void inspectAgainstTheEmulatorNeedsNothing() throws Exception {
    Result r = java(Map.of(), "inspect", "--emulator");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("What a supervisor sees on drill-down:",
        "1. Referenced https://support.example.com");
  }
}
