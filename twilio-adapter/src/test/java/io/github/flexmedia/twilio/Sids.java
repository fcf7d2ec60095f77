package io.github.flexmedia.twilio;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.internal.attach.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared test data. */
final class Sids {
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final String WT = "WT0123456789abcdef0123456789abcdef";
  static final String WW = "WW0123456789abcdef0123456789abcdef";
  static final String CHAT = "CH0123456789abcdef0123456789abcdef";
  static final String FOREIGN =
      "{\"type\":\"inbound\",\"from\":\"+15550100\",\"customers\":{\"account\":123456789012345678901234567890,"
          + "\"balance\":1.10},\"conversations\":{\"abandoned\":\"No\"},\"skills\":[\"billing\",null]}";

  private Sids() {}

  /** The default policy with a fixed jitter. */
  static RetryPolicy jitter(double jitter) {
    return retry(5, Duration.ofMillis(200), Duration.ofSeconds(10), jitter);
  }

  /** A policy with these attempts and backoff, a fixed jitter, Retry-After up to 60 s. */
  static RetryPolicy retry(int maxAttempts, Duration initial, Duration max, double jitter) {
    return new RetryPolicy(maxAttempts, initial, max, Duration.ofSeconds(60), () -> jitter);
  }

  /** A policy with these attempts and backoff, random jitter, Retry-After up to 60 s. */
  static RetryPolicy backoff(int maxAttempts, Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, Duration.ofSeconds(60),
        RetryPolicy.randomJitter());
  }

  /** The default policy with another longest Retry-After. */
  static RetryPolicy maxRetryAfter(Duration maxRetryAfter) {
    RetryPolicy d = RetryPolicy.defaults();
    return new RetryPolicy(d.maxAttempts(), d.initialBackoff(), d.maxBackoff(), maxRetryAfter,
        d.jitter());
  }

  static String task(int i) {
    return String.format("WT%032x", i);
  }

  static MediaAttributes ticket() {
    return MediaAttributes.builder()
        .media(MediaLink.referenced("https://support.example.com/tickets/42", "External Ticket"),
            MediaLink.chatTranscript(CHAT))
        .build();
  }

  /** Records the waits instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }
}
