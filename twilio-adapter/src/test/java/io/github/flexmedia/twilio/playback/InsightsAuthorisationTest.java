package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.internal.playback.InsightsRoles;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default authorizer against Twilio's "Flex Insights User Roles" page: who Insights itself lets
 * play a call, end to end through the provider and the emulator.
 */
@Timeout(60)
class InsightsAuthorisationTest {
  static final String RE = "RE0123456789abcdef0123456789abcdef";

  private static int status(FlexTokenEmulator twilio, RecordingUrlProvider provider, String... roles) {
    String token = twilio.issue("user@example.com", roles);
    return provider.handle(PlaybackRequest.of("GET", "recording=" + RE, Map.of(
        "Origin", List.of("https://flex.twilio.com"),
        "Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(
            ("token:" + token).getBytes(StandardCharsets.UTF_8)))))).status();
  }

  @Test
  void theRoleMatrix() {
    try (FlexTokenEmulator twilio = FlexTokenEmulator.start()) {
      RecordingUrlProvider provider = RecordingUrlProvider.builder(twilio.validatorBuilder().maxCallsPerSecond(100).build(),
          (id, user) -> Optional.of("https://storage.example.com/" + id)).audit(PlaybackAudit.NONE).build();
      Object[][] matrix = {
          {403, new String[] {"agent"}},
          {403, new String[] {"agent", "wfo.full_access"}},
          {403, new String[] {"wfo.full_access"}},
          {403, new String[] {"supervisor", "wfo.quality_process_manager"}},
          {403, new String[] {"admin", "wfo.quality_process_manager"}},
          {403, new String[] {"supervisor", "wfo.some_future_role"}},
          {403, new String[] {}},
          {200, new String[] {"supervisor"}},
          {200, new String[] {"admin"}},
          {200, new String[] {"supervisor", "wfo.team_leader"}},
          {200, new String[] {"supervisor", "wfo.quality_process_manager", "wfo.team_leader"}},
          {200, new String[] {"agent", "supervisor", "wfo.dashboard_viewer"}},
          {200, new String[] {"admin", "wfo.data_analyst"}},
          {200, new String[] {"admin", "wfo.data_auditor"}},
          {200, new String[] {"admin", "wfo.quality_manager"}},
          {200, new String[] {"admin", "wfo.full_access"}},
      };
      for (Object[] row : matrix) {
        String[] roles = (String[]) row[1];
        assertThat(status(twilio, provider, roles)).as(String.join(",", roles)).isEqualTo(row[0]);
      }
      assertThat(twilio.requestCount()).isEqualTo(matrix.length);
    }
  }

  @Test
  void theTableIsTwiliosPlayCallsColumn() {
    assertThat(InsightsRoles.OPEN_INSIGHTS).containsExactlyInAnyOrder("admin", "supervisor");
    assertThat(InsightsRoles.PLAY_CALLS).containsOnly(
        Map.entry("wfo.full_access", true), Map.entry("wfo.team_leader", true),
        Map.entry("wfo.data_analyst", true), Map.entry("wfo.data_auditor", true),
        Map.entry("wfo.quality_manager", true), Map.entry("wfo.dashboard_viewer", true),
        Map.entry("wfo.quality_process_manager", false));
    FlexUser user = new FlexUser("u", null, null, List.of("supervisor"), null, null);
    assertThat(PlaybackAuthorizer.defaults().mayPlay(user, RE)).isTrue();
    assertThat(PlaybackAuthorizer.insights().mayPlay(
        new FlexUser("u", null, null, List.of("agent"), null, null), RE)).isFalse();
  }

  @Test
  void anyRoleStaysForTeamsWithTheirOwnRule() {
    PlaybackAuthorizer own = PlaybackAuthorizer.anyRole("agent");
    assertThat(own.mayPlay(new FlexUser("u", null, null, List.of("agent"), null, null), RE)).isTrue();
    assertThat(own.mayPlay(new FlexUser("u", null, null, List.of("supervisor"), null, null), RE)).isFalse();
    assertThatThrownBy(PlaybackAuthorizer::anyRole).hasMessageContaining("roles");
  }
}
