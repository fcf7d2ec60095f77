package io.github.flexmedia.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.flexmedia.MediaLink;
import io.github.flexmedia.spring.FlexMediaAutoConfiguration;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API guard until a release exists for japicmp to compare against: the public API of each
 * published artifact, listed by reflection, must equal the listing checked in under {@code
 * src/test/resources/api}. A deliberate change is accepted by regenerating the listing —
 * {@code mvn -pl examples -am test -Dtest=PublicApiTest -Dapi.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} — so that it shows up in review.
 */
class PublicApiTest {
  private static final Map<String, Class<?>> ANCHORS =
      Map.of("flex-media-core", MediaLink.class, "flex-media-twilio", MediaAttacher.class,
          "flex-media-twilio-testing", InMemoryTaskRouter.class,
          "flex-media-spring-boot-starter", FlexMediaAutoConfiguration.class);
  private static final Map<String, String> ENTRY_POINTS = Map.of(
      "flex-media-core", "public sealed interface io.github.flexmedia.MediaLink",
      "flex-media-twilio", "public final class io.github.flexmedia.twilio.MediaAttacher",
      "flex-media-twilio-testing", "public final class io.github.flexmedia.twilio.testing.InMemoryTaskRouter",
      "flex-media-spring-boot-starter", "public class io.github.flexmedia.spring.FlexMediaAutoConfiguration");

  @ParameterizedTest
  @ValueSource(strings = {"flex-media-core", "flex-media-twilio", "flex-media-twilio-testing",
      "flex-media-spring-boot-starter"})
  void publicApiMatchesTheCheckedInListing(String artifact) throws Exception {
    String actual = listing(ANCHORS.get(artifact));
    Path checkedIn = Path.of("src/test/resources/api/" + artifact + ".txt");
    if (Boolean.getBoolean("api.update")) {
      Files.writeString(checkedIn, actual, StandardCharsets.UTF_8);
      return;
    }
    Path written = Path.of("target/api/" + artifact + ".txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual, StandardCharsets.UTF_8);
    String expected = Files.readString(checkedIn, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail("The public API of " + artifact + " changed. If that is deliberate, accept it with\n"
          + "  mvn -pl examples -am test -Dtest=PublicApiTest -Dapi.update=true -Dsurefire.failIfNoSpecifiedTests=false\n"
          + "and let the listing's diff show it in review.\n" + diff(expected, actual));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"flex-media-core", "flex-media-twilio", "flex-media-twilio-testing",
      "flex-media-spring-boot-starter"})
  void listingSeesTheWholeApiAndNoInternals(String artifact) throws Exception {
    String listing = listing(ANCHORS.get(artifact));
    // No signature may mention an internal type: not as a public type, nor as a parameter, return,
    // field, supertype or thrown type of one.
    assertThat(listing).doesNotContain(".internal.");
    assertThat(listing).contains(ENTRY_POINTS.get(artifact));
  }

  private static String diff(String expected, String actual) {
    List<String> e = expected.lines().collect(Collectors.toList());
    List<String> a = actual.lines().collect(Collectors.toList());
    StringBuilder sb = new StringBuilder();
    e.stream().filter(l -> !a.contains(l)).forEach(l -> sb.append("- ").append(l).append('\n'));
    a.stream().filter(l -> !e.contains(l)).forEach(l -> sb.append("+ ").append(l).append('\n'));
    return sb.toString();
  }

  /** Every public type outside {@code internal} packages, with its public and protected members. */
  static String listing(Class<?> anchor) throws IOException, ClassNotFoundException {
    URI location;
    try {
      location = anchor.getProtectionDomain().getCodeSource().getLocation().toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    Path root = Path.of(location);
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(root)) {
      collect(root, names);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(root)) {
        collect(jar.getPath("/"), names);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String name : names.stream().sorted().collect(Collectors.toList())) {
      Class<?> c = Class.forName(name, false, anchor.getClassLoader());
      if (!isApi(c)) {
        continue;
      }
      out.append(header(c)).append('\n');
      List<String> members = new ArrayList<>();
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers()) && !k.isSynthetic()) {
          members.add(k.toGenericString());
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          members.add(m.toGenericString());
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          members.add(f.toGenericString());
        }
      }
      members.stream().sorted().forEach(m -> out.append("  ").append(m).append('\n'));
    }
    return out.toString();
  }

  private static void collect(Path root, List<String> names) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files.map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && !p.contains("internal/") && !p.startsWith("META-INF")
              && !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .forEach(names::add);
    }
  }

  private static boolean isApi(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String header(Class<?> c) {
    int mods = c.getModifiers() & ~Modifier.INTERFACE;
    if (c.isInterface()) {
      mods &= ~Modifier.ABSTRACT; // implied
    }
    String kind = c.isAnnotation() ? "@interface" : c.isEnum() ? "enum" : c.isRecord() ? "record"
        : c.isInterface() ? "interface" : "class";
    StringBuilder sb = new StringBuilder(Modifier.toString(mods));
    if (c.isSealed()) {
      sb.append(" sealed");
    }
    sb.append(' ').append(kind).append(' ').append(c.getName());
    if (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && !c.isEnum() && !c.isRecord()) {
      sb.append(" extends ").append(c.getGenericSuperclass().getTypeName());
    }
    if (c.getGenericInterfaces().length > 0) {
      sb.append(c.isInterface() ? " extends " : " implements ").append(
          Arrays.stream(c.getGenericInterfaces()).map(t -> t.getTypeName()).collect(Collectors.joining(", ")));
    }
    if (c.isSealed()) {
      sb.append(" permits ").append(Arrays.stream(c.getPermittedSubclasses())
          .map(Class::getName).collect(Collectors.joining(", ")));
    }
    return sb.toString();
  }
}
