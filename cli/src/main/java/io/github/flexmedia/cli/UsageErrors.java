package io.github.flexmedia.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage error without repeating what was typed: an argument may be part of a URL or a
 * title split by the shell ({@code --title Jane Doe} leaves {@code Doe} unmatched), so the message
 * names the option or the position, never the value. Picocli's own messages for missing options
 * and exclusive groups name labels only and are kept.
 */
final class UsageErrors implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("flex-media: " + describe(e, args));
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        err.println("Did you mean: " + String.join(", ", suggestions) + "?");
      }
    }
    cli.usage(err);
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  static String describe(ParameterException e, String[] args) {
    if (e instanceof MissingParameterException || e instanceof MutuallyExclusiveArgsException
        || e instanceof Ours) {
      return e.getMessage();
    }
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      int position = List.of(args).indexOf(unmatched.getUnmatched().get(0));
      return "unknown command or extra argument" + (position < 0 ? "" : " at position " + (position + 1))
          + " (its value is not shown: quote a title or URL that has spaces)";
    }
    if (e.getArgSpec() != null && e.getArgSpec().isOption()) {
      return "invalid value for " + ((CommandLine.Model.OptionSpec) e.getArgSpec()).longestName()
          + " (the value is not shown)";
    }
    return "invalid arguments (values are not shown); see the usage below";
  }

  /** A usage error raised by flex-media itself, whose message holds no value. */
  static final class Ours extends ParameterException {
    private static final long serialVersionUID = 1L;

    Ours(CommandLine cli, String message) {
      super(cli, message);
    }
  }
}
