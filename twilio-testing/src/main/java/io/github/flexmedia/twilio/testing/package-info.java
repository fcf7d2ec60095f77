/**
 * Test doubles for code that uses flex-media, shipped with the adapter like OkHttp's
 * MockWebServer: {@link io.github.flexmedia.twilio.testing.InMemoryTaskRouter}, a thread-safe
 * {@link io.github.flexmedia.twilio.TaskRouterClient} with real ETag/If-Match semantics and fault
 * injection, and {@link io.github.flexmedia.twilio.testing.LocalTaskRouterServer}, an HTTP server on
 * loopback speaking the part of the TaskRouter REST API flex-media uses, so that the real
 * twilio-java stack can be tested without the internet or credentials.
 */
package io.github.flexmedia.twilio.testing;
