package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.AttachOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line for every queued attach that ends without its media on the task. Twilio does not
 * resend a callback that was answered 2xx, so without this line a refused credential, a deleted
 * task or a link off the policy would be lost without a word.
 *
 * <p>The line names the outcome, the error kind, the task and the attempts, and the property to
 * change where one exists; never a URL, a title or a credential (they may hold PHI or secrets).
 * At most 20 lines a minute; the rest are counted and the count told on the next line, or at
 * the end of the minute if no line comes.
 */
public final class AttachFailureLog implements AttachListener {
  /** The logger's name, to turn it down with {@code logging.level}. */
  public static final String LOGGER = "io.github.flexmedia.spring.attach";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final LogLimiter limiter;

  /** Logs at most 20 lines a minute. */
  public AttachFailureLog() {
    this(Clock.systemUTC());
  }

  AttachFailureLog(Clock clock) {
    this(clock, LogLimiter.DELAYED);
  }

  AttachFailureLog(Clock clock, BiConsumer<Duration, Runnable> scheduler) {
    this.limiter = new LogLimiter(20, Duration.ofMinutes(1), clock, scheduler, count ->
        LOG.warn("flex-media attach not done: {} more such lines were left out in the last minute "
            + "(the flex_media.attach metrics count every outcome)", count));
  }

  @Override
  public void onOutcome(AttachOutcome outcome) {
    if (outcome.succeeded()) {
      return;
    }
    long suppressed = limiter.admit();
    if (suppressed < 0) {
      return;
    }
    RuntimeException cause = outcome.cause();
    String error = kind(cause);
    int attempts = cause instanceof TaskRouterException ? ((TaskRouterException) cause).attempts() : 0;
    LOG.warn("flex-media attach not done: outcome={} error={} task={} workspace={} attempts={}. {}{}",
        outcome.status().name().toLowerCase(Locale.ROOT), error,
        outcome.taskSid(), outcome.workspaceSid(),
        attempts == 0 ? "n/a" : Integer.toString(attempts), advice(error),
        suppressed == 0 ? "" : " (" + suppressed + " more such lines were left out before this one)");
  }

  /** TaskRouterException's kind, lower case; "invalid" for a link or document that breaks a rule. */
  private static String kind(RuntimeException cause) {
    if (cause instanceof TaskRouterException) {
      return ((TaskRouterException) cause).kind().name().toLowerCase(Locale.ROOT);
    }
    return "invalid".equals(Outcomes.of(cause)) ? "invalid" : "error";
  }

  private static String advice(String error) {
    switch (error) {
      case "authentication":
        return "TaskRouter refused the credentials: check flex-media.twilio.account-sid and "
            + "flex-media.twilio.auth-token (or flex-media.twilio.api-key and api-secret).";
      case "invalid":
      case "policy":
        return "A link broke the media policy or a link rule: check flex-media.policy.allowed-hosts "
            + "and flex-media.policy.allow-insecure-http.";
      case "not_found":
        return "The task does not exist, or Flex deleted it (about 2 minutes after it ended): check "
            + "the WorkspaceSid and TaskSid in the callback URL.";
      case "rate_limited":
        return "TaskRouter rate-limited every attempt: raise flex-media.attach.max-attempts or lower "
            + "flex-media.queue.workers.";
      case "no_response":
      case "server_error":
        return "TaskRouter could not be reached or failed: raise flex-media.attach.max-attempts or "
            + "flex-media.queue.attach-window to ride out longer outages.";
      default:
        return "The attach window passed or the attach failed: see flex-media.queue.attach-window "
            + "and flex-media.attach.max-attempts.";
    }
  }
}
