package io.github.flexmedia.internal;

import java.io.Writer;

/**
 * A {@link Writer} over a {@link StringBuilder}: {@code java.io.StringWriter} wraps a synchronized
 * {@code StringBuffer}, which showed in the serialize benchmark.
 */
public final class StringBuilderWriter extends Writer {
  private final StringBuilder sb;

  public StringBuilderWriter(int capacity) {
    this.sb = new StringBuilder(capacity);
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    sb.append(cbuf, off, len);
  }

  @Override
  public void write(String str, int off, int len) {
    sb.append(str, off, off + len);
  }

  @Override
  public void write(int c) {
    sb.append((char) c);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return sb.toString();
  }
}
