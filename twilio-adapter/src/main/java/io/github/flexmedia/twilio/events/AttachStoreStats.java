package io.github.flexmedia.twilio.events;

/**
 * A {@link PendingAttachStore}'s counts, for metrics.
 *
 * @param pending attaches waiting for an outcome, claimed or not
 * @param claimed of those, the ones under a live claim
 * @param expiredLeases claims whose lease ran out and that nobody has taken over yet
 * @param failed attaches kept with the outcome {@link AttachOutcome.Status#FAILED} (until removed)
 */
public record AttachStoreStats(long pending, long claimed, long expiredLeases, long failed) {
  /**
   * Checks that no count is negative.
   *
   * @param pending pending attaches
   * @param claimed claimed attaches
   * @param expiredLeases expired claims
   * @param failed failed attaches
   */
  public AttachStoreStats {
    if (pending < 0 || claimed < 0 || expiredLeases < 0 || failed < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
