package io.github.flexmedia.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in this process and keeps what it printed. */
final class Cli {
  private Cli() {}

  /** What one run printed, and its exit code. */
  record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run run(Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FlexMediaCli.run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(Map.of(), "", args);
  }
}
