package io.github.flexmedia.twilio;

/**
 * Hears about each task of {@link MediaAttacher#attachAll} as it finishes. Calls are made one at a
 * time (never concurrently), from the worker threads, so an implementation need not be
 * thread-safe but should return quickly. An exception it throws is logged and does not stop the
 * batch; no call is made after {@code attachAll} has returned.
 */
@FunctionalInterface
public interface BulkProgressListener {
  /** Ignores progress. */
  BulkProgressListener NONE = (outcome, done, total) -> {};

  /**
   * One task finished.
   *
   * @param outcome what happened to it
   * @param done how many tasks have finished so far, this one included
   * @param total how many tasks there are
   */
  void onTaskDone(TaskOutcome outcome, int done, int total);
}
