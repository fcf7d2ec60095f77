package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The internal package is a leaf: the API uses it, it never uses the API, so there is no cycle. */
class PackageDependencyTest {
  private static final Path INTERNAL = Path.of("src/main/java/io/github/flexmedia/internal");
  private static final Pattern API_REFERENCE = Pattern.compile("io\\.github\\.flexmedia\\.(?!internal\\b)[A-Za-z]");

  @Test
  void theInternalPackageNamesNoTypeOfTheApiPackage() throws IOException {
    List<String> offending;
    try (Stream<Path> files = Files.list(INTERNAL)) {
      offending = files.filter(f -> f.toString().endsWith(".java"))
          .flatMap(f -> lines(f).stream()
              .filter(l -> API_REFERENCE.matcher(l).find())
              .map(l -> f.getFileName() + ": " + l.trim()))
          .collect(Collectors.toList());
    }

    assertThat(offending).isEmpty();
  }

  @Test
  void theCheckSeesAnApiReference() {
    assertThat(API_REFERENCE.matcher("import io.github.flexmedia.MediaLink;").find()).isTrue();
    assertThat(API_REFERENCE.matcher("package io.github.flexmedia.internal;").find()).isFalse();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
