package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.playback.PlaybackRequest;
import io.github.flexmedia.twilio.playback.RecordingResolver;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** One INFO line at startup says which endpoints are on, and where. */
@ExtendWith(OutputCaptureExtension.class)
class EndpointsLogTest {
  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FlexMediaAutoConfiguration.class,
          FlexMediaEndpointsAutoConfiguration.class))
      .withBean(RecordingResolver.class, () -> (id, user) -> Optional.empty())
      .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
          "flex-media.twilio.auth-token=" + TOKEN);

  private static List<String> lines(CapturedOutput output) {
    return output.getAll().lines().filter(l -> l.contains("flex-media endpoints:"))
        .collect(Collectors.toList());
  }

  @Test
  void theLineNamesEachEndpointOnAndItsConfiguredPath(CapturedOutput output) {
    web.withPropertyValues("flex-media.webhooks.recording-callbacks.enabled=true",
            "flex-media.webhooks.recording-callbacks.path=/twilio/recordings",
            "flex-media.playback.url-provider.enabled=true")
        .run(context -> assertThat(context).hasNotFailed());

    assertThat(lines(output)).singleElement().satisfies(line -> assertThat(line)
        .contains("INFO", "flexMediaRecordingCallbacks on /twilio/recordings",
            "flexMediaUrlProvider on /flex-media/url-provider")
        .doesNotContain("flexMediaTaskRouterEvents"));
  }

  @Test
  void withNoEndpointOnTheLineSaysHowToSwitchOneOn(CapturedOutput output) {
    web.run(context -> assertThat(context).hasNotFailed());

    assertThat(lines(output)).singleElement().satisfies(line -> assertThat(line)
        .contains("none switched on", "flex-media.webhooks.recording-callbacks.enabled"));
  }

  @Test
  void eachPlaybackDecisionIsLoggedAndTheApplicationsAuditStillHearsIt() {
    List<io.github.flexmedia.twilio.playback.PlaybackEvent> heard = new java.util.ArrayList<>();
    List<String> logged = playbackLog(() ->
        web.withBean(io.github.flexmedia.twilio.playback.PlaybackAudit.class, () -> heard::add)
            .run(context -> context.getBean(RecordingUrlProvider.class)
                .handle(PlaybackRequest.of("GET", "recording=RE" + "1".repeat(32), Map.of()))));

    assertThat(logged).singleElement().asString().startsWith("playback NO_CREDENTIALS 401 user=-");
    assertThat(heard).hasSize(1);
  }

  @Test
  void playbackDecisionsAreNotLoggedWhenSwitchedOff() {
    List<io.github.flexmedia.twilio.playback.PlaybackEvent> heard = new java.util.ArrayList<>();
    List<String> logged = playbackLog(() ->
        web.withPropertyValues("flex-media.logging.playback-decisions=false")
            .withBean(io.github.flexmedia.twilio.playback.PlaybackAudit.class, () -> heard::add)
            .run(context -> context.getBean(RecordingUrlProvider.class)
                .handle(PlaybackRequest.of("GET", "recording=RE" + "1".repeat(32), Map.of()))));

    assertThat(logged).isEmpty();
    assertThat(heard).hasSize(1);
  }

  /** The messages {@code run} logs on the playback audit's logger (java.util.logging here). */
  private static List<String> playbackLog(Runnable run) {
    List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(
        io.github.flexmedia.twilio.playback.PlaybackAudit.LOGGER);
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        messages.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      run.run();
    } finally {
      logger.removeHandler(handler);
    }
    return messages;
  }

  @Test
  void thePropertyTurnsTheLineOff(CapturedOutput output) {
    web.withPropertyValues("flex-media.playback.url-provider.enabled=true",
            "flex-media.logging.endpoints=false")
        .run(context -> assertThat(context).hasNotFailed());

    assertThat(lines(output)).isEmpty();
  }
}
