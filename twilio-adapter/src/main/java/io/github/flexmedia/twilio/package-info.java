/**
 * Attaching media to TaskRouter Tasks: {@link io.github.flexmedia.twilio.MediaAttacher} does the
 * read–merge–write with {@code If-Match} and bounded retries over a {@link
 * io.github.flexmedia.twilio.TaskRouterClient}, which {@link
 * io.github.flexmedia.twilio.TwilioTaskRouterClient} implements on twilio-java. Failures are
 * {@link io.github.flexmedia.twilio.TaskRouterException}s; see its table of HTTP statuses.
 */
package io.github.flexmedia.twilio;
