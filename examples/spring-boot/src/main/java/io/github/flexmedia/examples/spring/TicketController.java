package io.github.flexmedia.examples.spring;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.AttachResult;
import io.github.flexmedia.twilio.MediaAttacher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Application code: the CRM tells the service which ticket belongs to a conversation, and the
 * service attaches the ticket page to the task with the auto-configured {@link MediaAttacher}.
 * Its JSON is read and written by Spring MVC (Jackson 3 on Boot 4); flex-media's own JSON work
 * uses Jackson 2 inside the library.
 */
@RestController
class TicketController {
  private final MediaAttacher attacher;
  private final String workspaceSid;
  private final String crmBaseUrl;

  TicketController(MediaAttacher attacher,
      @Value("${example.workspace-sid}") String workspaceSid,
      @Value("${example.crm-base-url}") String crmBaseUrl) {
    this.attacher = attacher;
    this.workspaceSid = workspaceSid;
    this.crmBaseUrl = crmBaseUrl;
  }

  /** The request: which ticket. */
  record Ticket(String ticketId) {}

  /** The answer: what the attach did. */
  record Attached(String taskSid, int attempts, boolean changed, int warnings) {}

  @PostMapping("/tasks/{taskSid}/tickets")
  Attached attach(@PathVariable String taskSid, @RequestBody Ticket ticket) {
    AttachResult result = attacher.attach(workspaceSid, taskSid, MediaAttributes.builder()
        .media(MediaLink.referenced(crmBaseUrl + "/tickets/" + ticket.ticketId(),
            "Ticket " + ticket.ticketId()))
        .build());
    return new Attached(result.task().taskSid(), result.attempts(), result.changed(),
        result.warnings().size());
  }
}
