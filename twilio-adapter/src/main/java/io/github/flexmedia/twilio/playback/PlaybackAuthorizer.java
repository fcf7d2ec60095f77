package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.internal.playback.InsightsRoles;
import java.util.Set;

/**
 * Decides whether a validated Flex user may hear a recording. Called only for a valid token and a
 * well-formed recording id, before the recording is looked up (so a refused user cannot learn
 * whether it exists).
 *
 * <p>The default, {@link #insights()}, admits exactly the users Flex Insights itself would let
 * play the call; {@link #anyRole} is for teams with a rule of their own.
 */
@FunctionalInterface
public interface PlaybackAuthorizer {
  /**
   * Whether {@code user} may play {@code recordingId}.
   *
   * @param user the validated user
   * @param recordingId the recording asked for, already checked against the provider's pattern
   * @return {@code true} to go on, {@code false} for a 403
   */
  boolean mayPlay(FlexUser user, String recordingId);

  /**
   * Admits users with at least one of {@code roles}.
   *
   * @param roles Flex role names, compared exactly
   * @return the authorizer
   */
  static PlaybackAuthorizer anyRole(String... roles) {
    Set<String> allowed = Set.of(roles);
    if (allowed.isEmpty()) {
      throw new ConfigurationException("roles", "must name at least one role");
    }
    return (user, recordingId) -> user.roles().stream().anyMatch(allowed::contains);
  }

  /**
   * Flex Insights' own rule for "Play Calls" (Twilio, "Flex Insights User Roles"): the user has
   * {@code admin} or {@code supervisor} (Insights cannot be opened with {@code agent} alone), and
   * either no {@code wfo.*} role at all (which means {@code wfo.full_access}) or at least one
   * {@code wfo.*} role that may play calls — every documented one except {@code
   * wfo.quality_process_manager}. An Insights role the table does not know grants nothing.
   *
   * @return the authorizer
   */
  static PlaybackAuthorizer insights() {
    return (user, recordingId) -> InsightsRoles.mayPlayCalls(user.roles());
  }

  /**
   * The default: {@link #insights()}.
   *
   * @return the default authorizer
   * @deprecated since 0.3.0: a second name for {@link #insights()}; use that
   */
  @Deprecated(since = "0.3.0")
  static PlaybackAuthorizer defaults() {
    return insights();
  }
}
