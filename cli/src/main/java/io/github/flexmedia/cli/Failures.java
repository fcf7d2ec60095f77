package io.github.flexmedia.cli;

import io.github.flexmedia.FlexMediaException;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one line on stderr and an exit code. The line is built from
 * the library's own messages, which never hold a URL's path or query, a title or a credential;
 * {@code --verbose} adds the types of the exception and its causes: never a message from below
 * the library, never a stack trace with request data.
 */
final class Failures implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    int code;
    if (e instanceof UsageException || e instanceof ConfigurationException) {
      err.println("flex-media: " + e.getMessage());
      code = FlexMediaCli.USAGE;
    } else if (e instanceof InvalidMediaException invalid) {
      err.println("flex-media: invalid link: " + invalid.getMessage());
      code = FlexMediaCli.INVALID;
    } else if (e instanceof TaskRouterException failure) {
      err.println("flex-media: " + describe(failure));
      code = FlexMediaCli.FAILURE;
    } else if (e instanceof FlexMediaException other) {
      err.println("flex-media: " + other.getMessage());
      code = FlexMediaCli.INVALID;
    } else {
      err.println("flex-media: failed (" + e.getClass().getSimpleName()
          + "); --verbose shows the exception types");
      code = FlexMediaCli.FAILURE;
    }
    if (verbose(parsed)) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        err.println("  caused by " + t.getClass().getName());
      }
    }
    err.flush();
    return code;
  }

  private static String describe(TaskRouterException e) {
    if (e.statusCode() == 401 || e.statusCode() == 403) {
      return "TaskRouter refused the credentials (HTTP " + e.statusCode() + "): check "
          + "TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET";
    }
    if (e instanceof TaskNotFoundException) {
      return "no such task in that workspace (Twilio deletes a task about 2 minutes after it "
          + "completes)";
    }
    return e.getMessage();
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
