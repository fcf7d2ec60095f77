package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package users import is the API and nothing else: every class file directly in {@code
 * io.github.flexmedia} is a public type (so it is in the checked-in API listing) or a private part
 * of one, and the
 * implementation lives in {@code io.github.flexmedia.internal}, which the module descriptor does
 * not export.
 */
class PackageLayoutTest {
  private static Path classes() throws Exception {
    return Path.of(MediaLink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void everyClassFileOfTheApiPackageIsAPublicType() throws Exception {
    List<String> names;
    try (Stream<Path> files = Files.list(classes().resolve("io/github/flexmedia"))) {
      names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .sorted().collect(Collectors.toList());
    }

    assertThat(names).contains("MediaLink", "MediaAttributes", "MediaLink$Unknown");
    List<String> notApi = names.stream()
        .filter(n -> !isApi(load("io.github.flexmedia." + n)))
        .collect(Collectors.toList());
    assertThat(notApi).as("types in the API package that users cannot name").isEmpty();
  }

  @Test
  void theCheckTellsAnInternalTypeFromAnApiType() {
    assertThat(isApi(MediaLink.VoiceRecording.Builder.class)).isTrue();
    assertThat(isApi(PackageLayoutTest.class)).isFalse();
  }

  @Test
  void theModuleExportsTheApiPackageOnly() throws Exception {
    ModuleDescriptor module = ModuleFinder.of(classes()).findAll().iterator().next().descriptor();

    Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet());
    assertThat(module.name()).isEqualTo("io.github.flexmedia.core");
    assertThat(exported).containsExactly("io.github.flexmedia");
    assertThat(module.packages()).contains("io.github.flexmedia.internal");
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
      return Class.forName(name, false, PackageLayoutTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
