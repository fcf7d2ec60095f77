package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * How the {@link io.github.flexmedia.twilio.events.AttachQueue} hands its deadline to a {@link
 * MediaAttacher} as an explicit argument, without a public overload that would put {@link
 * Deadline} into the API, and how tests give an attacher a {@link Sleeper}: {@code MediaAttacher}
 * installs the one implementation when its class is initialized.
 */
public final class AttacherAccess {
  /** An attach with a deadline. */
  @FunctionalInterface
  public interface Attach {
    /**
     * Attaches as {@link MediaAttacher#attach(String, String, MediaAttributes)} does, starting no
     * call and no wait that would end at or after {@code deadline}.
     *
     * @param attacher the attacher
     * @param workspaceSid the workspace
     * @param taskSid the task
     * @param media the media
     * @param deadline when to stop
     * @return what was done
     */
    AttachResult attach(MediaAttacher attacher, String workspaceSid, String taskSid,
        MediaAttributes media, Deadline deadline);
  }

  private static volatile Attach installed;
  private static volatile BiConsumer<MediaAttacher.Builder, Sleeper> sleeperSetter;

  private AttacherAccess() {}

  /**
   * Called once, by {@code MediaAttacher}'s static initializer.
   *
   * @param attach the implementation
   * @param sleeper sets a builder's sleeper
   */
  public static synchronized void install(
      Attach attach, BiConsumer<MediaAttacher.Builder, Sleeper> sleeper) {
    if (installed != null) {
      throw new IllegalStateException("already installed");
    }
    installed = Objects.requireNonNull(attach, "attach");
    sleeperSetter = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Makes the attacher {@code builder} builds wait with {@code sleeper} between attempts (for
   * attach and create): the tests' virtual time. Not API; users shorten waits with a {@link
   * io.github.flexmedia.twilio.RetryPolicy}.
   *
   * @param builder the builder
   * @param sleeper how to wait
   * @return {@code builder}
   */
  public static MediaAttacher.Builder sleeper(MediaAttacher.Builder builder, Sleeper sleeper) {
    // Holding a builder means MediaAttacher's class was initialized, so the setter is there.
    sleeperSetter.accept(Objects.requireNonNull(builder, "builder"),
        Objects.requireNonNull(sleeper, "sleeper"));
    return builder;
  }

  /**
   * Attaches with a deadline; see {@link Attach#attach}.
   *
   * @param attacher the attacher
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @param media the media
   * @param deadline when to stop
   * @return what was done
   */
  public static AttachResult attach(MediaAttacher attacher, String workspaceSid, String taskSid,
      MediaAttributes media, Deadline deadline) {
    // Holding a MediaAttacher means its class was initialized, so the implementation is there.
    return installed.attach(Objects.requireNonNull(attacher, "attacher"), workspaceSid, taskSid,
        media, deadline);
  }
}
