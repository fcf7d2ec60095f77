package io.github.flexmedia.spring.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * One INFO line at startup naming each flex-media endpoint switched on and its path, so that the
 * URL to give Twilio (or to find missing) is in the log, not only in the configuration.
 */
public final class EndpointsLog implements SmartInitializingSingleton {
  /** The logger's name, to turn it down with {@code logging.level}. */
  public static final String LOGGER = "io.github.flexmedia.spring.endpoints";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final ObjectProvider<ServletRegistrationBean<?>> registrations;

  /**
   * Creates the line's writer.
   *
   * @param registrations the servlet registrations; flex-media's are told by their names
   */
  public EndpointsLog(ObjectProvider<ServletRegistrationBean<?>> registrations) {
    this.registrations = registrations;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> on = registrations.orderedStream()
        .filter(r -> r.getServletName().startsWith("flexMedia"))
        .map(r -> r.getServletName() + " on " + String.join(",", r.getUrlMappings()))
        .collect(Collectors.toList());
    if (on.isEmpty()) {
      LOG.info("flex-media endpoints: none switched on (flex-media.webhooks.recording-callbacks.enabled, "
          + "flex-media.webhooks.taskrouter-events.enabled, flex-media.playback.url-provider.enabled)");
    } else {
      LOG.info("flex-media endpoints: {}", String.join("; ", on));
    }
  }
}
