package io.github.flexmedia.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.playback.PlaybackEvent;
import io.github.flexmedia.twilio.playback.PlaybackEvent.Decision;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 12 end to end: the link on the task, the player's three requests, the audit log. */
@Timeout(60)
class AuthenticatedPlaybackTest {
  @Test
  void aSupervisorHearsTheRecordingAnAgentIsRefusedAndEveryDecisionIsAudited(@TempDir Path previews) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    AuthenticatedPlayback scenario = new AuthenticatedPlayback();
    ScenarioResult result;
    try (LocalTaskRouterServer server = LocalTaskRouterServer.start()) {
      ExampleContext ctx = new ExampleContext(new TwilioTaskRouterClient(server.restClient()),
          Main.LOCAL_WORKSPACE, Main.LOCAL_WORKFLOW, new PrintStream(printed, true, StandardCharsets.UTF_8), previews);
      result = scenario.run(ctx);
      assertThat(server.router().attributes(Main.LOCAL_WORKSPACE, result.taskSid())).isEqualTo(result.attributesJson());
    }

    MediaLink.VoiceRecording link = (MediaLink.VoiceRecording)
        MediaAttributes.fromTaskAttributes(result.attributesJson()).taskMedia().get(0);
    assertThat(link.url()).isNull();
    assertThat(link.urlProvider()).isEqualTo(
        URI.create(AuthenticatedPlayback.PROVIDER + "?recording=" + AuthenticatedPlayback.RECORDING));

    assertThat(scenario.audit).extracting(PlaybackEvent::decision).containsExactly(
        Decision.PREFLIGHT_ALLOWED, Decision.GRANTED, Decision.PREFLIGHT_ALLOWED, Decision.FORBIDDEN);
    assertThat(scenario.audit.get(1).identity()).isEqualTo("sam.supervisor@example.com");
    assertThat(scenario.audit.get(1).workerSid()).isEqualTo(FlexTokenEmulator.workerSid("sam.supervisor@example.com"));
    assertThat(scenario.audit.get(1).recordingId()).isEqualTo(AuthenticatedPlayback.RECORDING);
    assertThat(scenario.audit.get(3).identity()).isEqualTo("al.agent@example.com");
    assertThat(scenario.served).isEqualTo(1);
    assertThat(scenario.refused).isEqualTo(1);

    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("supervisor: preflight 204 (allow-origin https://flex.twilio.com), GET 200")
        .contains("supervisor: media_url 200, 4044 bytes of audio/wav (RIFF)")
        .contains("agent: preflight 204 (allow-origin https://flex.twilio.com), GET 403")
        .contains("a media_url with its expiry pushed out: 403")
        .contains("GRANTED (200) recording=" + AuthenticatedPlayback.RECORDING + " who=sam.supervisor@example.com")
        .contains("FORBIDDEN (403) recording=" + AuthenticatedPlayback.RECORDING + " who=al.agent@example.com")
        .contains("roles=[agent]")
        .doesNotContain("eyJ");
  }
}
