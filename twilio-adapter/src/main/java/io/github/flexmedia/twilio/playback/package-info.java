/**
 * Authenticated playback through Flex Insights' {@code url_provider}: {@link
 * io.github.flexmedia.twilio.playback.RecordingUrlProvider} answers the Insights player's request
 * (a GET with {@code Authorization: Basic base64("token:" + <Flex JWE>)}, after a CORS preflight)
 * with {@code {"media_url": "…"}}, once the Flex token is validated by a {@link
 * io.github.flexmedia.twilio.playback.FlexTokenValidator}, the user is allowed by a {@link
 * io.github.flexmedia.twilio.playback.PlaybackAuthorizer} and a {@link
 * io.github.flexmedia.twilio.playback.RecordingResolver} has made a short-lived URL. Every decision
 * goes to a {@link io.github.flexmedia.twilio.playback.PlaybackAudit}. {@link
 * io.github.flexmedia.twilio.playback.RecordingUrlProvider#voiceRecording} writes the {@code
 * url_provider} link.
 *
 * <p>The implementation is in {@code io.github.flexmedia.twilio.internal.playback}, which is not
 * API.
 */
package io.github.flexmedia.twilio.playback;
