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
  /** Where accepted attaches are kept: memory (one JVM; a crash loses them) or jdbc (PostgreSQL through the application's DataSource, shared by a fleet; needs flex-media-jdbc). */
  private Store store = Store.MEMORY;
  /** How long a claim on a task's attaches lasts before another instance may take them over. */
  private Duration lease = Duration.ofSeconds(60);
  /** {@code flex-media.queue.jdbc.*}. */
  private final Jdbc jdbc = new Jdbc();

  /** Where the queue keeps accepted attaches. */
  public enum Store {
    /** One JVM's memory, bounded by {@code flex-media.queue.capacity}: a crash loses what it holds. */
    MEMORY,
    /** PostgreSQL through the application's {@code DataSource}, shared by every instance. */
    JDBC
  }

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

  /**
   * Where accepted attaches are kept.
   *
   * @return the store ({@link Store#MEMORY} by default)
   */
  public Store getStore() {
    return store;
  }

  /**
   * Sets where accepted attaches are kept.
   *
   * @param store {@code memory} or {@code jdbc}
   */
  public void setStore(Store store) {
    this.store = store;
  }

  /**
   * How long a claim lasts.
   *
   * @return the lease (60 seconds by default)
   */
  public Duration getLease() {
    return lease;
  }

  /**
   * Sets how long a claim lasts.
   *
   * @param lease at least one second
   */
  public void setLease(Duration lease) {
    this.lease = lease;
  }

  /**
   * The PostgreSQL store's settings, used when {@code store=jdbc}.
   *
   * @return {@code flex-media.queue.jdbc.*}
   */
  public Jdbc getJdbc() {
    return jdbc;
  }

  /** {@code flex-media.queue.jdbc.*}: the PostgreSQL store, when {@code flex-media.queue.store=jdbc}. */
  public static class Jdbc {
    /** Create the store's tables at startup if they are missing (else run the shipped migration with Flyway or Liquibase). */
    private boolean migrate;
    /** How long attaches that ended attached, unchanged or expired stay in the table (failed ones stay until removed). */
    private Duration retention = Duration.ofDays(1);
    /** How often the queue looks in the table for work it was not told about: other instances' offers, expired leases, retries come due. */
    private Duration pollInterval = Duration.ofSeconds(1);

    /** Creates the group with its defaults. */
    public Jdbc() {}

    /**
     * Whether the tables are created at startup.
     *
     * @return whether to migrate (false by default)
     */
    public boolean isMigrate() {
      return migrate;
    }

    /**
     * Sets whether the tables are created at startup.
     *
     * @param migrate whether to migrate
     */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }

    /**
     * How long finished attaches stay in the table.
     *
     * @return the retention (a day by default)
     */
    public Duration getRetention() {
      return retention;
    }

    /**
     * Sets how long finished attaches stay in the table.
     *
     * @param retention zero or more
     */
    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    /**
     * How often the table is polled.
     *
     * @return the interval (1 second by default)
     */
    public Duration getPollInterval() {
      return pollInterval;
    }

    /**
     * Sets how often the table is polled.
     *
     * @param pollInterval positive
     */
    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }
  }
}
