package io.github.flexmedia.twilio.internal.attach;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.TaskRouterException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The merge of a coalesced batch: each caller's media merged in turn into the document, as if
 * their attaches had run one after another. A caller whose merge fails (its links no longer fit,
 * the document cannot be merged into) is skipped and gets its own exception; the others go on.
 * Applied again on every attempt, so the outcome reflects the document finally written.
 */
final class CoalescedMerge implements UnaryOperator<String> {
  private final List<MediaAttributes> media;
  private final MergeMode mode;
  private final String taskSid;
  private final boolean[] changed;
  private final RuntimeException[] errors;

  CoalescedMerge(List<MediaAttributes> media, MergeMode mode, String taskSid) {
    this.media = media;
    this.mode = mode;
    this.taskSid = taskSid;
    this.changed = new boolean[media.size()];
    this.errors = new RuntimeException[media.size()];
  }

  @Override
  public String apply(String document) {
    String current = document;
    for (int i = 0; i < media.size(); i++) {
      changed[i] = false;
      errors[i] = null;
      try {
        String next = media.get(i).mergeInto(current, mode);
        if (next.length() > MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH) {
          errors[i] = AttachLoop.tooLarge(taskSid, next.length());
          continue;
        }
        changed[i] = !next.equals(current);
        current = next;
      } catch (RuntimeException e) {
        errors[i] = e;
      }
    }
    return current;
  }

  /** Each caller's outcome, given the batch's result. */
  List<Object> outcomes(AttachResult batch) {
    List<Object> out = new ArrayList<>(media.size());
    for (int i = 0; i < media.size(); i++) {
      out.add(errors[i] != null ? errors[i] : new AttachResult(
          batch.task(), batch.attempts(), batch.changed() && changed[i], batch.warnings()));
    }
    return out;
  }

  /**
   * Whether a failure of the joint write may concern one caller rather than the task or the
   * account, so that each caller should try alone: a refusal (a 4xx other than 401, 403, 404,
   * 412 and 429), a deadline (one caller's, not the others'), or a failure in this
   * process.
   */
  static boolean mayBeAboutOneCaller(RuntimeException e) {
    if (!(e instanceof TaskRouterException)) {
      return false;
    }
    TaskRouterException.Kind kind = ((TaskRouterException) e).kind();
    return kind == TaskRouterException.Kind.REFUSED
        || kind == TaskRouterException.Kind.DEADLINE_PASSED
        || kind == TaskRouterException.Kind.LOCAL_FAILURE;
  }
}
