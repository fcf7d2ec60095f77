package io.github.flexmedia.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/**
 * The executable jar {@code package} built holds no class of the testing artifact: the emulators
 * serve the tests and {@code spring-boot:test-run}, never production. Run by the build in the
 * {@code verify} phase, after {@code repackage} (see the pom), not with the other tests.
 */
class ProductionJarTest {
  private static final Path JAR = Path.of("target", "flex-media-spring-boot-example.jar");
  private static final String TESTING = "io/github/flexmedia/twilio/testing/";

  @Test
  void theExecutableJarHasNoClassOfTheTestingArtifact() throws Exception {
    // Selected with -Dtest, it may also run in the test phase, before the jar exists: there it
    // steps aside, and the verify-phase run (which sets the property) checks the jar.
    assumeTrue(Boolean.getBoolean("production.jar.check"), "runs in the verify phase, after repackage");
    assertThat(JAR).as("built by package before verify").exists();
    List<String> classes = new ArrayList<>();
    List<String> libraries = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        if (entry.getName().endsWith(".class")) {
          classes.add(entry.getName());
        } else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
          libraries.add(entry.getName());
          try (InputStream in = jar.getInputStream(entry); JarInputStream nested = new JarInputStream(in)) {
            for (JarEntry e = nested.getNextJarEntry(); e != null; e = nested.getNextJarEntry()) {
              if (e.getName().endsWith(".class")) {
                classes.add(entry.getName() + "!/" + e.getName());
              }
            }
          }
        }
      }
    }
    // The check sees inside the nested jars: the starter's and the adapter's classes are there.
    assertThat(classes).anyMatch(c -> c.endsWith("!/io/github/flexmedia/spring/FlexMediaAutoConfiguration.class"))
        .anyMatch(c -> c.endsWith("!/io/github/flexmedia/twilio/MediaAttacher.class"))
        .contains("BOOT-INF/classes/io/github/flexmedia/examples/spring/ExampleApplication.class");
    assertThat(classes).noneMatch(c -> c.contains(TESTING))
        .noneMatch(c -> c.contains("TestExampleApplication"));
    assertThat(libraries).noneMatch(l -> l.contains("flex-media-twilio-testing"));
    assertThat(Files.size(JAR)).isPositive();
  }
}
