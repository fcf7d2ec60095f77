package io.github.flexmedia.twilio.playback;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.internal.playback.CachingFlexTokenValidator;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks a Flex token (the JWE the Flex UI holds) and says who it belongs to.
 *
 * <pre>{@code
 * FlexTokenValidator validator = FlexTokenValidator.cached(
 *     FlexTokenValidator.twilio(restClient), 10_000, Duration.ofMinutes(1), Clock.systemUTC());
 * FlexUser user = validator.validate(token);   // or InvalidFlexTokenException (401) / TaskRouterException (503)
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
   * @throws InvalidFlexTokenException when the token is not valid (bad input)
   * @throws io.github.flexmedia.twilio.TaskRouterException when the token could not be checked (a
   *     failed call: its {@link io.github.flexmedia.twilio.TaskRouterException#kind() kind} says
   *     why)
   */
  FlexUser validate(String token);

  /**
   * Twilio's token validation ({@code POST https://iam.twilio.com/v1/Accounts/{AC}/Tokens/validate})
   * through {@code restClient}: each call is one {@code restClient.request(...)} with a public
   * twilio-java {@code Request}, so the client's own credentials, region, edge and HTTP client are
   * used, and twilio-java's repetition of 5xx answers with them. Tokens that are not a compact JWE
   * are refused without a call, and at most {@link
   * TwilioFlexTokenValidator#DEFAULT_MAX_CALLS_PER_SECOND} calls go out per second. For explicit
   * credentials, one exchange per call and short timeouts, use {@link
   * TwilioFlexTokenValidator#withAuthToken} or {@link TwilioFlexTokenValidator#withApiKey}.
   *
   * @param restClient the client whose account, credentials and HTTP client are used
   * @return the validator
   */
  static FlexTokenValidator twilio(TwilioRestClient restClient) {
    return TwilioFlexTokenValidator.over(restClient);
  }

  /**
   * {@code delegate} with a bounded cache of valid results, a brief one of refusals, and one call
   * shared by concurrent first uses of a token: a player asks for the same recording several times
   * (seeking, reloading), and each question would otherwise cost a round trip to Twilio.
   *
   * <p>A valid result is used until the earlier of the token's own {@code expiration} and {@code
   * maxAge} after it was fetched, never at or after the expiration; a result without an expiration
   * is not kept. A refusal ({@link InvalidFlexTokenException}) is kept for the shorter of {@code
   * maxAge} and 30 seconds: a refused token does not become valid, and replaying one must not cost
   * a call each time. Failures to check (a {@link io.github.flexmedia.twilio.TaskRouterException}) are never kept. At
   * most {@code maxEntries} valid results and as many refusals are kept, least recently used
   * leaving first; tokens are kept only as SHA-256 digests. Thread-safe.
   *
   * @param delegate the validator asked on a miss
   * @param maxEntries how many users are kept at most (least recently used leave first)
   * @param maxAge how long a result is kept at most; never past the token's own expiration
   * @param clock the time used for both limits
   * @return the caching validator
   * @throws io.github.flexmedia.twilio.ConfigurationException if {@code maxEntries} is below 1 or
   *     {@code maxAge} is not positive
   */
  static FlexTokenValidator cached(
      FlexTokenValidator delegate, int maxEntries, Duration maxAge, Clock clock) {
    return new CachingFlexTokenValidator(delegate, maxEntries, maxAge, clock);
  }
}
