package io.github.flexmedia.spring;

import io.github.flexmedia.spring.internal.EndpointsLog;
import io.github.flexmedia.spring.internal.Instrumentation;
import io.github.flexmedia.spring.internal.PlaybackServlet;
import io.github.flexmedia.spring.internal.Settings;
import io.github.flexmedia.spring.internal.WebhookServlet;
import io.github.flexmedia.spring.properties.EndpointProperties;
import io.github.flexmedia.spring.properties.PlaybackProperties;
import io.github.flexmedia.spring.properties.WebhooksProperties;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.WebhookHandler;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import jakarta.servlet.http.HttpServlet;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP endpoints, each off by default and switched on by its property, in a servlet web
 * application. Each is a plain servlet registered on its own path that hands the request to the
 * library's framework-neutral handler and writes its answer back unchanged; Spring MVC is not
 * involved, so the handler sees the raw body that Twilio signed and sets every header itself.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>switched on by</th><th>default path</th><th>handler</th></tr>
 *   <tr><td>{@code flex-media.webhooks.recording-callbacks.enabled}</td>
 *       <td>{@code /flex-media/recording-callbacks}</td>
 *       <td>{@link WebhookHandler} with the {@link RecordingCallbackMedia} bean</td></tr>
 *   <tr><td>{@code flex-media.webhooks.taskrouter-events.enabled}</td>
 *       <td>{@code /flex-media/taskrouter-events}</td>
 *       <td>{@link WebhookHandler} with the {@link TaskRouterEventMedia} bean</td></tr>
 *   <tr><td>{@code flex-media.playback.url-provider.enabled}</td>
 *       <td>{@code /flex-media/url-provider}</td>
 *       <td>{@link RecordingUrlProvider}</td></tr>
 * </table>
 */
@AutoConfiguration(after = FlexMediaAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "flex-media.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpServlet.class)
@EnableConfigurationProperties({WebhooksProperties.class, PlaybackProperties.class})
public class FlexMediaEndpointsAutoConfiguration {

  /** Created by Spring. */
  public FlexMediaEndpointsAutoConfiguration() {}

  /**
   * Recording status callbacks: signature checked, {@link RecordingCallbackMedia} (the
   * application's, else {@link RecordingCallbackMedia#completedRecordings()}) asked for the media,
   * the attach queued.
   *
   * @param queue the attach queue
   * @param verifier checks signatures
   * @param media the application's mapping, if any
   * @param webhooks {@code flex-media.webhooks.*}
   * @return the servlet registration
   */
  @Bean
  @ConditionalOnBooleanProperty("flex-media.webhooks.recording-callbacks.enabled")
  ServletRegistrationBean<WebhookServlet> flexMediaRecordingCallbacksEndpoint(
      AttachQueue queue, WebhookVerifier verifier, ObjectProvider<RecordingCallbackMedia> media,
      WebhooksProperties webhooks) {
    RecordingCallbackMedia mapping = media.getIfAvailable(RecordingCallbackMedia::completedRecordings);
    return webhook("flexMediaRecordingCallbacks", webhooks.getRecordingCallbacks(),
        "flex-media.webhooks.recording-callbacks.path",
        webhookHandler(queue, verifier, webhooks, b -> b.onRecording(mapping::mediaFor)));
  }

  /**
   * TaskRouter event callbacks: signature checked, the application's {@link TaskRouterEventMedia}
   * asked for the media, the attach queued.
   *
   * @param queue the attach queue
   * @param verifier checks signatures
   * @param media the application's mapping; required
   * @param webhooks {@code flex-media.webhooks.*}
   * @param instrumentation counts the Event Streams events skipped, if metrics are on
   * @return the servlet registration
   * @throws FlexMediaConfigurationException when there is no {@link TaskRouterEventMedia} bean
   */
  @Bean
  @ConditionalOnBooleanProperty("flex-media.webhooks.taskrouter-events.enabled")
  ServletRegistrationBean<WebhookServlet> flexMediaTaskRouterEventsEndpoint(
      AttachQueue queue, WebhookVerifier verifier, ObjectProvider<TaskRouterEventMedia> media,
      WebhooksProperties webhooks, ObjectProvider<Instrumentation> instrumentation) {
    Instrumentation metrics = instrumentation.getIfAvailable(() -> Instrumentation.NONE);
    TaskRouterEventMedia mapping = media.getIfAvailable();
    if (mapping == null) {
      throw new FlexMediaConfigurationException("flex-media.webhooks.taskrouter-events.enabled",
          "is true but the application defines no TaskRouterEventMedia bean",
          "Define a TaskRouterEventMedia bean saying which media an event puts on its task, or "
              + "switch the endpoint off.");
    }
    return webhook("flexMediaTaskRouterEvents", webhooks.getTaskrouterEvents(),
        "flex-media.webhooks.taskrouter-events.path",
        webhookHandler(queue, verifier, webhooks,
            b -> b.onTaskRouterEvent(mapping::mediaFor).onSkippedEvent(metrics::eventSkipped)));
  }

  /**
   * The {@code url_provider} endpoint the Flex Insights player calls.
   *
   * @param provider the provider; made when the application defines a {@code RecordingResolver}
   * @param webhooks {@code flex-media.webhooks.*}
   * @return the servlet registration
   * @throws FlexMediaConfigurationException when there is no provider (no {@code RecordingResolver})
   */
  @Bean
  @ConditionalOnBooleanProperty("flex-media.playback.url-provider.enabled")
  ServletRegistrationBean<PlaybackServlet> flexMediaUrlProviderEndpoint(
      ObjectProvider<RecordingUrlProvider> provider, PlaybackProperties playback) {
    RecordingUrlProvider p = provider.getIfAvailable();
    if (p == null) {
      throw new FlexMediaConfigurationException("flex-media.playback.url-provider.enabled",
          "is true but the application defines no RecordingResolver bean",
          "Define a RecordingResolver bean that turns a recording id into a short-lived signed "
              + "URL, or switch the endpoint off.");
    }
    return registration("flexMediaUrlProvider", new PlaybackServlet(p),
        path("flex-media.playback.url-provider.path", playback.getUrlProvider()));
  }

  /**
   * Logs at startup each endpoint switched on and its path; off with {@code
   * flex-media.logging.endpoints=false}.
   *
   * @param registrations the servlet registrations
   * @return the startup line's writer
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "flex-media.logging.endpoints", matchIfMissing = true)
  EndpointsLog flexMediaEndpointsLog(ObjectProvider<ServletRegistrationBean<?>> registrations) {
    return new EndpointsLog(registrations);
  }

  private static WebhookHandler webhookHandler(AttachQueue queue, WebhookVerifier verifier,
      WebhooksProperties w, Consumer<WebhookHandler.Builder> media) {
    WebhookHandler.Builder builder = WebhookHandler.builder(queue).verifier(verifier);
    if (w.getPublicUrl() != null && !w.getPublicUrl().isBlank()) {
      Settings.check("flex-media.webhooks.public-url", () -> builder.publicUrl(w.getPublicUrl().trim()));
    }
    if (w.getSynchronousBudget() != null) {
      Settings.check("flex-media.webhooks.synchronous-budget",
          () -> builder.synchronous(w.getSynchronousBudget()));
    }
    media.accept(builder);
    return builder.build();
  }

  private static ServletRegistrationBean<WebhookServlet> webhook(String name,
      EndpointProperties endpoint, String pathProperty,
      WebhookHandler handler) {
    return registration(name, new WebhookServlet(handler), path(pathProperty, endpoint));
  }

  private static String path(String property, EndpointProperties endpoint) {
    String path = endpoint.getPath();
    if (path == null || !path.startsWith("/") || path.contains("*") || path.length() < 2) {
      throw new FlexMediaConfigurationException(property,
          "must be an exact path starting with '/', without wildcards",
          "Set it to a path such as /twilio/recordings.");
    }
    return path;
  }

  private static <S extends HttpServlet> ServletRegistrationBean<S> registration(
      String name, S servlet, String path) {
    ServletRegistrationBean<S> registration = new ServletRegistrationBean<>(servlet, path);
    registration.setName(name);
    return registration;
  }

  /**
   * RFC 9457 problem details for flex-media's exceptions thrown from the application's
   * controllers, when Spring MVC is present; off with {@code flex-media.problem-details.enabled=false}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  @ConditionalOnBooleanProperty(name = "flex-media.problem-details.enabled", matchIfMissing = true)
  public static class ProblemDetailsConfiguration {
    /** Created by Spring. */
    public ProblemDetailsConfiguration() {}

    /**
     * The controller advice.
     *
     * @return the advice
     */
    @Bean
    @ConditionalOnMissingBean
    public FlexMediaProblemDetails flexMediaProblemDetails() {
      return new FlexMediaProblemDetails();
    }
  }
}
