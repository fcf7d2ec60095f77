package io.github.flexmedia.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flex-media.queue.*}: the attach queue behind the webhook endpoints. */
@ConfigurationProperties("flex-media.queue")
public class QueueProperties {
  /** Worker threads doing attaches. */
  private int workers = 4;
  /** Unfinished attaches held at most; past it the webhook answers 503 and Twilio retries. */
  private int capacity = 1000;
  /** How long after an event an attach may still start (Flex deletes a task 2 minutes after it ends). */
  private Duration attachWindow = Duration.ofMinutes(2);

  /** Creates the group with its defaults. */
  public QueueProperties() {}

  /**
   * The number of worker threads.
   *
   * @return the workers (4 by default)
   */
  public int getWorkers() {
    return workers;
  }

  /**
   * Sets the number of worker threads.
   *
   * @param workers at least 1
   */
  public void setWorkers(int workers) {
    this.workers = workers;
  }

  /**
   * The most unfinished attaches.
   *
   * @return the capacity (1000 by default)
   */
  public int getCapacity() {
    return capacity;
  }

  /**
   * Sets the most unfinished attaches.
   *
   * @param capacity at least 1
   */
  public void setCapacity(int capacity) {
    this.capacity = capacity;
  }

  /**
   * How long after an event an attach may start.
   *
   * @return the window (2 minutes by default)
   */
  public Duration getAttachWindow() {
    return attachWindow;
  }

  /**
   * Sets how long after an event an attach may start.
   *
   * @param attachWindow positive
   */
  public void setAttachWindow(Duration attachWindow) {
    this.attachWindow = attachWindow;
  }
}
