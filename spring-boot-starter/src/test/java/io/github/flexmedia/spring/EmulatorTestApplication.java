package io.github.flexmedia.spring;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.playback.RecordingResolver;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application as a user writes one: the starter's beans from properties (see
 * application-e2e.properties), the TaskRouter emulator standing in for Twilio, and a controller
 * whose JSON goes through Spring MVC's Jackson while flex-media uses its own.
 */
@SpringBootApplication
class EmulatorTestApplication {

  @Bean(destroyMethod = "close")
  LocalTaskRouterServer taskRouterEmulator() {
    return Sids.taskRouter();
  }

  @Bean(destroyMethod = "close")
  FlexTokenEmulator tokenEmulator() {
    return Sids.flexTokens();
  }

  /** Twilio's hosts, each to its emulator: iam.twilio.com validates tokens, the rest is TaskRouter. */
  @Bean
  TwilioHttpClientCustomizer toTheEmulators(LocalTaskRouterServer taskRouter, FlexTokenEmulator iam) {
    return builder -> iam.route(builder, taskRouter);
  }

  /** The application's storage: signed, short-lived URLs for the recordings it knows. */
  @Bean
  RecordingResolver recordings() {
    return (recordingId, user) -> recordingId.startsWith("RE")
        ? Optional.of("https://media.example.com/" + recordingId + ".wav?expires=300&sig=abc")
        : Optional.empty();
  }

  /** A CRM link on the task when an agent wraps up. */
  @Bean
  TaskRouterEventMedia wrapupLinks() {
    return event -> event.eventType().equals("reservation.wrapup")
        ? Optional.of(MediaAttributes.builder().media(MediaLink.referenced(
            "https://crm.example.com/cases/" + event.taskSid(), "CRM case")).build())
        : Optional.empty();
  }

  /** What the controller takes and gives back, bound by the web layer's JSON mapper. */
  record TicketRequest(String workspaceSid, String url, String title) {}

  /** The answer. */
  record TicketResponse(String taskSid, int attempts, boolean changed) {}

  @RestController
  static class TicketController {
    private final MediaAttacher attacher;

    TicketController(MediaAttacher attacher) {
      this.attacher = attacher;
    }

    @PostMapping("/tasks/{taskSid}/tickets")
    TicketResponse attach(@PathVariable String taskSid, @RequestBody TicketRequest ticket) {
      AttachResult result = attacher.attach(ticket.workspaceSid(), taskSid, MediaAttributes.builder()
          .media(MediaLink.referenced(ticket.url(), ticket.title())).build());
      return new TicketResponse(result.task().taskSid(), result.attempts(), result.changed());
    }
  }
}
