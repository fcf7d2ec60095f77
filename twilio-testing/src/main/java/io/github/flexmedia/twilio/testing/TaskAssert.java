package io.github.flexmedia.twilio.testing;

import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on the media a task carries, for users' own tests: "my service attached
 * these links".
 *
 * <pre>{@code
 * import static io.github.flexmedia.twilio.testing.TaskAssert.assertThatTask;
 *
 * assertThatTask(router, workspaceSid, taskSid)
 *     .hasTaskMedia(MediaLink.referenced("https://support.example.com/tickets/42", "Ticket 42"))
 *     .hasNoReservationMedia();
 * }</pre>
 *
 * <p>Needs {@code org.assertj:assertj-core} on the test class path; the adapter declares it
 * optional, so nobody else pays for it. Failure messages print links redacted (scheme, host and a
 * fingerprint), as everywhere in flex-media.
 */
public final class TaskAssert extends AbstractAssert<TaskAssert, TaskSnapshot> {

  private TaskAssert(TaskSnapshot actual) {
    super(actual, TaskAssert.class);
  }

  /**
   * Assertions on a task as {@code router} holds it now.
   *
   * @param router the in-memory router (or the one behind a {@link LocalTaskRouterServer})
   * @param workspaceSid the workspace
   * @param taskSid the task
   * @return the assertions; they fail at once if there is no such task
   */
  public static TaskAssert assertThatTask(InMemoryTaskRouter router, String workspaceSid, String taskSid) {
    Objects.requireNonNull(router, "router");
    TaskSnapshot task = router.task(workspaceSid, taskSid).orElse(null);
    if (task == null) {
      throw new AssertionError("Expected task " + taskSid + " in workspace " + workspaceSid
          + " to exist, but the router holds no such task");
    }
    return new TaskAssert(task);
  }

  /**
   * Assertions on a task snapshot (for example an {@code AttachResult.task()}).
   *
   * @param task the snapshot
   * @return the assertions
   */
  public static TaskAssert assertThatTask(TaskSnapshot task) {
    return new TaskAssert(task);
  }

  private MediaAttributes media() {
    isNotNull();
    try {
      return MediaAttributes.fromTaskAttributes(actual.attributesJson());
    } catch (MalformedAttributesException e) {
      failWithMessage("Expected task %s to have readable media, but %s", actual.taskSid(), e.getMessage());
      throw new AssertionError("unreachable");
    }
  }

  /**
   * The task-level list is exactly these links, in this order.
   *
   * @param expected the links
   * @return this
   */
  public TaskAssert hasTaskMedia(MediaLink... expected) {
    List<MediaLink> actualLinks = media().taskMedia();
    if (!actualLinks.equals(Arrays.asList(expected))) {
      failWithMessage("Expected task %s to have task media%n  %s%nbut it had%n  %s",
          actual.taskSid(), Arrays.asList(expected), actualLinks);
    }
    return this;
  }

  /**
   * The task-level list contains these links (in any order, among others).
   *
   * @param expected the links
   * @return this
   */
  public TaskAssert hasTaskMediaContaining(MediaLink... expected) {
    List<MediaLink> actualLinks = media().taskMedia();
    for (MediaLink link : expected) {
      if (!actualLinks.contains(link)) {
        failWithMessage("Expected task %s's task media to contain%n  %s%nbut it had%n  %s",
            actual.taskSid(), link, actualLinks);
      }
    }
    return this;
  }

  /**
   * The list of reservation {@code reservationSid} is exactly these links, in this order.
   *
   * @param reservationSid the reservation ({@code WR...})
   * @param expected the links
   * @return this
   */
  public TaskAssert hasReservationMedia(String reservationSid, MediaLink... expected) {
    List<MediaLink> actualLinks = media().reservationMedia().get(reservationSid);
    if (!Arrays.asList(expected).equals(actualLinks)) {
      failWithMessage("Expected task %s to have media for reservation %s%n  %s%nbut it had%n  %s",
          actual.taskSid(), reservationSid, Arrays.asList(expected),
          actualLinks == null ? "no list for that reservation" : actualLinks);
    }
    return this;
  }

  /**
   * No reservation has a media list.
   *
   * @return this
   */
  public TaskAssert hasNoReservationMedia() {
    MediaAttributes media = media();
    if (!media.reservationMedia().isEmpty()) {
      failWithMessage("Expected task %s to have no reservation media, but it had lists for %s",
          actual.taskSid(), media.reservationMedia().keySet());
    }
    return this;
  }

  /**
   * No media at all: no task-level list and no reservation list.
   *
   * @return this
   */
  public TaskAssert hasNoMedia() {
    MediaAttributes media = media();
    if (!media.isEmpty()) {
      failWithMessage("Expected task %s to have no media, but it had %s", actual.taskSid(), media);
    }
    return this;
  }

  /**
   * The task's media equal {@code expected}, both levels.
   *
   * @param expected the media
   * @return this
   */
  public TaskAssert hasMedia(MediaAttributes expected) {
    MediaAttributes media = media();
    if (!media.equals(expected)) {
      failWithMessage("Expected task %s to have media%n  %s%nbut it had%n  %s",
          actual.taskSid(), expected, media);
    }
    return this;
  }
}
