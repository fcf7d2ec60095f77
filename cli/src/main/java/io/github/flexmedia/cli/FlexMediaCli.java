package io.github.flexmedia.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code flex-media} command line: see, lint and fix a Flex task's custom media without
 * writing code.
 *
 * <pre>{@code
 * java -jar flex-media-cli.jar lint attributes.json          # CODE path message, exit 0/1
 * java -jar flex-media-cli.jar inspect --emulator            # a demo task, no account needed
 * java -jar flex-media-cli.jar inspect --workspace WS… --task WT…   # TWILIO_* from the environment
 * }</pre>
 *
 * <p>Exit codes: {@value #VALID} the document is valid (warnings allowed), {@value #INVALID} it is
 * not (malformed JSON, a link that breaks a rule, too large), {@value #USAGE} a usage error (also
 * a missing file or environment variable), {@value #FAILURE} a Twilio, network or other failure.
 * Nothing the command prints holds a credential; only {@code attach --dry-run} prints a document's
 * values, because showing them is what it is asked for.
 */
@Command(name = "flex-media", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "See, lint and fix the custom media of a Twilio Flex task.",
    subcommands = {LintCommand.class, PreviewCommand.class, InspectCommand.class,
        AttachCommand.class, CheckEmbedCommand.class, AutoComplete.GenerateCompletion.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the document is valid (warnings allowed); the command did what it was asked",
        "1:the document is not valid: malformed JSON, a link that breaks a rule, too large",
        "2:usage error: unknown option, missing argument, file or environment variable",
        "3:Twilio, network or other failure (credentials refused, task not found, timeout)"})
public final class FlexMediaCli implements Runnable {
  /** Exit code: the document is valid (warnings allowed), or the command did what it was asked. */
  public static final int VALID = 0;
  /** Exit code: the document is not valid (malformed, a link that breaks a rule, too large). */
  public static final int INVALID = 1;
  /** Exit code: a usage error, a missing file or a missing environment variable. */
  public static final int USAGE = 2;
  /** Exit code: a Twilio, network or other failure. */
  public static final int FAILURE = 3;

  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "on failure, also the types of the exception and its causes (never a credential)")
  boolean verbose;

  final Function<String, String> env;
  final InputStream stdin;

  private FlexMediaCli(Function<String, String> env, InputStream stdin) {
    this.env = env;
    this.stdin = stdin;
  }

  /**
   * Runs the command line as a process does, and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(System::getenv, System.in, out, err, args));
  }

  /**
   * Runs the command line in this process, with the given environment and streams: what {@link
   * #main} does, minus the exit. For tests and for tools that embed the command line.
   *
   * @param env reads an environment variable by name (credentials come only from here)
   * @param stdin read by {@code lint -} and {@code preview -}
   * @param out where results go
   * @param err where diagnostics go
   * @param args the arguments
   * @return the exit code: {@link #VALID}, {@link #INVALID}, {@link #USAGE} or {@link #FAILURE}
   */
  public static int run(Function<String, String> env, InputStream stdin, PrintWriter out,
      PrintWriter err, String... args) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(stdin, "stdin");
    CommandLine cli = new CommandLine(new FlexMediaCli(env, stdin));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs the command line with the process environment. */
  static int run(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err,
      String... args) {
    return run(env::get, stdin, out, err, args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
