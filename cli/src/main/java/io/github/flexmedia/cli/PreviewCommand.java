package io.github.flexmedia.cli;

import io.github.flexmedia.MediaPreview;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code preview FILE|- --out page.html}: the page a supervisor would see, offline. */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = {"Writes an HTML page showing what a supervisor sees on drill-down in Flex"
        + " Insights: the tabs, the player, which links are unreachable, the lint warnings."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:page written (the document is valid)",
        "1:the document is not valid (the page is written unless it is malformed)",
        "2:usage error"})
final class PreviewCommand implements Callable<Integer> {
  @ParentCommand FlexMediaCli root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|-", description = "the attributes JSON; '-' reads standard input")
  String file;

  @Option(names = "--out", required = true, paramLabel = "PAGE.html",
      description = "where to write the page")
  Path out;

  @Override
  public Integer call() throws IOException {
    DocumentCheck check = DocumentCheck.load(file, root.stdin, false);
    Output.lines(spec.commandLine().getOut(), check.problems());
    if (check.media() != null) {
      write(check, out);
      spec.commandLine().getErr().println("wrote " + out);
    }
    return check.exitCode();
  }

  static void write(DocumentCheck check, Path page) throws IOException {
    MediaPreview.write(check.media(), page);
  }
}
