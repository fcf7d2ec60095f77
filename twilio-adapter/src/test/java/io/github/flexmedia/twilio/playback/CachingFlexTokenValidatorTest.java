package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.playback.CachingFlexTokenValidator;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cache: hits and misses counted, bounded, never past a token's expiry. */
@Timeout(60)
class CachingFlexTokenValidatorTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final List<String> asked = new ArrayList<>();

  /** The public factory, which makes the (internal) caching validator whose counters we read. */
  private static CachingFlexTokenValidator cached(
      FlexTokenValidator delegate, int maxEntries, Duration maxAge, java.time.Clock clock) {
    return (CachingFlexTokenValidator) FlexTokenValidator.cached(delegate, maxEntries, maxAge, clock);
  }

  private FlexTokenValidator fake(Map<String, Instant> expirations) {
    return token -> {
      asked.add(token);
      if (!expirations.containsKey(token)) {
        throw new InvalidFlexTokenException(20101);
      }
      return new FlexUser("user-" + token, null, null, List.of("admin"), expirations.get(token), null);
    };
  }

  @Test
  void aValidResultIsServedFromTheCacheUntilMaxAge() {
    CachingFlexTokenValidator cache = cached(
        fake(Map.of("a", NOW.plus(Duration.ofHours(1)))), 10, Duration.ofMinutes(1), clock);

    assertThat(cache.validate("a").identity()).isEqualTo("user-a");
    clock.advance(Duration.ofSeconds(59));
    assertThat(cache.validate("a").identity()).isEqualTo("user-a");
    clock.advance(Duration.ofSeconds(1));
    cache.validate("a");

    assertThat(asked).containsExactly("a", "a");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void aResultIsNeverUsedAtOrPastTheTokensExpiration() {
    CachingFlexTokenValidator cache = cached(
        fake(Map.of("a", NOW.plus(Duration.ofSeconds(10)))), 10, Duration.ofHours(1), clock);
    cache.validate("a");
    clock.advance(Duration.ofSeconds(9));
    cache.validate("a");
    clock.advance(Duration.ofSeconds(1));
    cache.validate("a");

    assertThat(asked).containsExactly("a", "a");
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void anExpiredTokenInTheCacheGoesBackToTwilioAndIsRefused() {
    try (FlexTokenEmulator twilio = FlexTokenEmulator.start(
        FlexTokenEmulator.DEFAULT_ACCOUNT_SID, FlexTokenEmulator.DEFAULT_AUTH_TOKEN, clock)) {
      CachingFlexTokenValidator cache = cached(
          FlexTokenValidator.twilio(twilio.restClient()), 100, Duration.ofHours(1), clock);
      String token = twilio.issue(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, "ana", Duration.ofMinutes(2), "admin");

      cache.validate(token);
      cache.validate(token);
      clock.advance(Duration.ofMinutes(2));

      assertThatThrownBy(() -> cache.validate(token))
          .isInstanceOfSatisfying(InvalidFlexTokenException.class, e -> assertThat(e.code()).isEqualTo(20104));
      assertThat(twilio.requestCount()).isEqualTo(2);
      assertThat(cache.hits()).isEqualTo(1);
      assertThat(cache.misses()).isEqualTo(2);
      assertThat(cache.size()).isZero();
    }
  }

  @Test
  void refusalsAreCachedBrieflyAndResultsWithoutExpirationNotAtAll() {
    java.util.HashMap<String, Instant> exp = new java.util.HashMap<>();
    exp.put("noexp", null);
    CachingFlexTokenValidator cache = cached(fake(exp), 10, Duration.ofHours(1), clock);

    assertThatThrownBy(() -> cache.validate("bad")).isInstanceOf(InvalidFlexTokenException.class);
    assertThatThrownBy(() -> cache.validate("bad")).isInstanceOf(InvalidFlexTokenException.class);
    clock.advance(CachingFlexTokenValidator.REFUSAL_MAX_AGE.minusSeconds(1));
    assertThatThrownBy(() -> cache.validate("bad")).isInstanceOf(InvalidFlexTokenException.class);
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> cache.validate("bad")).as("asked again once the refusal is 30 s old")
        .isInstanceOf(InvalidFlexTokenException.class);
    cache.validate("noexp");
    cache.validate("noexp");

    assertThat(asked).containsExactly("bad", "bad", "noexp", "noexp");
    assertThat(cache.hits()).isEqualTo(2);
    assertThat(cache.size()).isZero();
    cache.clear();
    assertThatThrownBy(() -> cache.validate("bad")).isInstanceOf(InvalidFlexTokenException.class);
    assertThat(asked).hasSize(5);
  }

  @Test
  void aRefusalIsKeptNoLongerThanMaxAge() {
    CachingFlexTokenValidator cache = cached(fake(new java.util.HashMap<>()), 10, Duration.ofSeconds(5), clock);
    assertThatThrownBy(() -> cache.validate("bad")).isInstanceOf(InvalidFlexTokenException.class);
    clock.advance(Duration.ofSeconds(4));
    assertThatThrownBy(() -> cache.validate("bad")).isInstanceOf(InvalidFlexTokenException.class);
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> cache.validate("bad")).isInstanceOf(InvalidFlexTokenException.class);
    assertThat(asked).containsExactly("bad", "bad");
  }

  @Test
  void theLeastRecentlyUsedLeaveFirstWhenFull() {
    Instant later = NOW.plus(Duration.ofHours(1));
    CachingFlexTokenValidator cache = cached(
        fake(Map.of("a", later, "b", later, "c", later)), 2, Duration.ofHours(1), clock);
    cache.validate("a");
    cache.validate("b");
    cache.validate("a");
    cache.validate("c");
    asked.clear();

    cache.validate("a");
    cache.validate("b");

    assertThat(asked).containsExactly("b");
    assertThat(cache.size()).isEqualTo(2);
    cache.clear();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aFailureToCheckIsPassedOnWithItsKindAndNeverKept() {
    List<Integer> statuses = new ArrayList<>(List.of(503, 0));
    CachingFlexTokenValidator cache = cached(token -> {
      asked.add(token);
      int status = statuses.remove(0);
      throw status == 0 ? new TaskRouterException("no answer", 0, 0, null)
          : new TaskRouterException("down", status, 0, null);
    }, 10, Duration.ofMinutes(1), clock);

    assertThatThrownBy(() -> cache.validate("a")).isInstanceOfSatisfying(TaskRouterException.class,
        e -> {
          assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.SERVER_ERROR);
          assertThat(e.statusCode()).isEqualTo(503);
        });
    assertThatThrownBy(() -> cache.validate("a")).isInstanceOfSatisfying(TaskRouterException.class,
        e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.NO_RESPONSE));
    assertThat(asked).as("a failure to check is not remembered").containsExactly("a", "a");
  }

  @Test
  void aRefusalIsBadInputNamingTheToken() {
    CachingFlexTokenValidator cache = cached(fake(Map.of()), 1, Duration.ofMinutes(1), clock);

    assertThatThrownBy(() -> cache.validate("bad"))
        .isInstanceOfSatisfying(io.github.flexmedia.FlexMediaException.class,
            e -> assertThat(e.where()).isEqualTo("token"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankTokensAndBadLimitsAreHandled() {
    CachingFlexTokenValidator cache = cached(fake(Map.of()), 1, Duration.ofMinutes(1), clock);
    assertThatThrownBy(() -> cache.validate("")).isInstanceOf(InvalidFlexTokenException.class);
    assertThatThrownBy(() -> FlexTokenValidator.cached(cache, 0, Duration.ofMinutes(1), clock))
        .hasMessage("maxEntries must be at least 1");
    assertThatThrownBy(() -> FlexTokenValidator.cached(cache, 1, Duration.ZERO, clock))
        .hasMessage("maxAge must be positive");
    assertThat(cache.toString()).startsWith("CachingFlexTokenValidator[size=0, max=1, maxAge=PT1M, hits=0, misses=");
  }
}
