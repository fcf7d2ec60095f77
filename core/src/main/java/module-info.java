/**
 * flex-media core: the typed model of Twilio Flex custom media and its JSON.
 *
 * <p>Only {@code io.github.flexmedia} is API. The {@code internal} package holds helpers that know
 * nothing of the API (redaction, frame-ancestors evaluation); it is not exported. The JSON mapping
 * of links is package-private in the API package, which is opened to Jackson for it.
 */
module io.github.flexmedia.core {
  requires transitive com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires java.net.http; // EmbeddingCheck: no HTTP dependency of our own

  exports io.github.flexmedia;

  opens io.github.flexmedia to com.fasterxml.jackson.databind;
}
