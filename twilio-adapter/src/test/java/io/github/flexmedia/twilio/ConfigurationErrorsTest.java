package io.github.flexmedia.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.WebhookHandler;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every way of misconfiguring the adapter ends in one kind, {@link ConfigurationException}, that
 * names the setting and the rule and never repeats what was given.
 */
class ConfigurationErrorsTest {
  private static final String SECRET = "s3cr3t-CANARY-value";
  private final InMemoryTaskRouter router = new InMemoryTaskRouter();

  private static ConfigurationException misuse(ThrowingCallable call, String setting) {
    ConfigurationException e = catchThrowableOfType(call, ConfigurationException.class);
    assertThat(e).as("misusing " + setting).isNotNull();
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.setting()).isEqualTo(setting);
    assertThat(e.rule()).isNotBlank();
    assertThat(e.getMessage()).contains(e.rule()).doesNotContain(SECRET);
    return e;
  }

  @Test
  void mediaAttacherBuilderAndRetryPolicy() {
    MediaAttacher.Builder b = MediaAttacher.builder(router);
    misuse(() -> b.maxAttempts(0), "maxAttempts");
    misuse(() -> Sids.backoff(5, Duration.ofSeconds(2), Duration.ofSeconds(1)), "backoff");
    misuse(() -> Sids.backoff(5, Duration.ofSeconds(-1), Duration.ofSeconds(1)), "backoff");
    misuse(() -> Sids.maxRetryAfter(Duration.ofSeconds(-1)), "maxRetryAfter");
    misuse(() -> RateLimiter.adaptive(0, Duration.ofSeconds(1)), "maxConcurrency");
    misuse(() -> RateLimiter.adaptive(1, Duration.ZERO), "maxPause");
    misuse(() -> Sids.backoff(-3, Duration.ZERO, Duration.ZERO), "maxAttempts");
  }

  @Test
  void attachQueueBuilder() {
    AttachQueue.Builder b = AttachQueue.builder(router);
    misuse(() -> b.workers(0), "workers");
    misuse(() -> b.capacity(0), "capacity");
    misuse(() -> b.attachWindow(Duration.ZERO), "attachWindow");
  }

  @Test
  void webhookHandlerBuilderAndVerifier() {
    AttachQueue queue = AttachQueue.builder(router).build();
    try {
      WebhookHandler.Builder b = WebhookHandler.builder(queue);
      misuse(() -> b.publicUrl("ftp://hooks.example.com/" + SECRET), "publicUrl");
      misuse(() -> b.publicUrl("https://hooks.example.com/x?token=" + SECRET), "publicUrl");
      misuse(() -> b.publicUrl("https://hooks example.com/" + SECRET), "publicUrl");
      misuse(() -> b.synchronous(Duration.ZERO), "synchronous");
      misuse(b::build, "verifier");
      misuse(() -> WebhookVerifier.of(" "), "authToken");
      misuse(() -> WebhookVerifier.of(SECRET).withSecondaryToken(""), "secondaryToken");
    } finally {
      queue.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void playbackBuildersAndValidators() {
    FlexTokenValidator never = token -> {
      throw new AssertionError("not called");
    };
    RecordingUrlProvider.Builder b =
        RecordingUrlProvider.builder(never, (id, user) -> Optional.empty());
    misuse(() -> b.allowedOrigins("https://flex.twilio.com/" + SECRET), "allowedOrigins");
    misuse(() -> FlexTokenValidator.cached(never, 0, Duration.ofMinutes(1), Clock.systemUTC()),
        "maxEntries");
    misuse(() -> FlexTokenValidator.cached(never, 10, Duration.ZERO, Clock.systemUTC()),
        "maxAge");
    misuse(() -> FlexTokenValidator.twilio(
        new TwilioRestClient.Builder("XX" + SECRET, SECRET).build()), "restClient");
  }

  @Test
  void environmentVariablesAreNamedNeverPrinted() {
    misuse(() -> TwilioTaskRouterClient.fromEnvironment(Map.<String, String>of()::get),
        "TWILIO_ACCOUNT_SID");
    misuse(() -> TwilioTaskRouterClient.fromEnvironment(
        Map.of("TWILIO_ACCOUNT_SID", "AC" + SECRET)::get), "TWILIO_ACCOUNT_SID");
    String sid = "AC0123456789abcdef0123456789abcdef";
    misuse(() -> TwilioTaskRouterClient.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", sid)::get),
        "TWILIO_AUTH_TOKEN");
    ConfigurationException e = misuse(() -> TwilioTaskRouterClient.fromEnvironment(
        Map.of("TWILIO_ACCOUNT_SID", sid, "TWILIO_API_KEY", "SK" + SECRET)::get),
        "TWILIO_API_SECRET");
    assertThat(e.getMessage()).isEqualTo("environment variable TWILIO_API_SECRET is not set")
        .doesNotContain(sid);
  }
}
