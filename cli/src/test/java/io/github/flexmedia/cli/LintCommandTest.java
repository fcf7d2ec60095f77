package io.github.flexmedia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  static final String RAW_THEN_EMBEDDED = "{\"conversations\":{\"media\":["
      + "{\"type\":\"Raw\",\"url\":\"https://crm.example.com/secret-path?token=s3cr3t\",\"title\":\"Patient chart\"},"
      + "{\"type\":\"Embedded\",\"url\":\"https://crm.example.com/page\",\"title\":\"CRM\"},"
      + "{\"type\":\"VoiceRecording\",\"url\":\"https://rec.example.com/r.wav\"}]}}";

  @TempDir Path dir;

  Path file(String content) throws Exception {
    return Files.writeString(dir.resolve("doc.json"), content);
  }

  @Test
  void aRawLinkFirstIsAWarningWithItsPathAndTheDocumentStaysValid() throws Exception {
    Cli.Run run = Cli.run("lint", file(RAW_THEN_EMBEDDED).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "RAW_FIRST_HIDES_OTHERS conversations.media[0] " + lintMessage(run, "RAW_FIRST_HIDES_OTHERS"));
    assertThat(run.all()).doesNotContain("secret-path", "s3cr3t", "Patient chart", "/page");
  }

  private static String lintMessage(Cli.Run run, String code) {
    String line = run.out().lines().filter(l -> l.startsWith(code + " ")).findFirst().orElseThrow();
    return line.substring(line.indexOf(' ', code.length() + 1) + 1);
  }

  @Test
  void malformedJsonExitsOneWithOneLineNamingTheProblemAndNoContent() throws Exception {
    Cli.Run run = Cli.run("lint", file("{\"conversations\": {\"media\": [s3cr3t-value]}").toString());

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(run.out().lines()).singleElement().asString().startsWith("MALFORMED_ATTRIBUTES ");
    assertThat(run.all()).doesNotContain("s3cr3t");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsMalformed() throws Exception {
    Cli.Run run = Cli.run("lint", file("[1,2]").toString());

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(run.out()).startsWith("MALFORMED_ATTRIBUTES ");
  }

  @Test
  void aLinkThatBreaksARuleMakesTheDocumentInvalid() throws Exception {
    // start_time in seconds: another writer's mistake, read as Unknown and reported.
    Cli.Run run = Cli.run("lint", file("{\"conversations\":{\"media\":[{\"type\":\"VoiceRecording\","
        + "\"url\":\"https://rec.example.com/r.wav\",\"start_time\":1764950400}]}}").toString());

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(run.out()).contains("INVALID_LINK conversations.media[0] ");
  }

  @Test
  void withNoArgumentItExitsTwoWithUsageOnStderr() {
    Cli.Run run = Cli.run("lint");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Usage: flex-media lint");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Cli.Run run = Cli.run("lint", dir.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.USAGE);
    assertThat(run.err()).contains("no such file");
  }

  @Test
  void readsStandardInputForADash() {
    Cli.Run run = Cli.run(Map.of(), RAW_THEN_EMBEDDED, "lint", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("RAW_FIRST_HIDES_OTHERS conversations.media[0] ");
  }

  @Test
  void emptyAndBlankDocumentsAreValidAndSayNothing() throws Exception {
    assertThat(Cli.run("lint", file("{}").toString())).extracting(Cli.Run::exitCode, Cli.Run::out)
        .containsExactly(0, "");
    assertThat(Cli.run(Map.of(), "  \n", "lint", "-").exitCode()).isZero();
  }

  @Test
  void aDocumentOverTaskRoutersLimitIsInvalidCountedCompactly() throws Exception {
    String big = "{\"notes\":\"" + "x".repeat(4090) + "\"}";          // 4,102 characters compact
    Cli.Run run = Cli.run("lint", file(big).toString());
    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(run.out()).startsWith("DOCUMENT_TOO_LARGE $ the document is 4102 characters");

    // 4,096 characters compact, but indented well past that: judged by what it weighs when written.
    String fits = "{\n    \"notes\" :   \"" + "x".repeat(4084) + "\"\n}\n";
    assertThat(fits.length()).isGreaterThan(4096);
    assertThat(DocumentCheck.compactLength(fits)).isEqualTo(4096);
    assertThat(Cli.run("lint", file(fits).toString()).exitCode()).isZero();
  }

  @Test
  void whitespaceInsideStringsCountsAndEscapedQuotesDoNotEndThem() {
    assertThat(DocumentCheck.compactLength("{ \"a b\" : \"c \\\" d\" }")).isEqualTo(16);
  }

  @Test
  void inputFarOverAnyTaskIsRefusedBeforeParsing() {
    Cli.Run run = Cli.run(Map.of(), " ".repeat(Input.MAX_BYTES + 1), "lint", "-");

    assertThat(run.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(run.out()).startsWith("DOCUMENT_TOO_LARGE $ ");
  }

  @Test
  void jsonOutputHasTheSameFindingsForScripts() throws Exception {
    Cli.Run run = Cli.run("lint", "--json", file(RAW_THEN_EMBEDDED).toString());

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("problems")).singleElement().satisfies(p -> {
      assertThat(p.get("code").asText()).isEqualTo("RAW_FIRST_HIDES_OTHERS");
      assertThat(p.get("path").asText()).isEqualTo("conversations.media[0]");
      assertThat(p.get("severity").asText()).isEqualTo("warning");
    });
  }

  @Test
  void theFixtureCiSmokeRunsIsWarnedAboutItsRawLink() {
    // .ci/run lints this file with the packaged jar and expects exactly this.
    Cli.Run run = Cli.run("lint", "src/test/resources/raw-first.json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).singleElement().asString()
        .startsWith("RAW_FIRST_HIDES_OTHERS conversations.media[0] ");
  }

  @Test
  void hipaaModeRefusesWhatAHipaaAccountDropsNamingEachPath() throws Exception {
    Path doc = file("{\"crm_id\":\"c-17\",\"customers\":{\"email\":\"pat@example.com\"},"
        + "\"conversations\":{\"my_custom_key\":\"x\",\"outcome\":\"resolved\"}}");

    Cli.Run hipaa = Cli.run("lint", "--hipaa", doc.toString());
    assertThat(hipaa.exitCode()).isEqualTo(FlexMediaCli.INVALID);
    assertThat(hipaa.out().lines().filter(l -> l.startsWith("HIPAA_")).map(l -> l.split(" ")[1]))
        .containsExactlyInAnyOrder("crm_id", "customers.email", "conversations.my_custom_key");
    assertThat(hipaa.all()).doesNotContain("pat@example.com", "c-17");

    Cli.Run plain = Cli.run("lint", doc.toString());
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).doesNotContain("HIPAA_");
  }
}
