package io.github.flexmedia.twilio.internal.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.TaskRouterException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coalesced write: the callers' media merged into one document up to exactly the length
 * TaskRouter accepts, and which failures of the joint write send each caller to try alone.
 */
class CoalescedMergeEdgesTest {
  private static final String WT = "WT0123456789abcdef0123456789abcdef";
  private static final MediaAttributes CRM = MediaAttributes.builder()
      .media(MediaLink.referenced("https://crm.example.com/cases/7", "CRM case")).build();
  private static final int MAX = MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH;

  private static String paddedTo(int length) {
    int bare = CRM.mergeInto("{\"pad\":\"\"}", MergeMode.APPEND).length();
    return "{\"pad\":\"" + "x".repeat(length - bare) + "\"}";
  }

  @Test
  void aCallersMediaThatMakeTheDocumentExactlyTheLimitAreMerged() {
    String fits = paddedTo(MAX);
    String over = paddedTo(MAX + 1);

    assertThat(new CoalescedMerge(List.of(CRM), MergeMode.APPEND, WT).apply(fits)).hasSize(MAX);
    assertThat(new CoalescedMerge(List.of(CRM), MergeMode.APPEND, WT).apply(over)).isEqualTo(over);
  }

  private static TaskRouterException of(TaskRouterException.Kind kind) {
    return new TaskRouterException(kind, "joint write failed", 400, 0, null, null);
  }

  @Test
  void onlyARefusalADeadlineOrALocalFailureSendsEachCallerToTryAlone() {
    assertThat(CoalescedMerge.mayBeAboutOneCaller(of(TaskRouterException.Kind.REFUSED))).isTrue();
    assertThat(CoalescedMerge.mayBeAboutOneCaller(of(TaskRouterException.Kind.DEADLINE_PASSED))).isTrue();
    assertThat(CoalescedMerge.mayBeAboutOneCaller(of(TaskRouterException.Kind.LOCAL_FAILURE))).isTrue();
    assertThat(CoalescedMerge.mayBeAboutOneCaller(of(TaskRouterException.Kind.AUTHENTICATION))).isFalse();
    assertThat(CoalescedMerge.mayBeAboutOneCaller(of(TaskRouterException.Kind.TOO_LARGE))).isFalse();
    assertThat(CoalescedMerge.mayBeAboutOneCaller(new IllegalStateException("bug"))).isFalse();
  }
}
