package io.github.flexmedia.twilio.playback;

import com.twilio.http.TwilioRestClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks a Flex token (the JWE the Flex UI holds) and says who it belongs to.
 *
 * <pre>{@code
 * FlexTokenValidator validator = FlexTokenValidator.cached(
 *     FlexTokenValidator.twilio(restClient), 10_000, Duration.ofMinutes(1), Clock.systemUTC());
 * FlexUser user = validator.validate(token);   // or InvalidFlexTokenException / FlexTokenUnavailableException
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
public interface FlexTokenValidator {
  /**
   * Validates {@code token}.
   *
   * @param token the Flex JWE, as sent by the Flex UI
   * @return the user the token belongs to
   * @throws InvalidFlexTokenException when Twilio says the token is not valid
   * @throws FlexTokenUnavailableException when the token could not be checked
   */
  FlexUser validate(String token);

  /**
   * Twilio's token validation ({@code POST https://iam.twilio.com/v1/Accounts/{AC}/Tokens/validate})
   * with {@code restClient}'s account and credentials. twilio-java's retry of 5xx answers is
   * bypassed; Apache HttpClient's automatic retries belong to the HTTP client {@code restClient}
   * was built with: build it with {@code disableAutomaticRetries()} for one exchange per call.
   *
   * @param restClient the client whose account, credentials and HTTP client are used
   * @return the validator
   */
  static FlexTokenValidator twilio(TwilioRestClient restClient) {
    return new TwilioFlexTokenValidator(restClient);
  }

  /**
   * {@code delegate} with a bounded cache of valid results (invalid ones are never cached).
   *
   * @param delegate the validator asked on a miss
   * @param maxEntries how many users are kept at most (least recently used leave first)
   * @param maxAge how long a result is kept at most; never past the token's own expiration
   * @param clock the time used for both limits
   * @return the caching validator
   */
  static CachingFlexTokenValidator cached(
      FlexTokenValidator delegate, int maxEntries, Duration maxAge, Clock clock) {
    return new CachingFlexTokenValidator(delegate, maxEntries, maxAge, clock);
  }
}
