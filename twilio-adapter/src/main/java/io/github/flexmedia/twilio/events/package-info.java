/**
 * From Twilio callbacks to media on the task: {@link
 * io.github.flexmedia.twilio.events.WebhookVerifier} checks {@code X-Twilio-Signature}; {@link
 * io.github.flexmedia.twilio.events.RecordingCallback} and {@link
 * io.github.flexmedia.twilio.events.TaskRouterEvent} read the callbacks; {@link
 * io.github.flexmedia.twilio.events.AttachQueue} attaches in the background before the task is
 * deleted; {@link io.github.flexmedia.twilio.events.WebhookHandler} ties them together for any web
 * framework.
 */
package io.github.flexmedia.twilio.events;
