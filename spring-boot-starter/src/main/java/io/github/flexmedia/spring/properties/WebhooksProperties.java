package io.github.flexmedia.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code flex-media.webhooks.*}: the endpoints Twilio calls. */
@ConfigurationProperties("flex-media.webhooks")
public class WebhooksProperties {
  /**
   * The scheme, host and port Twilio calls (e.g. https://hooks.example.com) when a proxy or
   * load balancer stands in front; signatures are checked against it. Unset: the URL the server
   * received.
   */
  private String publicUrl;
  /** Attach inside the request, answering 2xx only once the write landed, within this budget. */
  private Duration synchronousBudget;
  /** Recording status callbacks (their URL carries WorkspaceSid and TaskSid). */
  @NestedConfigurationProperty
  private final EndpointProperties recordingCallbacks = new EndpointProperties("/flex-media/recording-callbacks");
  /** TaskRouter event callbacks. */
  @NestedConfigurationProperty
  private final EndpointProperties taskrouterEvents = new EndpointProperties("/flex-media/taskrouter-events");

  /** Creates the group with its defaults. */
  public WebhooksProperties() {}

  /**
   * The URL Twilio calls, before any proxy.
   *
   * @return the public URL, or null to use the one the server received
   */
  public String getPublicUrl() {
    return publicUrl;
  }

  /**
   * Sets the URL Twilio calls, before any proxy.
   *
   * @param publicUrl e.g. {@code https://hooks.example.com}
   */
  public void setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  /**
   * The synchronous mode's budget.
   *
   * @return the budget, or null for the asynchronous mode (the default)
   */
  public Duration getSynchronousBudget() {
    return synchronousBudget;
  }

  /**
   * Attaches inside the request within {@code synchronousBudget} (keep it well under 15 s).
   *
   * @param synchronousBudget the budget, or null for the asynchronous mode
   */
  public void setSynchronousBudget(Duration synchronousBudget) {
    this.synchronousBudget = synchronousBudget;
  }

  /**
   * The recording status callback endpoint.
   *
   * @return {@code flex-media.webhooks.recording-callbacks.*}
   */
  public EndpointProperties getRecordingCallbacks() {
    return recordingCallbacks;
  }

  /**
   * The TaskRouter event callback endpoint.
   *
   * @return {@code flex-media.webhooks.taskrouter-events.*}
   */
  public EndpointProperties getTaskrouterEvents() {
    return taskrouterEvents;
  }
}
