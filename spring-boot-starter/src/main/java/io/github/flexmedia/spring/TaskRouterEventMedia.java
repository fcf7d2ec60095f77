package io.github.flexmedia.spring;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.twilio.events.TaskRouterEvent;
import java.util.Optional;

/**
 * Which media a TaskRouter event puts on its task, for the {@code
 * flex-media.webhooks.taskrouter-events} endpoint; the application must define one when it
 * switches that endpoint on.
 *
 * <pre>{@code
 * @Bean
 * TaskRouterEventMedia crmLinks(Crm crm) {
 *   return event -> event.eventType().equals("task.created")
 *       ? crm.ticketFor(event.taskSid()).map(t -> MediaAttributes.builder()
 *           .media(MediaLink.referenced(t.url(), "Ticket " + t.id())).build())
 *       : Optional.empty();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface TaskRouterEventMedia {

  /**
   * The media for one event.
   *
   * @param event the verified, parsed event
   * @return the media to attach, or empty for none
   */
  Optional<MediaAttributes> mediaFor(TaskRouterEvent event);
}
