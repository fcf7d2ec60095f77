package io.github.flexmedia.twilio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one logger and its children write (System.Logger goes to java.util.logging here), at
 * FINE and up, until closed: the tests' one way to read the adapter's log.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    this.previous = logger.getLevel();
    setLevel(Level.ALL);
    logger.setLevel(Level.FINE);
    logger.addHandler(this);
  }

  /** Captures the logger named after {@code type}. */
  public static LogCapture of(Class<?> type) {
    return of(type.getName());
  }

  /** Captures the logger {@code name} and its children. */
  public static LogCapture of(String name) {
    return new LogCapture(Logger.getLogger(name));
  }

  /** The records so far, oldest first. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records so far as {@code LEVEL message}. */
  public List<String> lines() {
    return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previous);
  }
}
