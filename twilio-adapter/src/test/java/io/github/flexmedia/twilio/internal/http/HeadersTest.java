package io.github.flexmedia.twilio.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

class HeadersTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void findsHeadersIgnoringCase() {
    assertThat(Headers.get(Map.of("Etag", "\"7\""), "ETag")).isEqualTo("\"7\"");
    assertThat(Headers.get(new Header[] {new BasicHeader("retry-after", "3")}, "Retry-After")).isEqualTo("3");
    assertThat(Headers.get((Map<String, String>) null, "ETag")).isNull();
    assertThat(Headers.get((Header[]) null, "ETag")).isNull();
    assertThat(Headers.get(Map.of("A", "b"), "ETag")).isNull();
  }

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    assertThat(Headers.retryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
    assertThat(Headers.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    assertThat(Headers.retryAfter("Wed, 25 Nov 2026 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Headers.retryAfter("Wed, 25 Nov 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    assertThat(Headers.retryAfter("soon", NOW)).isNull();
    assertThat(Headers.retryAfter("", NOW)).isNull();
    assertThat(Headers.retryAfter(null, NOW)).isNull();
  }

  @Test
  void readsAllThreeHttpDateFormatsOfRfc9110() {
    Duration thirty = Duration.ofSeconds(30);
    assertThat(Headers.retryAfter("Wed, 25 Nov 2026 12:00:30 GMT", NOW)).isEqualTo(thirty);
    assertThat(Headers.retryAfter("Wednesday, 25-Nov-26 12:00:30 GMT", NOW)).isEqualTo(thirty);
    assertThat(Headers.retryAfter("Wed Nov 25 12:00:30 2026", NOW)).isEqualTo(thirty);
    assertThat(Headers.retryAfter("Wed Nov  4 12:00:00 2026", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aTwoDigitYearMoreThanFiftyYearsAheadIsTheLastCenturys() {
    Clock in1994 = Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);
    assertThat(Headers.retryAfter("Sunday, 06-Nov-94 08:49:37 GMT", in1994))
        .isEqualTo(Duration.ofSeconds(37));
    assertThat(Headers.retryAfter("Friday, 27-Nov-26 12:00:00 GMT", NOW)).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void negativeOrGarbageValuesAreIgnoredAndHugeOnesAreBeyondAnyCap() {
    assertThat(Headers.retryAfter("-5", NOW)).isNull();
    assertThat(Headers.retryAfter("1.5", NOW)).isNull();
    assertThat(Headers.retryAfter("3 s", NOW)).isNull();
    assertThat(Headers.retryAfter("Wed, 32 Nov 2026 12:00:30 GMT", NOW)).isNull();
    assertThat(Headers.retryAfter("Sunday, 06-Foo-94 08:49:37 GMT", NOW)).isNull();
    assertThat(Headers.retryAfter("99999999999999999999999", NOW)).isEqualTo(Headers.BEYOND_ANY_CAP);
    assertThat(Headers.retryAfter("9999999999", NOW)).isEqualTo(Duration.ofSeconds(9_999_999_999L));
  }
}
