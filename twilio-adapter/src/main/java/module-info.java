/**
 * flex-media's TaskRouter adapter: {@code TaskRouterClient}, its twilio-java implementation,
 * {@code MediaAttacher}, and test doubles in {@code io.github.flexmedia.twilio.testing}.
 *
 * <p>twilio-java ships no module descriptor and no {@code Automatic-Module-Name}; its automatic
 * module name comes from the jar's file name, {@code twilio}.
 */
module io.github.flexmedia.twilio {
  requires transitive io.github.flexmedia.core;
  requires transitive twilio;
  requires com.fasterxml.jackson.databind;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires jdk.httpserver;
  requires static org.assertj.core;

  exports io.github.flexmedia.twilio;
  exports io.github.flexmedia.twilio.testing;
}
