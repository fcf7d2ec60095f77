package io.github.flexmedia.cli;

/** A usage problem found after parsing (a file that cannot be read, an option that needs another). */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
