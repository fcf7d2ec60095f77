package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.RecordingChannel;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The webhook endpoints over real HTTP on a random port: signed form POSTs as Twilio sends them,
 * the attach queue writing through twilio-java to the TaskRouter emulator, the meters read back.
 */
@SpringBootTest(classes = EmulatorTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
class WebhooksEndToEndTest {
  private static final String CALL = "CA" + "c".repeat(32);
  private static final String RECORDING = "RE" + "d".repeat(32);
  private static final Duration AT_MOST = Duration.ofSeconds(10);

  @LocalServerPort
  int port;

  @Autowired
  LocalTaskRouterServer emulator;

  @Autowired
  MeterRegistry meters;

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port + pathAndQuery;
  }

  /** A completed recording's callback parameters, as Twilio posts them (a mutable map). */
  static Map<String, String> completedRecording() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", ACCOUNT);
    p.put("CallSid", CALL);
    p.put("RecordingSid", RECORDING);
    p.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING);
    p.put("RecordingStatus", "completed");
    p.put("RecordingDuration", "42");
    p.put("RecordingChannels", "2");
    p.put("RecordingStartTime",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse("2026-11-28T10:15:30Z").atOffset(ZoneOffset.UTC)));
    p.put("RecordingSource", "StartCallRecordingAPI");
    return p;
  }

  private double attached() {
    var counter = meters.find("flex_media.attach").tag("outcome", "attached").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aSignedRecordingCallbackPutsTheRecordingOnItsTask() throws Exception {
    String task = "WT" + "3".repeat(32);
    emulator.router().putTask(WS, task, "{\"type\":\"inbound\"}");
    double before = attached();
    String callbackUrl = url("/flex-media/recording-callbacks?WorkspaceSid=" + WS + "&TaskSid=" + task);

    HttpResponse<String> response = Http.signedForm(callbackUrl, completedRecording(), TOKEN);

    assertThat(response.statusCode()).isEqualTo(202);
    MediaLink expected = MediaLink.twilioRecording(ACCOUNT, RECORDING)
        .startTime(Instant.parse("2026-11-28T10:15:30Z"))
        .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS).build();
    await().atMost(AT_MOST).untilAsserted(() -> assertThat(
        MediaAttributes.fromTaskAttributes(emulator.router().attributes(WS, task)).taskMedia())
        .containsExactly(expected));
    await().atMost(AT_MOST).untilAsserted(() -> assertThat(attached()).isEqualTo(before + 1));
    assertThat(meters.get("flex_media.queue.pending").gauge().value()).isZero();
  }

  @Test
  void aForgedSignatureIsRefusedAndNothingIsWritten() throws Exception {
    String task = "WT" + "4".repeat(32);
    emulator.router().putTask(WS, task, "{}");
    int requests = emulator.requestCount();
    String callbackUrl = url("/flex-media/recording-callbacks?WorkspaceSid=" + WS + "&TaskSid=" + task);

    HttpResponse<String> response = Http.signedForm(callbackUrl, completedRecording(), "not-the-token");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain(RECORDING);
    assertThat(emulator.requestCount()).isEqualTo(requests);
    assertThat(emulator.router().attributes(WS, task)).isEqualTo("{}");
  }

  @Test
  void aTaskRouterEventGetsTheMediaTheApplicationsBeanChooses() throws Exception {
    String task = "WT" + "5".repeat(32);
    emulator.router().putTask(WS, task, "{\"name\":\"Ada\"}");
    Map<String, String> event = new LinkedHashMap<>();
    event.put("EventType", "reservation.wrapup");
    event.put("AccountSid", ACCOUNT);
    event.put("WorkspaceSid", WS);
    event.put("TaskSid", task);
    event.put("ReservationSid", "WR" + "6".repeat(32));
    event.put("ResourceType", "reservation");
    event.put("ResourceSid", "WR" + "6".repeat(32));
    event.put("Timestamp", Long.toString(Instant.now().getEpochSecond()));
    event.put("TaskAttributes", "{\"name\":\"Ada\"}");

    HttpResponse<String> response = Http.signedForm(url("/flex-media/taskrouter-events"), event, TOKEN);

    assertThat(response.statusCode()).isEqualTo(202);
    await().atMost(AT_MOST).untilAsserted(() -> assertThat(
        MediaAttributes.fromTaskAttributes(emulator.router().attributes(WS, task)).taskMedia())
        .containsExactly(MediaLink.referenced("https://crm.example.com/cases/" + task, "CRM case")));
    assertThat(emulator.router().attributes(WS, task)).contains("\"name\":\"Ada\"");
  }

  @Test
  void anEventTheApplicationIgnoresAttachesNothing() throws Exception {
    Map<String, String> event = new LinkedHashMap<>();
    event.put("EventType", "task.created");
    event.put("AccountSid", ACCOUNT);
    event.put("WorkspaceSid", WS);
    event.put("TaskSid", "WT" + "7".repeat(32));
    event.put("Timestamp", Long.toString(Instant.now().getEpochSecond()));
    int requests = emulator.requestCount();

    assertThat(Http.signedForm(url("/flex-media/taskrouter-events"), event, TOKEN).statusCode())
        .isEqualTo(204);
    assertThat(emulator.requestCount()).isEqualTo(requests);
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedBeforeTheHandler() throws Exception {
    byte[] big = new byte[(1 << 20) + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    HttpResponse<String> response = Http.send(Http.request(url("/flex-media/taskrouter-events"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)));

    assertThat(response.statusCode()).isEqualTo(413);
  }
}
