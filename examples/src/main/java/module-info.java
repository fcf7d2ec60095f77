/** The runnable examples, which also prove the published modules work on the module path. */
module io.github.flexmedia.examples {
  requires transitive io.github.flexmedia.core;
  requires io.github.flexmedia.twilio; // an automatic module: see the adapter's pom
  requires com.fasterxml.jackson.databind;
  // LocalTaskRouterServer runs on the JDK's HTTP server; an automatic module cannot require it.
  requires jdk.httpserver;

  exports io.github.flexmedia.examples;
}
