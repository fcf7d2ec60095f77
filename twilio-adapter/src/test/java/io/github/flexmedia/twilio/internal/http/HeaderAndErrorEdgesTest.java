package io.github.flexmedia.twilio.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.TaskRouterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

/**
 * Response headers and error messages at their edges: a header that is absent is absent (so a
 * response without an ETag is not taken for one with an empty ETag), an obsolete date whose
 * weekday is no weekday is not a date, a 500's Retry-After is kept like a 503's, and a create's
 * message names no task.
 */
class HeaderAndErrorEdgesTest {
  private static final String WS = "WS0123456789abcdef0123456789abcdef";
  private static final String WT = "WT0123456789abcdef0123456789abcdef";
  private static final Clock NOW = Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);

  @Test
  void aHeaderThatIsNotThereIsNull() {
    Header[] headers = {new BasicHeader("Content-Type", "application/json")};

    assertThat(Headers.get(headers, "ETag")).isNull();
    assertThat(Headers.get(headers, "content-type")).isEqualTo("application/json");
  }

  @Test
  void anRfc850DateIsReadOnlyAfterARealWeekday() {
    assertThat(Headers.retryAfter("Sunday, 06-Nov-94 08:49:37 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(37));
    assertThat(Headers.retryAfter("Someday, 06-Nov-94 08:49:37 GMT", NOW)).isNull();
  }

  @Test
  void aServerErrorOf500KeepsItsRetryAfterAsA503Does() {
    TaskRouterException e = ErrorMapping.forStatus("update", WS, WT, 500, 0, Duration.ofSeconds(3), null);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.getMessage()).isEqualTo("task update of " + WT
        + " failed: TaskRouter failed; retrying later may succeed, Retry-After 3 s (HTTP 500)");
  }

  @Test
  void aCreatesMessageNamesNoTaskAndAFetchesNamesItsTask() {
    assertThat(ErrorMapping.forStatus("create", WS, null, 400, 0, null, null).getMessage())
        .startsWith("task create failed: TaskRouter refused the request as invalid");
    assertThat(ErrorMapping.forStatus("fetch", WS, WT, 400, 0, null, null).getMessage())
        .startsWith("task fetch of " + WT + " failed: ");
  }
}
