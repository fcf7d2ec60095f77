package check;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MergeMode;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;

/** Uses core, the adapter and the test doubles from the installed jars, on the Jackson the BOM chose. */
public final class Consumer {
  private Consumer() {}

  public static void main(String[] args) {
    String ws = "WS0123456789abcdef0123456789abcdef";
    String wt = "WT0123456789abcdef0123456789abcdef";
    InMemoryTaskRouter router = new InMemoryTaskRouter();
    router.putTask(ws, wt, "{\"conversations\":{\"media\":[{\"conversation_sid\":\"CH0123456789abcdef0123456789abcdef\"}]}}");
    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/cases/7", "Case 7"))
        .build();
    var result = MediaAttacher.builder(router).mergeMode(MergeMode.APPEND).build().attach(ws, wt, media);
    if (!result.changed() || !result.warnings().isEmpty()) {
      throw new IllegalStateException("unexpected attach result: " + result);
    }
    System.out.println("consumer-check: attached; jackson-core "
        + com.fasterxml.jackson.core.json.PackageVersion.VERSION + ", jackson-databind "
        + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
  }
}
