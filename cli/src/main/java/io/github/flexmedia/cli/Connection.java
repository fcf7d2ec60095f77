package io.github.flexmedia.cli;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.net.URI;
import java.util.Locale;
import java.util.function.Function;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;
import picocli.CommandLine.Option;

/**
 * Which task, and how to reach TaskRouter: credentials from the environment only (never from an
 * argument, never printed), or {@code --emulator}, a local TaskRouter holding a demo task.
 * Either way the client is twilio-java's, single-attempt: one HTTP exchange per call.
 */
final class Connection {
  /** The demo task's workspace under {@code --emulator}. */
  static final String DEMO_WORKSPACE = "WS0123456789abcdef0123456789abcdef";
  /** The demo task under {@code --emulator}. */
  static final String DEMO_TASK = "WT0123456789abcdef0123456789abcdef";

  @Option(names = "--workspace", paramLabel = "WS…",
      description = "the workspace SID ('WS' + 32 hex); the demo's under --emulator")
  String workspace;

  @Option(names = "--task", paramLabel = "WT…",
      description = "the task SID ('WT' + 32 hex); the demo's under --emulator")
  String task;

  @Option(names = "--emulator",
      description = "use a local TaskRouter holding a demo task: no account, nothing leaves this machine")
  boolean emulator;

  @Option(names = "--route-to", paramLabel = "http://127.0.0.1:PORT",
      description = "send every TaskRouter request to this loopback address (a LocalTaskRouterServer"
          + " in tests); the credentials still come from the environment")
  URI routeTo;

  /** An open connection; closing it stops the emulator, if one was started. */
  record Open(TaskRouterClient client, String workspaceSid, String taskSid,
      LocalTaskRouterServer emulator) implements AutoCloseable {
    @Override
    public void close() {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  Open open(Function<String, String> env, java.io.PrintWriter err) {
    if (emulator && routeTo != null) {
      throw new UsageException("--emulator and --route-to cannot be used together");
    }
    String ws = sid("--workspace", workspace, emulator ? DEMO_WORKSPACE : null, "WS");
    String wt = sid("--task", task, emulator ? DEMO_TASK : null, "WT");
    if (emulator) {
      LocalTaskRouterServer server = LocalTaskRouterServer.start();
      seed(server.router());
      err.println("emulator: a local TaskRouter on 127.0.0.1:" + server.port()
          + " holding the demo task " + DEMO_TASK + "; nothing leaves this machine");
      return new Open(new TwilioTaskRouterClient(server.restClient()), ws, wt, server);
    }
    var base = TwilioTaskRouterClient.defaultHttpClientBuilder();
    if (routeTo != null) {
      HttpHost local = loopback(routeTo);
      base.setRoutePlanner((target, context) -> new HttpRoute(local));
    }
    return new Open(TwilioTaskRouterClient.fromEnvironment(env, base), ws, wt, null);
  }

  /** Credentials never travel in clear to another machine: only loopback over plain http. */
  private static HttpHost loopback(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!"http".equals(uri.getScheme()) || uri.getPort() == -1
        || !(host.equals("127.0.0.1") || host.equals("localhost"))) {
      throw new UsageException("--route-to must be http://127.0.0.1:PORT or http://localhost:PORT");
    }
    return new HttpHost("http", "127.0.0.1", uri.getPort());
  }

  private static String sid(String option, String value, String demo, String prefix) {
    if (value == null) {
      if (demo == null) {
        throw new UsageException("missing " + option + " (or use --emulator for the demo task)");
      }
      return demo;
    }
    if (!Sid.isValid(value, prefix)) {
      throw new UsageException(option + " must be '" + prefix + "' followed by 32 hex digits");
    }
    return value;
  }

  /** The demo: routing data someone else wrote, a ticket, the call's recording, one segment's own list. */
  static void seed(InMemoryTaskRouter router) {
    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.referenced("https://support.example.com/tickets/4711", "Support ticket"),
            MediaLink.twilioRecording("AC0123456789abcdef0123456789abcdef",
                "RE0123456789abcdef0123456789abcdef").startTimeMillis(1_764_950_400_000L).build())
        .reservationMedia("WR0123456789abcdef0123456789abcdef",
            MediaLink.embedded("https://crm.example.com/contacts/42", "CRM record"))
        .build();
    router.putTask(DEMO_WORKSPACE, DEMO_TASK, media.mergeInto(
        "{\"type\":\"support\",\"priority_tier\":\"gold\",\"customers\":{\"customer_attribute_1\":\"vip\"}}",
        io.github.flexmedia.MergeMode.APPEND), "completed", "voice");
  }
}
