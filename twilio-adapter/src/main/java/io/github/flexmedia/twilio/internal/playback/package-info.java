/**
 * Authenticated playback's implementation behind {@link
 * io.github.flexmedia.twilio.playback.RecordingUrlProvider} and {@link
 * io.github.flexmedia.twilio.playback.FlexTokenValidator}: the token cache, the validation call
 * budget, token shape checks, Flex Insights' roles table, the audit log line and SID redaction.
 * Not API: these types may change in any release; use {@code io.github.flexmedia.twilio.playback}.
 */
package io.github.flexmedia.twilio.internal.playback;
