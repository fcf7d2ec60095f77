package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.twilio.ConfigurationException;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a validated Flex user may hear a recording. Called only for a valid token and a
 * well-formed recording id, before the recording is looked up (so a refused user cannot learn
 * whether it exists).
 */
@FunctionalInterface
public interface PlaybackAuthorizer {
  /** The roles {@link #defaults()} admits: {@code admin}, {@code supervisor}, {@code wfo.full_access}. */
  List<String> DEFAULT_ROLES = List.of("admin", "supervisor", "wfo.full_access");

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
   * {@link #anyRole} of {@link #DEFAULT_ROLES}: Flex administrators, supervisors and Insights
   * full-access users; agents are refused.
   *
   * @return the default authorizer
   */
  static PlaybackAuthorizer defaults() {
    return anyRole(DEFAULT_ROLES.toArray(new String[0]));
  }
}
