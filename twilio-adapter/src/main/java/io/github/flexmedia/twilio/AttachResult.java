package io.github.flexmedia.twilio;

import io.github.flexmedia.MediaWarning;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MediaAttacher#attach} did.
 *
 * @param task the task after the attach (with its new ETag), or as it was when nothing changed
 * @param attempts how many read–merge–write attempts it took (1 without conflicts or retries)
 * @param changed whether a write was made; {@code false} when every link was already there
 * @param warnings the lint of the merged document's media lists — what the supervisor will see,
 *     links other writers left included (see {@link io.github.flexmedia.MediaAttributes#lint()}):
 *     a recording attached behind one already there reports {@code ONLY_FIRST_RECORDING_PLAYS};
 *     never thrown
 */
public record AttachResult(
    TaskSnapshot task, int attempts, boolean changed, List<MediaWarning> warnings) {

  /**
   * Copies the warnings.
   *
   * @param attempts how many attempts were made
   * @param changed whether a write was made
   * @param task the task
   * @param warnings the lint of the merged document's media lists
   */
  public AttachResult {
    Objects.requireNonNull(task, "task");
    warnings = List.copyOf(warnings);
  }
}
