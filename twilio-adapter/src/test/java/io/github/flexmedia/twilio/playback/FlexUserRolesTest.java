package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FlexUser#hasRole}, the check a custom {@link PlaybackAuthorizer} is written with. */
class FlexUserRolesTest {
  private static FlexUser withRoles(List<String> roles) {
    return new FlexUser("agent@example.com", null, null, roles, null, null);
  }

  @Test
  void aUserHasOnlyTheRolesTheTokenNamed() {
    FlexUser agent = withRoles(List.of("agent"));

    assertThat(agent.hasRole("agent")).isTrue();
    assertThat(agent.hasRole("supervisor")).isFalse();
    assertThat(agent.hasRole("admin")).isFalse();
  }

  @Test
  void rolesAreComparedExactly() {
    FlexUser supervisor = withRoles(List.of("supervisor"));

    assertThat(supervisor.hasRole("Supervisor")).isFalse();
    assertThat(supervisor.hasRole("supervisor ")).isFalse();
  }

  @Test
  void aUserWithoutRolesHasNone() {
    assertThat(withRoles(null).hasRole("agent")).isFalse();
    assertThat(withRoles(List.of()).hasRole("agent")).isFalse();
  }
}
