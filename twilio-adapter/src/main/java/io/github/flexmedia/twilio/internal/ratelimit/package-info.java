/**
 * The shared request-rate limiter behind {@link io.github.flexmedia.twilio.RateLimiter}: pacing,
 * slow start, AIMD on the rate and the pauses a 429 causes. Not API: may change in any release.
 */
package io.github.flexmedia.twilio.internal.ratelimit;
