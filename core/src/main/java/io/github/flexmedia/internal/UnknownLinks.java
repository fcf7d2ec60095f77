package io.github.flexmedia.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MediaLink;
import java.util.Objects;

/**
 * How the codec makes and reads {@link MediaLink.Unknown} links as JSON trees without a public
 * constructor or accessor that would put a Jackson type into the API: {@code MediaLink.Unknown}
 * installs the one implementation when its class is initialized.
 */
public final class UnknownLinks {
  /** Makes and reads unknown links. */
  public interface Access {
    /**
     * A link over {@code tree}, which the caller must not change afterwards.
     *
     * @param type its {@code type}, or {@code null}
     * @param tree the whole link object
     * @return the link
     */
    MediaLink.Unknown create(String type, ObjectNode tree);

    /**
     * The link's tree, not to be changed.
     *
     * @param link the link
     * @return its tree
     */
    ObjectNode tree(MediaLink.Unknown link);
  }

  private static volatile Access access;

  private UnknownLinks() {}

  /**
   * Called once, by {@code MediaLink.Unknown}'s static initializer.
   *
   * @param implementation the implementation
   */
  public static synchronized void install(Access implementation) {
    if (access != null) {
      throw new IllegalStateException("already installed");
    }
    access = Objects.requireNonNull(implementation, "implementation");
  }

  static Access access() {
    Access a = access;
    if (a == null) {
      try { // initializes MediaLink.Unknown, which installs the implementation
        Class.forName(MediaLink.Unknown.class.getName(), true, UnknownLinks.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = access;
    }
    return a;
  }
}
