/**
 * The HTTP side of {@link io.github.flexmedia.twilio.TwilioTaskRouterClient}: one exchange per
 * call, response headers, and HTTP status to exception. Not API: these types may change in any
 * release; use {@code TwilioTaskRouterClient}.
 */
package io.github.flexmedia.twilio.internal.http;
