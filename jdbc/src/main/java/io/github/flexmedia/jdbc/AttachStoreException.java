package io.github.flexmedia.jdbc;

import java.sql.SQLException;

/**
 * The database refused or could not be reached. {@link
 * io.github.flexmedia.twilio.events.AttachQueue#offer} passes it on, so the webhook answers 5xx
 * and Twilio retries; the message names the operation and the SQL state, never a value.
 */
public class AttachStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps a driver's exception.
   *
   * @param operation what the store was doing ({@code save}, {@code claim}, ...)
   * @param cause the driver's exception
   */
  public AttachStoreException(String operation, SQLException cause) {
    super("attach store " + operation + " failed (SQL state " + cause.getSQLState() + ")", cause);
  }
}
