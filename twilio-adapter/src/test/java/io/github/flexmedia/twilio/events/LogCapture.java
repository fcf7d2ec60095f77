package io.github.flexmedia.twilio.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what one logger writes (System.Logger goes to java.util.logging here), at FINE and up. */
final class LogCapture extends Handler implements AutoCloseable {
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

  static LogCapture of(Class<?> type) {
    return new LogCapture(Logger.getLogger(type.getName()));
  }

  List<String> lines() {
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
