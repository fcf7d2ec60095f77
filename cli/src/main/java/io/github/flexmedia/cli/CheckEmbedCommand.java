package io.github.flexmedia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.EmbeddingCheck;
import io.github.flexmedia.EmbeddingVerdict;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check-embed URL…}: can Flex frame these pages? Asks each site for its headers. */
@Command(name = "check-embed", mixinStandardHelpOptions = true,
    description = {"Asks each page for its headers (X-Frame-Options, CSP frame-ancestors) and says"
        + " whether Flex can show it as an Embedded link. Pages are named by their origin only."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every page can be framed by Flex",
        "1:a page cannot be framed, or a URL breaks a rule", "2:usage error",
        "3:a page could not be checked (network failure, error status, timeout, a redirect refused)"})
final class CheckEmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "1..*", description = "the pages to check")
  List<String> urls;

  @Option(names = "--flex-origin", paramLabel = "URL",
      description = "where your Flex runs (default: ${DEFAULT-VALUE})")
  URI flexOrigin = EmbeddingCheck.FLEX_ORIGIN;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "per request, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration timeout = Duration.ofSeconds(5);

  @Option(names = "--allow-http", description = "also check plain-http pages (never for production)")
  boolean allowHttp;

  @Mixin JsonOption output;

  @Override
  public Integer call() {
    MediaPolicy.Builder policy = MediaPolicy.builder();
    if (allowHttp) {
      policy.allowInsecureHttp();
    }
    EmbeddingCheck check = EmbeddingCheck.builder().policy(policy.build()).flexOrigin(flexOrigin)
        .timeout(timeout).build();
    PrintWriter out = spec.commandLine().getOut();
    ArrayNode results = Output.JSON.createArrayNode();
    int exit = FlexMediaCli.VALID;
    for (int i = 0; i < urls.size(); i++) {
      String label = (i + 1) + "";
      EmbeddingVerdict verdict;
      String origin;
      try {
        MediaLink.Embedded page = new MediaLink.Embedded(URI.create(urls.get(i)), "check-embed");
        origin = page.url().getScheme() + "://" + page.url().getHost()
            + (page.url().getPort() == -1 ? "" : ":" + page.url().getPort());
        verdict = check.check(page);
      } catch (IllegalArgumentException e) {
        String rule = e instanceof InvalidMediaException invalid ? invalid.rule() : "not a URL";
        exit = Math.max(exit, FlexMediaCli.INVALID);
        if (output.json) {
          results.addObject().put("position", i + 1).put("outcome", "INVALID").put("rule", rule);
        } else {
          out.println(label + " INVALID the URL breaks a rule: " + rule);
        }
        continue;
      }
      exit = Math.max(exit, exitCode(verdict));
      if (output.json) {
        ObjectNode node = results.addObject().put("position", i + 1).put("origin", origin)
            .put("outcome", verdict.outcome().name()).put("reason", verdict.reason().name())
            .put("detail", verdict.detail()).put("advice", verdict.advice())
            .put("status", verdict.status()).put("redirects", verdict.redirects());
        node.put("embeddable", verdict.embeddable());
      } else {
        out.println(label + " " + origin + " " + verdict.outcome() + " " + verdict.reason() + ": "
            + verdict.detail() + (verdict.advice().isEmpty() ? "" : " — " + verdict.advice()));
      }
    }
    if (output.json) {
      ObjectNode node = Output.object();
      node.set("pages", results);
      Output.print(out, node);
    }
    return exit;
  }

  /** A link the policy refuses breaks a rule (1); only a page that could not be asked is a failure (3). */
  static int exitCode(EmbeddingVerdict verdict) {
    return switch (verdict.outcome()) {
      case EMBEDDABLE -> FlexMediaCli.VALID;
      case NOT_EMBEDDABLE -> FlexMediaCli.INVALID;
      case UNKNOWN -> verdict.reason() == EmbeddingVerdict.Reason.POLICY_REFUSED
          ? FlexMediaCli.INVALID : FlexMediaCli.FAILURE;
    };
  }
}
