package io.github.flexmedia.spring.properties;

import io.github.flexmedia.MergeMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code flex-media.attach.*}: how {@code MediaAttacher} merges and retries. */
@ConfigurationProperties("flex-media.attach")
public class AttachProperties {
  /** APPEND keeps existing links and adds new ones; REPLACE replaces the lists named. */
  private MergeMode mergeMode = MergeMode.APPEND;
  /** Read-merge-write attempts per attach, at least 1. */
  private int maxAttempts = 5;
  /** Cap of the first retry's backoff; doubles per retry up to max-backoff. */
  private Duration initialBackoff = Duration.ofMillis(200);
  /** Cap of every retry's backoff. */
  private Duration maxBackoff = Duration.ofSeconds(10);
  /** Longest Retry-After honoured; a longer one ends the attach at once. */
  private Duration maxRetryAfter = Duration.ofSeconds(60);

  /** Creates the group with its defaults. */
  public AttachProperties() {}

  /**
   * The merge mode.
   *
   * @return APPEND (the default) or REPLACE
   */
  public MergeMode getMergeMode() {
    return mergeMode;
  }

  /**
   * Sets the merge mode.
   *
   * @param mergeMode APPEND or REPLACE
   */
  public void setMergeMode(MergeMode mergeMode) {
    this.mergeMode = mergeMode;
  }

  /**
   * The most attempts per attach.
   *
   * @return the most attempts (5 by default)
   */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * Sets the most attempts per attach.
   *
   * @param maxAttempts at least 1
   */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /**
   * The first retry's backoff cap.
   *
   * @return the first backoff cap (200 ms by default)
   */
  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  /**
   * Sets the first retry's backoff cap.
   *
   * @param initialBackoff the first backoff cap
   */
  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  /**
   * The cap of every backoff.
   *
   * @return the backoff cap (10 s by default)
   */
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  /**
   * Sets the cap of every backoff.
   *
   * @param maxBackoff the backoff cap
   */
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /**
   * The longest {@code Retry-After} honoured.
   *
   * @return the longest Retry-After honoured (60 s by default)
   */
  public Duration getMaxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Sets the longest {@code Retry-After} honoured.
   *
   * @param maxRetryAfter the longest wait honoured
   */
  public void setMaxRetryAfter(Duration maxRetryAfter) {
    this.maxRetryAfter = maxRetryAfter;
  }

  @Override
  public String toString() {
    return "Attach[mergeMode=" + mergeMode + ", maxAttempts=" + maxAttempts + "]";
  }
}
