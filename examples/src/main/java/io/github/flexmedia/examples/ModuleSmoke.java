package io.github.flexmedia.examples;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;

/**
 * Run by the build ({@code mvn verify} in {@code examples}) with flex-media and its dependencies
 * on the module path and this class on the class path: core resolves as
 * an explicit module with its internals unexported, the adapter under its {@code
 * Automatic-Module-Name}, the test doubles under theirs, Jackson can still read the records, and an attach through twilio-java
 * works. Exits 1 with the reason otherwise.
 */
public final class ModuleSmoke {
  private ModuleSmoke() {}

  /** Runs the checks. */
  public static void main(String[] args) {
    Module core = MediaLink.class.getModule();
    Module adapter = MediaAttacher.class.getModule();
    check(core.isNamed() && core.getName().equals("io.github.flexmedia.core"), "core is a named module");
    check(adapter.getName().equals("io.github.flexmedia.twilio"),
        "the adapter resolves under its Automatic-Module-Name");
    check(LocalTaskRouterServer.class.getModule().getName().equals("io.github.flexmedia.twilio.testing"),
        "the test doubles resolve as a module of their own, under their Automatic-Module-Name");
    check(!ModuleSmoke.class.getModule().isNamed(), "this program runs from the class path");
    check(!core.isExported("io.github.flexmedia.internal"), "core's internal package is not exported");
    // The adapter is an automatic module (see its pom): it exports every package, internal too.

    String ws = "WS0123456789abcdef0123456789abcdef";
    String wt = "WT0123456789abcdef0123456789abcdef";
    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.referenced("https://support.example.com/tickets/42", "External Ticket"))
        .build();
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      server.router().putTask(ws, wt, "{\"type\":\"inbound\"}");
      AttachResult result = MediaAttacher.builder(new TwilioTaskRouterClient(server.restClient()))
          .build().attach(ws, wt, media);
      check(MediaAttributes.fromTaskAttributes(result.task().attributesJson()).equals(media),
          "an attach through twilio-java writes the media");
    }
    System.out.println("module path: core (explicit module, internals unexported), adapter (automatic module) and twilio-java resolve; attach works");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.out.println("module path check failed: " + what);
      System.exit(1);
    }
  }
}
