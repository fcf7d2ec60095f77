package io.github.flexmedia.spring.internal;

import io.github.flexmedia.jdbc.JdbcAttachStore;
import io.github.flexmedia.spring.FlexMediaConfigurationException;
import io.github.flexmedia.spring.properties.QueueProperties;
import io.github.flexmedia.twilio.events.PendingAttachStore;
import javax.sql.DataSource;

/**
 * Builds the {@code flex-media.queue.store=jdbc} store. A class of its own so that the starter
 * loads {@code flex-media-jdbc}'s classes only when that jar is present and the store asked for.
 */
public final class JdbcStores {
  /** The class whose presence switches the jdbc store on. */
  public static final String STORE_CLASS = "io.github.flexmedia.jdbc.JdbcAttachStore";

  private JdbcStores() {}

  /**
   * The PostgreSQL store on the application's {@code DataSource}, its tables created first when
   * {@code flex-media.queue.jdbc.migrate=true}.
   *
   * @param dataSource the application's only (or primary) {@code DataSource}, or null
   * @param jdbc {@code flex-media.queue.jdbc.*}
   * @return the store
   * @throws FlexMediaConfigurationException when there is no {@code DataSource}, or a value is out
   *     of range
   */
  public static PendingAttachStore create(DataSource dataSource, QueueProperties.Jdbc jdbc) {
    if (dataSource == null) {
      throw new FlexMediaConfigurationException("flex-media.queue.store",
          "is jdbc but the application has no single DataSource bean",
          "Add spring-boot-starter-jdbc and spring.datasource.url for your PostgreSQL (13 or later),"
              + " or define one DataSource bean (or mark one @Primary); or set"
              + " flex-media.queue.store=memory.");
    }
    if (jdbc.getPollInterval().isNegative() || jdbc.getPollInterval().isZero()) {
      // a fleet that never polls would not see another instance's offers nor take over a
      // crashed one's claims
      throw new FlexMediaConfigurationException("flex-media.queue.jdbc.poll-interval",
          "must be positive", "Change flex-media.queue.jdbc.poll-interval (1s by default).");
    }
    JdbcAttachStore.Builder builder = JdbcAttachStore.builder(dataSource);
    Settings.check("flex-media.queue.jdbc.retention", () -> builder.retention(jdbc.getRetention()));
    JdbcAttachStore store = builder.build();
    if (jdbc.isMigrate()) {
      store.migrate();
    }
    return store;
  }

  /**
   * The startup failure when {@code flex-media.queue.store=jdbc} and {@code flex-media-jdbc} is
   * not on the class path.
   *
   * @return the exception to throw
   */
  public static FlexMediaConfigurationException missingJar() {
    return new FlexMediaConfigurationException("flex-media.queue.store",
        "is jdbc but flex-media-jdbc is not on the class path",
        "Add the dependency io.github.flexmedia:flex-media-jdbc (its version from flex-media-bom),"
            + " or set flex-media.queue.store=memory.");
  }
}
