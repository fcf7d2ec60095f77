package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.AttachOutcome;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A recording callback answered 202 whose attach then fails is not silent: the application, run
 * as users run it (random port, the e2e properties, the emulators), writes exactly one WARN line
 * naming the outcome and the task, and no line carries the callback's URL, the recording's URL
 * or the auth token.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class AttachFailureLogEndToEndTest {
  private static final String RECORDING = "RE" + "9".repeat(32);
  private static final String RECORDING_URL =
      "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING;
  /** Of Twilio's shape, so startup accepts it; the emulator refuses it. */
  private static final String WRONG_TOKEN = "f".repeat(32);

  @Test
  void anUnknownTaskIsOneWarnLineSayingExpired(CapturedOutput output) throws Exception {
    String task = "WT" + "a1".repeat(16);
    List<String> lines = callbackAndCollect(output, task, TOKEN, false);
    assertThat(lines).singleElement().satisfies(line -> assertThat(line)
        .contains("WARN", "outcome=expired", "error=not_found", "task=" + task, "attempts="));
  }

  @Test
  void aRefusedCredentialIsOneWarnLineNamingTheProperties(CapturedOutput output) throws Exception {
    String task = "WT" + "b2".repeat(16);
    List<String> lines = callbackAndCollect(output, task, WRONG_TOKEN, true,
        "--flex-media.twilio.auth-token=" + WRONG_TOKEN);
    assertThat(lines).singleElement().satisfies(line -> assertThat(line)
        .contains("WARN", "outcome=failed", "error=authentication", "task=" + task,
            "flex-media.twilio.auth-token"));
    assertThat(output.getAll()).doesNotContain(WRONG_TOKEN);
  }

  @Test
  void aHostOffTheListIsOneWarnLineNamingThePolicyProperty(CapturedOutput output) throws Exception {
    String task = "WT" + "c3".repeat(16);
    List<String> lines = callbackAndCollect(output, task, TOKEN, true,
        "--flex-media.policy.allowed-hosts=crm.example.com");
    assertThat(lines).singleElement().satisfies(line -> assertThat(line)
        .contains("WARN", "outcome=failed", "task=" + task, "flex-media.policy.allowed-hosts")
        .containsAnyOf("error=policy", "error=invalid"));
  }

  @Test
  void theLineCanBeSwitchedOff(CapturedOutput output) throws Exception {
    String task = "WT" + "d4".repeat(16);
    assertThat(callbackAndCollect(output, task, TOKEN, false,
        "--flex-media.logging.attach-failures=false")).isEmpty();
  }

  /**
   * Starts the application, posts one signed completed-recording callback for {@code task}, waits
   * until the queue has reported the attach's outcome to its listeners, stops the application
   * and returns the attach-failure lines it wrote.
   */
  private static List<String> callbackAndCollect(CapturedOutput output, String task,
      String signingToken, boolean taskExists, String... args) throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = "--server.port=0";
    all[1] = "--server.address=127.0.0.1";
    System.arraycopy(args, 0, all, 2, args.length);
    String callbackUrl;
    // Told of each outcome after the starter's failure log (application listeners come after
    // it): once the task's outcome is here, its line, if any, has been written.
    Queue<AttachOutcome> outcomes = new ConcurrentLinkedQueue<>();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EmulatorTestApplication.class)
        .initializers(context -> context.getBeanFactory()
            .registerSingleton("outcomesSeenByTheTest", (AttachListener) outcomes::add))
        .profiles("e2e").run(all)) {
      LocalTaskRouterServer emulator = app.getBean(LocalTaskRouterServer.class);
      if (taskExists) {
        emulator.router().putTask(WS, task, "{}");
      }
      callbackUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
          + "/flex-media/recording-callbacks?WorkspaceSid=" + WS + "&TaskSid=" + task;
      assertThat(Http.signedForm(callbackUrl, completedRecording(), signingToken).statusCode())
          .isEqualTo(202);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> outcomes.stream().anyMatch(o -> o.taskSid().equals(task)));
    }
    String everything = output.getAll();
    assertThat(everything).doesNotContain(callbackUrl).doesNotContain("TaskSid=" + task)
        .doesNotContain(RECORDING_URL).doesNotContain(TOKEN);
    return failureLines(output, task);
  }

  private static List<String> failureLines(CapturedOutput output, String task) {
    return output.getAll().lines()
        .filter(l -> l.contains("flex-media attach not done") && l.contains(task))
        .collect(Collectors.toList());
  }

  private static Map<String, String> completedRecording() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", ACCOUNT);
    p.put("CallSid", "CA" + "8".repeat(32));
    p.put("RecordingSid", RECORDING);
    p.put("RecordingUrl", RECORDING_URL);
    p.put("RecordingStatus", "completed");
    p.put("RecordingDuration", "42");
    p.put("RecordingChannels", "1");
    return p;
  }
}
