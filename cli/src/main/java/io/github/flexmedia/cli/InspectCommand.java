package io.github.flexmedia.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code inspect}: fetch a live task (one HTTP exchange), lint it, say what a supervisor sees. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Fetches a task (one HTTP exchange), lints its attributes and prints what a"
        + " supervisor will see on drill-down.",
        "Credentials come from the environment only: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN,"
            + " or with TWILIO_API_KEY and TWILIO_API_SECRET. They are never printed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the task's attributes are valid (warnings allowed)",
        "1:they are not valid", "2:usage error, or a missing environment variable",
        "3:Twilio or network failure (credentials refused, no such task, timeout)"})
final class InspectCommand implements Callable<Integer> {
  @ParentCommand FlexMediaCli root;
  @Spec CommandSpec spec;
  @Mixin Connection connection;

  @Option(names = "--preview", paramLabel = "PAGE.html",
      description = "also write the supervisor-view page here")
  Path preview;

  @Mixin JsonOption output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection.Open open = connection.open(root.env, spec.commandLine().getErr())) {
      TaskSnapshot task = open.client().fetchTask(open.workspaceSid(), open.taskSid());
      DocumentCheck check = DocumentCheck.of(
          task.attributesJson() == null ? "{}" : task.attributesJson());
      List<SupervisorView.Segment> view =
          check.media() == null ? List.of() : SupervisorView.of(check.media());
      if (output.json) {
        ObjectNode node = Output.object();
        node.putObject("task")
            .put("workspace", task.workspaceSid())
            .put("sid", task.taskSid())
            .put("assignment_status", task.assignmentStatus())
            .put("task_channel", task.taskChannel());
        node.put("valid", check.valid());
        node.set("problems", Output.problems(check.problems()));
        node.set("supervisor_view", SupervisorView.json(view));
        Output.print(out, node);
      } else {
        out.println("Task " + task.taskSid() + " in " + task.workspaceSid() + " ("
            + orUnknown(task.assignmentStatus()) + ", channel " + orUnknown(task.taskChannel()) + ")");
        Output.lines(out, check.problems());
        SupervisorView.print(out, view);
      }
      if (preview != null && check.media() != null) {
        PreviewCommand.write(check, preview);
        spec.commandLine().getErr().println("wrote " + preview);
      }
      return check.exitCode();
    }
  }

  private static String orUnknown(String s) {
    return s == null ? "unknown" : s;
  }
}
