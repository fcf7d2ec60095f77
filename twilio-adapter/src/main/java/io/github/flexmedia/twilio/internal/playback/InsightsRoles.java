package io.github.flexmedia.twilio.internal.playback;

import io.github.flexmedia.twilio.playback.PlaybackAuthorizer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who Flex Insights itself lets play a call recording: the one table {@link
 * PlaybackAuthorizer#insights()} reads. Source: Twilio, "Flex Insights User Roles" (Flex
 * documentation, Flex Insights): Insights cannot be opened with the {@code agent} role, {@code
 * supervisor} or {@code admin} is required; the Insights ({@code wfo.*}) roles decide "Play
 * Calls"; a user with no Insights role has {@code wfo.full_access} by default. Change it here and
 * nowhere else.
 */
public final class InsightsRoles {
  /** Flex roles that can open Flex Insights at all. */
  public static final Set<String> OPEN_INSIGHTS = Set.of("admin", "supervisor");

  /** The prefix of every Flex Insights role. */
  public static final String INSIGHTS_PREFIX = "wfo.";

  /** The role a user without any Insights role has, per the same page. */
  public static final String DEFAULT_INSIGHTS_ROLE = "wfo.full_access";

  /**
   * The "Play Calls" column of the page's permission table. A {@code wfo.*} role not listed here
   * is one Twilio added after this table was written: it grants nothing until it is added.
   */
  public static final Map<String, Boolean> PLAY_CALLS = Map.of(
      "wfo.full_access", true,
      "wfo.team_leader", true,
      "wfo.data_analyst", true,
      "wfo.data_auditor", true,
      "wfo.quality_manager", true,
      "wfo.dashboard_viewer", true,
      "wfo.quality_process_manager", false);

  private InsightsRoles() {}

  /** Whether a user with {@code roles} may play calls in Flex Insights. */
  public static boolean mayPlayCalls(List<String> roles) {
    if (roles.stream().noneMatch(OPEN_INSIGHTS::contains)) {
      return false;
    }
    List<String> insights = roles.stream().filter(r -> r.startsWith(INSIGHTS_PREFIX)).toList();
    if (insights.isEmpty()) {
      return PLAY_CALLS.get(DEFAULT_INSIGHTS_ROLE);
    }
    return insights.stream().anyMatch(r -> PLAY_CALLS.getOrDefault(r, false));
  }
}
