package io.github.flexmedia.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.TaskRouterException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A store failure is a failed call: flex-media's one root for those, with a kind to branch on. */
class AttachStoreExceptionTest {
  @Test
  void anUnreachableDatabaseIsNoResponseAndRetryable() {
    AttachStoreException e = new AttachStoreException("save",
        new SQLException("Connection to 127.0.0.1:1 refused", "08001"));

    assertThat(e).isInstanceOf(TaskRouterException.class);
    assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.NO_RESPONSE);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.statusCode()).isZero();
    assertThat(e).hasMessage("attach store save failed (SQL state 08001)");
  }

  @Test
  void aStatementTheDatabaseFailsIsAServerError() {
    AttachStoreException e = new AttachStoreException("claim",
        new SQLException("relation \"flex_media_pending_attach\" does not exist", "42P01"));

    assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.SERVER_ERROR);
    assertThat(e.getMessage()).isEqualTo("attach store claim failed (SQL state 42P01)")
        .doesNotContain("flex_media_pending_attach");
    assertThat(new AttachStoreException("stats", new SQLException("no state")).kind())
        .isEqualTo(TaskRouterException.Kind.SERVER_ERROR);
  }
}
