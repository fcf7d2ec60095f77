package io.github.flexmedia.examples;

/** One runnable example: it does one thing with the public API and says what it did. */
public interface Scenario {
  /** A one-line name, printed before the scenario runs. */
  String title();

  /** Runs against the context's TaskRouter and returns the task it produced. */
  ScenarioResult run(ExampleContext ctx);
}
