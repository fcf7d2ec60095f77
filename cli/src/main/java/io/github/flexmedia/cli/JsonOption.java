package io.github.flexmedia.cli;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON object for scripts, with the same codes and paths as the lines. */
final class JsonOption {
  @Option(names = "--json", description = "one JSON object for scripts instead of lines")
  boolean json;
}
