/**
 * flex-media core: the typed model of Twilio Flex custom media and its JSON.
 *
 * <p>Only {@code io.github.flexmedia} is API. The {@code internal} package holds the implementation
 * (validation, the JSON codec and document merge, lint, redaction, frame-ancestors evaluation);
 * it is not exported, only opened to Jackson, which instantiates the links' serializers there.
 */
module io.github.flexmedia.core {
  requires transitive com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires java.net.http; // EmbeddingCheck: no HTTP dependency of our own

  exports io.github.flexmedia;

  opens io.github.flexmedia to com.fasterxml.jackson.databind;
  opens io.github.flexmedia.internal to com.fasterxml.jackson.databind;
}
