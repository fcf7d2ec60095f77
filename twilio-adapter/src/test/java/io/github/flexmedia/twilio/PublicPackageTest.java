package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package users import is the API and nothing else: every class file directly in {@code
 * io.github.flexmedia.twilio} is a public type users may name (so it is in the checked-in API
 * listing), and the implementation lives in {@code internal} packages that say they are not API.
 */
class PublicPackageTest {
  private static Path classes() throws URISyntaxException {
    return Path.of(MediaAttacher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void everyClassFileOfTheApiPackageIsAPublicType() throws Exception {
    Path dir = classes().resolve("io/github/flexmedia/twilio");
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .sorted().collect(Collectors.toList());
    }

    assertThat(names).contains("MediaAttacher", "TaskRouterClient", "TwilioTaskRouterClient",
        "TaskSnapshot", "TaskRouterException", "TaskNotFoundException", "RateLimitedException");
    List<String> notApi = names.stream()
        .filter(n -> !isApi(load("io.github.flexmedia.twilio." + n)))
        .collect(Collectors.toList());
    assertThat(notApi).as("types in the API package that users cannot name").isEmpty();
  }

  @Test
  void theCheckTellsAnInternalTypeFromAnApiType() {
    assertThat(isApi(MediaAttacher.Builder.class)).isTrue();
    assertThat(isApi(load("io.github.flexmedia.twilio.internal.attach.AttachLoop"))).isTrue();
    // a package-private type of the package (the tests' SID helper)
    assertThat(isApi(load("io.github.flexmedia.twilio.Sids"))).isFalse();
  }

  @Test
  void everyInternalPackageSaysItIsNotApi() throws Exception {
    Path internal = Path.of("src/main/java/io/github/flexmedia/twilio/internal");
    List<Path> packages;
    try (Stream<Path> dirs = Files.walk(internal)) {
      packages = dirs.filter(Files::isDirectory).collect(Collectors.toList());
    }

    assertThat(packages).hasSizeGreaterThanOrEqualTo(3);
    for (Path p : packages) {
      assertThat(read(p.resolve("package-info.java"))).as("%s", p).contains("Not API");
    }
  }

  /**
   * A public type, or a part of one's implementation: an anonymous class in its code or a
   * private member type. A type of the package's own (top level, or a member that is neither
   * public nor private) is not.
   */
  private static boolean isApi(Class<?> c) {
    if (c.isAnonymousClass() || c.isLocalClass()) {
      return isApi(c.getEnclosingClass());
    }
    if (c.isMemberClass() && Modifier.isPrivate(c.getModifiers())) {
      return isApi(c.getEnclosingClass());
    }
    return Modifier.isPublic(c.getModifiers())
        && (c.getEnclosingClass() == null || isApi(c.getEnclosingClass()));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicPackageTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(file + " is missing", e);
    }
  }
}
