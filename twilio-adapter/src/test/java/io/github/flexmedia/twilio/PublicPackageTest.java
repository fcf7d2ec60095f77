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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packages users import are the API and nothing else: every class file directly in {@code
 * io.github.flexmedia.twilio}, {@code .events} and {@code .playback} is a public type users may
 * name (so it is in the checked-in API listing) or a private part of one, and the implementation
 * lives in {@code internal} packages that say they are not API.
 */
class PublicPackageTest {
  private static Path classes() throws URISyntaxException {
    return Path.of(MediaAttacher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @ParameterizedTest
  @CsvSource({
      "io.github.flexmedia.twilio, MediaAttacher TaskRouterClient TwilioTaskRouterClient TaskSnapshot"
          + " TaskRouterException TaskNotFoundException RateLimitedException",
      "io.github.flexmedia.twilio.events, AttachQueue WebhookHandler WebhookVerifier"
          + " WebhookSignatureException RecordingCallback TaskRouterEvent",
      "io.github.flexmedia.twilio.playback, RecordingUrlProvider FlexTokenValidator"
          + " TwilioFlexTokenValidator PlaybackAuthorizer PlaybackAudit"})
  void everyClassFileOfAnApiPackageIsAPublicType(String pkg, String named) throws Exception {
    List<String> names = classFiles(pkg);

    assertThat(names).as("DESIGN's names in %s", pkg).contains(named.split(" "));
    List<String> notApi = names.stream()
        .filter(n -> !isApi(load(pkg + "." + n)))
        .collect(Collectors.toList());
    assertThat(notApi).as("types in the API package %s that users cannot name", pkg).isEmpty();
  }

  @Test
  void theImplementationMovedOutOfTheEventsAndPlaybackPackages() throws Exception {
    assertThat(classFiles("io.github.flexmedia.twilio.internal.events"))
        .contains("Params", "ReadDeadlineExecutor", "RefusalLog", "InMemoryAttachStore");
    assertThat(classFiles("io.github.flexmedia.twilio.internal.playback"))
        .contains("CachingFlexTokenValidator", "CallBudget", "FlexTokens", "InsightsRoles",
            "LoggingPlaybackAudit", "Redact");
  }

  /** The class files directly in {@code pkg}, without {@code .class}, sorted. */
  private static List<String> classFiles(String pkg) throws Exception {
    try (Stream<Path> files = Files.list(classes().resolve(pkg.replace('.', '/')))) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .sorted().collect(Collectors.toList());
    }
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

    assertThat(packages).extracting(p -> internal.relativize(p).toString().replace('\\', '/'))
        .contains("attach", "http", "ratelimit", "events", "playback");
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
