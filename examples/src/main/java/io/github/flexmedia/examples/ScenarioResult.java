package io.github.flexmedia.examples;

import io.github.flexmedia.MediaWarning;
import java.util.List;

/**
 * What a scenario left behind.
 *
 * @param taskSid the task it wrote
 * @param attributesJson the task's attributes afterwards
 * @param warnings the lint warnings of the media it attached
 */
public record ScenarioResult(String taskSid, String attributesJson, List<MediaWarning> warnings) {
  /** Copies the warnings. */
  public ScenarioResult {
    warnings = List.copyOf(warnings);
  }
}
