package io.github.flexmedia.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code attach}: one link onto a task, merged with everything else on it, with If-Match. */
@Command(name = "attach", mixinStandardHelpOptions = true,
    description = {"Attaches one link to a task: read, merge (other writers' attributes untouched),"
        + " write with If-Match, retried on conflict.",
        "--dry-run fetches the task and prints the merged document and the If-Match it would send,"
            + " and writes nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:attached, already there, or (--dry-run) the merged document is valid",
        "1:the link breaks a rule, or the merged document would not be valid",
        "2:usage error, or a missing environment variable",
        "3:Twilio or network failure (nothing was written unless it says so)"})
final class AttachCommand implements Callable<Integer> {
  @ParentCommand FlexMediaCli root;
  @Spec CommandSpec spec;
  @Mixin Connection connection;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nThe link (one of):%n")
  LinkOption link;

  @Option(names = "--title", paramLabel = "TITLE",
      description = "the link's title: required for --referenced, --embedded and --raw")
  String title;

  @Option(names = "--reservation", paramLabel = "WR…",
      description = "attach to this reservation's segment instead of the whole conversation")
  String reservation;

  @Option(names = "--replace",
      description = "replace the list instead of appending to it (other lists stay)")
  boolean replace;

  @Option(names = "--dry-run", description = "print the merged document and If-Match; write nothing")
  boolean dryRun;

  @Mixin JsonOption output;

  /** Exactly one kind of link. */
  static final class LinkOption {
    @Option(names = "--referenced", paramLabel = "URL", description = "a link on the Conversation Screen")
    String referenced;

    @Option(names = "--embedded", paramLabel = "URL",
        description = "a page framed on the Conversation Screen (check-embed first)")
    String embedded;

    @Option(names = "--raw", paramLabel = "URL", description = "a URL opened in a new tab")
    String raw;

    @Option(names = "--recording", paramLabel = "URL", description = "a call recording to play")
    String recording;

    @Option(names = "--recording-provider", paramLabel = "URL",
        description = "a recording played through your url_provider endpoint")
    String recordingProvider;

    @Option(names = "--chat-transcript", paramLabel = "CH…", description = "a chat channel's transcript")
    String chatTranscript;
  }

  @Override
  public Integer call() {
    MediaLink built = link();
    MediaAttributes media = reservation == null
        ? MediaAttributes.builder().media(built).build()
        : MediaAttributes.builder().reservationMedia(reservation, built).build();
    MergeMode mode = replace ? MergeMode.REPLACE : MergeMode.APPEND;
    PrintWriter out = spec.commandLine().getOut();
    try (Connection.Open open = connection.open(root.env, spec.commandLine().getErr())) {
      if (dryRun) {
        TaskSnapshot task = open.client().fetchTask(open.workspaceSid(), open.taskSid());
        String merged = media.mergeInto(task.attributesJson(), mode);
        DocumentCheck check = DocumentCheck.of(merged);
        if (output.json) {
          ObjectNode node = Output.object().put("dry_run", true).put("if_match", task.etag())
              .put("attributes", merged).put("valid", check.valid());
          node.set("problems", Output.problems(check.problems()));
          Output.print(out, node);
        } else {
          out.println("If-Match: " + task.etag());
          out.println(merged);
          Output.lines(out, check.problems());
        }
        return check.exitCode();
      }
      AttachResult result = MediaAttacher.builder(open.client()).mergeMode(mode).build()
          .attach(open.workspaceSid(), open.taskSid(), media);
      DocumentCheck check = DocumentCheck.of(result.task().attributesJson());
      if (output.json) {
        ObjectNode node = Output.object().put("changed", result.changed())
            .put("attempts", result.attempts()).put("etag", result.task().etag());
        node.set("problems", Output.problems(check.problems()));
        Output.print(out, node);
      } else {
        out.println((result.changed() ? "attached" : "already there, nothing written")
            + " (" + result.attempts() + (result.attempts() == 1 ? " attempt" : " attempts") + ")");
        Output.lines(out, check.problems());
      }
      return FlexMediaCli.VALID;
    }
  }

  private MediaLink link() {
    if (link.chatTranscript != null) {
      return MediaLink.chatTranscript(link.chatTranscript);
    }
    if (link.recording != null || link.recordingProvider != null) {
      MediaLink.VoiceRecording.Builder b = link.recording != null
          ? MediaLink.voiceRecording(link.recording)
          : MediaLink.voiceRecordingViaProvider(link.recordingProvider);
      if (title != null) {
        b.title(title);
      }
      return b.build();
    }
    if (title == null) {
      throw new UsageException("--title is required for --referenced, --embedded and --raw");
    }
    if (link.referenced != null) {
      return MediaLink.referenced(link.referenced, title);
    }
    return link.embedded != null ? MediaLink.embedded(link.embedded, title)
        : MediaLink.raw(link.raw, title);
  }
}
