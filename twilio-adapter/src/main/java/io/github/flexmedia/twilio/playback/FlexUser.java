package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.twilio.internal.playback.Redact;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Flex user whose token Twilio found valid: what {@code Tokens/validate} answers.
 *
 * <p>{@link #toString()} hides the identity and the realm user id (often an e-mail address): it
 * shows the worker SID's prefix, the roles and the expiration only.
 *
 * @param identity the Flex identity (never blank)
 * @param realmUserId the user id in the identity provider, or {@code null}
 * @param workerSid the TaskRouter worker ({@code WK…}), or {@code null}
 * @param roles the Flex roles, e.g. {@code admin}, {@code supervisor}, {@code agent}
 * @param expiration when the token expires, or {@code null} when Twilio did not say (such a
 *     result is never cached)
 * @param flexInstanceSid the Flex instance ({@code GO…}), or {@code null}
 */
public record FlexUser(String identity, String realmUserId, String workerSid, List<String> roles,
    Instant expiration, String flexInstanceSid) {

  /**
   * Checks the identity and copies the roles.
   *
   * @param identity the Flex identity, not blank
   * @param realmUserId the identity provider's user id, or {@code null}
   * @param workerSid the worker SID, or {@code null}
   * @param roles the Flex roles; {@code null} is none
   * @param expiration when the token expires, or {@code null}
   * @param flexInstanceSid the Flex instance SID, or {@code null}
   */
  public FlexUser {
    Objects.requireNonNull(identity, "identity");
    if (identity.isBlank()) {
      throw new IllegalArgumentException("identity must not be blank");
    }
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /**
   * Whether the user has {@code role}.
   *
   * @param role a Flex role name, compared exactly
   * @return whether the user has it
   */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return "FlexUser[identity=<redacted>, worker=" + Redact.sid(workerSid) + ", roles=" + roles
        + ", expiration=" + expiration + "]";
  }
}
