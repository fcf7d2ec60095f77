package io.github.flexmedia.examples;

import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario. By default against {@link LocalTaskRouterServer} on loopback through the
 * real twilio-java client (no account needed); with {@code TWILIO_ACCOUNT_SID}, {@code
 * TWILIO_AUTH_TOKEN}, {@code FLEX_WORKSPACE_SID} and {@code FLEX_WORKFLOW_SID} set, against the
 * real TaskRouter (it creates one task per scenario in that workflow).
 */
public final class Main {
  /** Every scenario, in the README's order. */
  public static final List<Scenario> SCENARIOS = List.of(
      new CreateTaskWithReferencedLink(),
      new RawLink(),
      new EmbeddedLink(),
      new VoiceRecordingWithChannels(),
      new ChatTranscriptLink(),
      new SeveralLinks(),
      new ReservationLevelMedia(),
      new KeepDefaultRecording(),
      new AttachToExistingTask(),
      new ReadMediaBack(),
      new WebhooksToInsights(),
      new AuthenticatedPlayback(),
      new WrapUpInsightsData());

  static final String LOCAL_WORKSPACE = "WS00000000000000000000000000000001";
  static final String LOCAL_WORKFLOW = "WW00000000000000000000000000000001";
  private static final List<String> REAL_VARIABLES =
      List.of("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "FLEX_WORKSPACE_SID", "FLEX_WORKFLOW_SID");

  private Main() {}

  /**
   * Runs all scenarios; exits 0 when all passed, 1 when one failed, 2 on a configuration error.
   * With the argument {@code fleet}, runs {@link Fleet} instead: PostgreSQL, the emulator and three
   * queue instances, one of them killed.
   */
  public static void main(String[] args) throws Exception {
    // The doubles' documented latency switch, set by this program, not by the doubles: read once
    // when the JDK's HTTP server loads; without it every loopback exchange waits about 40 ms.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    if (args.length > 0 && args[0].equals("fleet")) {
      System.exit(Fleet.run(System.out));
    }
    System.exit(run(System.getenv(), System.out));
  }

  /** Runs all scenarios with {@code env} as the environment; returns the exit code. */
  public static int run(Map<String, String> env, PrintStream out) {
    List<String> present = new ArrayList<>();
    for (String name : REAL_VARIABLES) {
      if (env.get(name) != null && !env.get(name).isBlank()) {
        present.add(name);
      }
    }
    if (present.isEmpty()) {
      try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
        out.println("flex-media examples: against the local TaskRouter emulator on 127.0.0.1:"
            + server.port() + " through twilio-java (no credentials needed)");
        return runAll(new ExampleContext(new TwilioTaskRouterClient(server.restClient()),
            LOCAL_WORKSPACE, LOCAL_WORKFLOW, out, previewDir(env)), out);
      }
    }
    List<String> problems = new ArrayList<>();
    for (String name : REAL_VARIABLES) {
      if (!present.contains(name)) {
        problems.add(name + " is not set");
      }
    }
    checkSid(env, "FLEX_WORKSPACE_SID", "WS", problems);
    checkSid(env, "FLEX_WORKFLOW_SID", "WW", problems);
    checkSid(env, "TWILIO_ACCOUNT_SID", "AC", problems);
    if (!problems.isEmpty()) {
      out.println("flex-media examples: to run against the real TaskRouter, set all of "
          + String.join(", ", REAL_VARIABLES) + " (or none of them, for the local emulator):");
      problems.forEach(p -> out.println("  - " + p));
      return 2;
    }
    TaskRouterClient client;
    try {
      client = TwilioTaskRouterClient.fromEnvironment(env::get);
    } catch (ConfigurationException e) {
      out.println("flex-media examples: " + e.getMessage());
      return 2;
    }
    out.println("flex-media examples: against the REAL TaskRouter, workspace "
        + env.get("FLEX_WORKSPACE_SID") + " (creates one task per scenario)");
    return runAll(new ExampleContext(client, env.get("FLEX_WORKSPACE_SID").trim(),
        env.get("FLEX_WORKFLOW_SID").trim(), out, previewDir(env)), out);
  }

  /** {@code FLEX_MEDIA_PREVIEW_DIR}, or {@code target/flex-media-previews} under the working directory. */
  static Path previewDir(Map<String, String> env) {
    String dir = env.get("FLEX_MEDIA_PREVIEW_DIR");
    return Path.of(dir == null || dir.isBlank() ? "target/flex-media-previews" : dir.trim());
  }

  private static void checkSid(Map<String, String> env, String name, String prefix, List<String> problems) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return;
    }
    v = v.trim();
    if (!Sid.isValid(v, prefix)) {
      problems.add(name + " must be '" + prefix + "' followed by 32 hex digits");
    }
  }

  /** Runs the scenarios, printing each; returns the exit code. */
  static int runAll(ExampleContext ctx, PrintStream out) {
    Map<String, String> failures = new LinkedHashMap<>();
    int n = 0;
    for (Scenario s : SCENARIOS) {
      n++;
      out.println();
      out.println("== " + n + ". " + s.title() + " (" + s.getClass().getSimpleName() + ")");
      ctx.beginScenario(String.format("%02d-%s", n, s.getClass().getSimpleName()));
      try {
        s.run(ctx);
      } catch (RuntimeException e) {
        failures.put(s.getClass().getSimpleName(), e.getClass().getSimpleName() + ": " + e.getMessage());
        out.println("  FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    out.println();
    out.println("Summary: " + (SCENARIOS.size() - failures.size()) + " of " + SCENARIOS.size()
        + " scenarios ran" + (failures.isEmpty() ? "" : "; failed: " + String.join(", ", failures.keySet())));
    return failures.isEmpty() ? 0 : 1;
  }
}
