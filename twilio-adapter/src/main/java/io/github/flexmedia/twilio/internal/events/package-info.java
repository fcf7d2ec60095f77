/**
 * The webhooks' and the queue's implementation behind {@link
 * io.github.flexmedia.twilio.events.WebhookHandler}, {@link
 * io.github.flexmedia.twilio.events.JdkWebhookEndpoint} and {@link
 * io.github.flexmedia.twilio.events.AttachQueue}: form-parameter parsing, the read-deadline
 * executor, rate-limited refusal logging and the in-memory store. Not API: these types may change
 * in any release; use {@code io.github.flexmedia.twilio.events}.
 */
package io.github.flexmedia.twilio.internal.events;
