package io.github.flexmedia.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Data sources that behave as pools the store must cope with, over real PostgreSQL connections:
 * one that never resets a connection it is handed back, and one that keeps a caller's work
 * uncommitted until the test lets it go (to force an interleaving of two transactions).
 */
final class PoolDoubles {
  private PoolDoubles() {}

  /**
   * One connection, handed out again and again; {@code close()} keeps it open with whatever
   * transaction it holds, as a pool that does not roll back on return would. The next statement
   * prepared whose SQL starts with {@code failNext}'s text (if set) fails once, as a connection
   * reset would (SQL state 08006), before it reaches the database.
   */
  static DataSource neverResets(Connection real, AtomicReference<String> failNext) {
    return dataSource(() -> connection(real, (method, args) -> {
      switch (method.getName()) {
        case "close":
          return null;
        case "prepareStatement":
          String prefix = failNext.get();
          if (prefix != null && ((String) args[0]).startsWith(prefix)
              && failNext.compareAndSet(prefix, null)) {
            throw new SQLException("connection reset", "08006");
          }
          return method.invoke(real, args);
        default:
          return method.invoke(real, args);
      }
    }));
  }

  /**
   * New connections whose work stays in one open transaction (a request for auto-commit is
   * ignored) until {@code close()}: there {@code holding} counts down, and the commit waits for
   * {@code commit} to open. The statements have run and hold their row locks meanwhile.
   */
  static DataSource commitsWhenLetGo(CountDownLatch holding, CountDownLatch commit) {
    return dataSource(() -> {
      Connection real = Postgres.connect();
      real.setAutoCommit(false);
      return connection(real, (method, args) -> {
        switch (method.getName()) {
          case "setAutoCommit":
            return null;
          case "close":
            holding.countDown();
            if (!commit.await(60, TimeUnit.SECONDS)) {
              real.rollback();
              real.close();
              throw new SQLException("the test never let the transaction commit");
            }
            real.commit();
            real.close();
            return null;
          default:
            return method.invoke(real, args);
        }
      });
    });
  }

  /** What a connection double does with a call. */
  @FunctionalInterface
  private interface Calls {
    Object call(Method method, Object[] args) throws Exception;
  }

  @FunctionalInterface
  private interface Opens {
    Connection open() throws SQLException;
  }

  private static Connection connection(Connection real, Calls calls) {
    return (Connection) Proxy.newProxyInstance(PoolDoubles.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler(calls));
  }

  private static DataSource dataSource(Opens opens) {
    return (DataSource) Proxy.newProxyInstance(PoolDoubles.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, handler((method, args) -> {
          if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
            return opens.open();
          }
          throw new UnsupportedOperationException(method.getName());
        }));
  }

  /** Passes on what a call throws as it was thrown, not wrapped by reflection. */
  private static InvocationHandler handler(Calls calls) {
    return (proxy, method, args) -> {
      try {
        return calls.call(method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }
}
