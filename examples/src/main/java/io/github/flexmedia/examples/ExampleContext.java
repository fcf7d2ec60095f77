package io.github.flexmedia.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.flexmedia.InsightsData;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaPreview;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TaskSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** What every scenario gets: a TaskRouter, an attacher over it, the SIDs and somewhere to print. */
public final class ExampleContext {
  private static final ObjectMapper PRETTY = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final TaskRouterClient client;
  private final MediaAttacher attacher;
  private final String workspaceSid;
  private final String workflowSid;
  private final PrintStream out;
  private final Path previewDir;
  private String scenarioName = "scenario";

  /**
   * Creates the context.
   *
   * @param previewDir where each scenario's {@link MediaPreview} page is written
   */
  public ExampleContext(TaskRouterClient client, String workspaceSid, String workflowSid,
      PrintStream out, Path previewDir) {
    this.client = client;
    this.attacher = MediaAttacher.builder(client).build();
    this.workspaceSid = workspaceSid;
    this.workflowSid = workflowSid;
    this.out = out;
    this.previewDir = previewDir;
  }

  /** Names the preview files of the scenario about to run, e.g. {@code 03-EmbeddedLink}. */
  void beginScenario(String name) {
    this.scenarioName = name;
  }

  /** Where previews are written. */
  public Path previewDir() {
    return previewDir;
  }

  /** The TaskRouter the scenarios use. */
  public TaskRouterClient client() {
    return client;
  }

  /** An attacher with the defaults: APPEND, 5 attempts. */
  public MediaAttacher attacher() {
    return attacher;
  }

  /** The workspace ({@code WS...}). */
  public String workspaceSid() {
    return workspaceSid;
  }

  /** The workflow new tasks are routed by ({@code WW...}). */
  public String workflowSid() {
    return workflowSid;
  }

  /** Where scenarios print. */
  public PrintStream out() {
    return out;
  }

  /** Creates a task without media, as an IVR or a webhook would have. */
  public TaskSnapshot createPlainTask(String attributesJson) {
    return client.createTask(workspaceSid, workflowSid, attributesJson);
  }

  /** The result of an attach, after printing it. */
  public ScenarioResult report(AttachResult result) {
    return report(result.task(), result.warnings());
  }

  /** The result for {@code task}, after printing its attributes and {@code warnings}. */
  public ScenarioResult report(TaskSnapshot task, List<MediaWarning> warnings) {
    out.println("  task " + task.taskSid() + " attributes:");
    out.println(indent(pretty(task.attributesJson())));
    printWarnings(warnings);
    Path preview = previewDir.resolve(scenarioName + ".html");
    try {
      String json = task.attributesJson();
      MediaPreview.write(MediaAttributes.fromTaskAttributes(json)
          .withInsights(InsightsData.fromTaskAttributes(json)), preview);
      out.println("  preview: " + preview.toAbsolutePath().normalize());
    } catch (IOException e) {
      out.println("  preview not written: " + e.getClass().getSimpleName());
    }
    return new ScenarioResult(task.taskSid(), task.attributesJson(), warnings);
  }

  /** Prints lint warnings, or that there are none. */
  public void printWarnings(List<MediaWarning> warnings) {
    if (warnings.isEmpty()) {
      out.println("  lint: no warnings");
    }
    for (MediaWarning w : warnings) {
      out.println("  lint: " + w.code() + " at " + w.path() + ": " + w.message());
    }
  }

  /** Pretty-prints JSON with numbers kept exactly as they are. */
  public static String pretty(String json) {
    try {
      return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(PRETTY.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  private static String indent(String text) {
    return "    " + text.replace("\n", "\n    ");
  }
}
