package io.github.flexmedia.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What README's "Running a fleet" section shows: its command runs {@link Main} with {@code fleet},
 * which starts PostgreSQL, the emulator and three instance JVMs, kills one while it holds claims,
 * and ends with every attach done once and the killed instance's work taken over.
 */
class FleetExampleTest {
  static final String COMMAND = "java -jar examples/target/flex-media-examples.jar fleet";

  @Test
  void theReadmeAndTheFleetDocShowTheCommand() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Running a fleet"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    assertThat(section).contains(COMMAND).contains("docs/fleet.md");
    assertThat(Files.readString(Path.of("../docs/fleet.md"), StandardCharsets.UTF_8))
        .contains(COMMAND);
  }

  @Test
  @Timeout(300)
  void theFleetLosesNothingWhenAnInstanceIsKilled() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Fleet.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(out);

    assertThat(code).as(out).isZero();
    assertThat(out)
        .contains("instances a, b, c started")
        .contains("180 committed before the instance answered")
        .containsPattern("killed instance a\\d? \\(SIGKILL\\) while it held [1-9]\\d* claims")
        .contains("outcomes in the table {ATTACHED=180}; 60 of 60 tasks hold exactly their links")
        .contains("Nothing lost, nothing twice");
  }
}
