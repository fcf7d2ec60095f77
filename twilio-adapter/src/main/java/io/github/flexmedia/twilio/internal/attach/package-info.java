/**
 * The attach pipeline behind {@link io.github.flexmedia.twilio.MediaAttacher}: the
 * read–merge–write loop, the create loop, per-task coalescing and bulk attaches. Not API: these
 * types may change in any release; use {@code MediaAttacher} and {@code AttachQueue}.
 */
package io.github.flexmedia.twilio.internal.attach;
