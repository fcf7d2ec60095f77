package io.github.flexmedia.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lint FILE|-}: Flex's display rules and TaskRouter's limits, offline. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Reads a task's attributes JSON and prints each problem as 'CODE path message'"
        + " (never a value from the document).",
        "Warnings (how Flex will display the media) leave the exit code at 0; malformed JSON, a"
            + " link that breaks a rule, or a document over 4096 characters exit 1."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid (warnings allowed)", "1:not valid", "2:usage error"})
final class LintCommand implements Callable<Integer> {
  @ParentCommand FlexMediaCli root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|-", description = "the attributes JSON; '-' reads standard input")
  String file;

  @Mixin JsonOption output;

  @Option(names = "--hipaa", description = "also HIPAA's preserved-list rules: every attribute a HIPAA"
      + " account's Insights drops, and every field Twilio removes as PII, makes the document invalid")
  boolean hipaa;

  @Override
  public Integer call() {
    DocumentCheck check = DocumentCheck.load(file, root.stdin, hipaa);
    if (output.json) {
      ObjectNode out = Output.object();
      out.put("valid", check.valid());
      out.set("problems", Output.problems(check.problems()));
      Output.print(spec.commandLine().getOut(), out);
    } else {
      Output.lines(spec.commandLine().getOut(), check.problems());
    }
    return check.exitCode();
  }
}
