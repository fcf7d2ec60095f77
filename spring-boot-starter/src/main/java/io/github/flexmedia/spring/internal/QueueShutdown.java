package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Shuts the auto-configured {@link AttachQueue} down with the application context. A bean of its
 * own because the queue is lazy: when nothing made it, there is nothing to shut down.
 */
public final class QueueShutdown implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(QueueShutdown.class);

  private final Duration grace;
  private volatile AttachQueue queue;

  /**
   * Waits up to {@code grace} for the queue's work.
   *
   * @param grace how long the queue may finish its work
   */
  public QueueShutdown(Duration grace) {
    this.grace = grace;
  }

  /**
   * The queue to shut down.
   *
   * @param queue the queue
   * @return {@code queue}
   */
  public AttachQueue manage(AttachQueue queue) {
    this.queue = queue;
    return queue;
  }

  @Override
  public void destroy() {
    AttachQueue q = queue;
    if (q == null) {
      return;
    }
    List<PendingAttach> left = q.shutdown(grace);
    if (!left.isEmpty()) {
      // PendingAttach.toString names the task, never the media.
      LOG.warn("flex-media: {} queued attach(es) not finished at shutdown: {}", left.size(), left);
    }
  }
}
