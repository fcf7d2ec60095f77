package io.github.flexmedia.jdbc;

import io.github.flexmedia.twilio.TaskRouterException;
import java.sql.SQLException;

/**
 * The database refused or could not be reached: a failed call, so a {@link TaskRouterException}
 * (flex-media's root for those) of kind {@code NO_RESPONSE} when the connection failed (SQL state
 * class {@code 08}) and {@code SERVER_ERROR} when the database failed the statement. {@link
 * io.github.flexmedia.twilio.events.AttachQueue#offer} passes it on, so the webhook answers 5xx
 * and Twilio retries; the message names the operation and the SQL state, never a value.
 */
public class AttachStoreException extends TaskRouterException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps a driver's exception.
   *
   * @param operation what the store was doing ({@code save}, {@code claim}, ...)
   * @param cause the driver's exception
   */
  public AttachStoreException(String operation, SQLException cause) {
    super(kind(cause), "attach store " + operation + " failed (SQL state " + cause.getSQLState()
        + ")", 0, 0, null, cause);
  }

  private static Kind kind(SQLException cause) {
    String state = cause.getSQLState();
    return state != null && state.startsWith("08") ? Kind.NO_RESPONSE : Kind.SERVER_ERROR;
  }
}
