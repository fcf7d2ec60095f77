package io.github.flexmedia.spring;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Answers flex-media's exceptions, thrown from the application's controllers, with RFC 9457
 * problem details ({@code application/problem+json}) instead of a 500 and a stack trace:
 *
 * <table>
 *   <caption>Problem details</caption>
 *   <tr><th>exception</th><th>status</th><th>extra members</th></tr>
 *   <tr><td>{@link InvalidMediaException}</td><td>400</td><td>{@code field}, {@code rule}, and
 *       {@code property} when the rule is the media policy's ({@code
 *       flex-media.policy.allowed-hosts}, {@code flex-media.policy.allow-insecure-http})</td></tr>
 *   <tr><td>{@link TaskNotFoundException}</td><td>404</td><td>{@code kind}</td></tr>
 *   <tr><td>{@link TaskConflictException}</td><td>409</td><td>{@code kind}</td></tr>
 *   <tr><td>{@link RateLimitedException}</td><td>503, {@code Retry-After}</td><td>{@code kind}</td></tr>
 * </table>
 *
 * <p>No answer echoes a value: the detail is written from the field, the rule and the kind, never
 * from the exception's message or the request (a link's URL or title may hold PHI), and {@code
 * instance} is the handler's path pattern, not the request's path. Registered by
 * {@link FlexMediaEndpointsAutoConfiguration} in a servlet application with Spring MVC; off with
 * {@code flex-media.problem-details.enabled=false}, and an application's own {@code
 * @ExceptionHandler} for these types, in its controller or an advice ordered before this one,
 * wins.
 */
@RestControllerAdvice
public class FlexMediaProblemDetails {
  /** When TaskRouter rate-limited the call and named no wait: one second, as a client's back-off start. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** Created by the auto-configuration. */
  public FlexMediaProblemDetails() {}

  /**
   * 400, naming the field and the rule.
   *
   * @param e the exception
   * @param request the request, for the matched path pattern
   * @return the problem
   */
  @ExceptionHandler(InvalidMediaException.class)
  public ResponseEntity<ProblemDetail> invalidMedia(InvalidMediaException e, WebRequest request) {
    String property = policyProperty(e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "'" + e.field() + "' breaks the rule '" + e.rule() + "'"
            + (property == null ? "." : " (the media policy: see " + property + ")."));
    problem.setTitle("Invalid media");
    problem.setProperty("field", e.field());
    problem.setProperty("rule", e.rule());
    if (property != null) {
      problem.setProperty("property", property);
    }
    return ResponseEntity.of(withInstance(problem, request)).build();
  }

  /**
   * 404: the task does not exist (or Flex deleted it, about 2 minutes after it ended).
   *
   * @param e the exception
   * @param request the request, for the matched path pattern
   * @return the problem
   */
  @ExceptionHandler(TaskNotFoundException.class)
  public ResponseEntity<ProblemDetail> notFound(TaskNotFoundException e, WebRequest request) {
    return answer(e, request, HttpStatus.NOT_FOUND, "Task not found",
        "TaskRouter has no such task; Flex deletes a task about 2 minutes after it ends.");
  }

  /**
   * 409: another writer kept changing the task through every attempt.
   *
   * @param e the exception
   * @param request the request, for the matched path pattern
   * @return the problem
   */
  @ExceptionHandler(TaskConflictException.class)
  public ResponseEntity<ProblemDetail> conflict(TaskConflictException e, WebRequest request) {
    return answer(e, request, HttpStatus.CONFLICT, "Task changed concurrently",
        "Another writer changed the task during every attempt; try again.");
  }

  /**
   * 503 with {@code Retry-After}: TaskRouter's wait when it named one, else one second.
   *
   * @param e the exception
   * @param request the request, for the matched path pattern
   * @return the problem
   */
  @ExceptionHandler(RateLimitedException.class)
  public ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e, WebRequest request) {
    Duration wait = e.retryAfter().orElse(DEFAULT_RETRY_AFTER);
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    ResponseEntity<ProblemDetail> answer = answer(e, request, HttpStatus.SERVICE_UNAVAILABLE,
        "TaskRouter rate limit", "TaskRouter rate-limited every attempt; try again later.");
    return ResponseEntity.status(answer.getStatusCode())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(answer.getBody());
  }

  /** The starter property behind a media-policy rule, or null for a rule no property sets. */
  private static String policyProperty(InvalidMediaException e) {
    if (e.is(InvalidMediaException.Rule.HOST_ALLOW_LIST)) {
      return "flex-media.policy.allowed-hosts";
    }
    if (e.is(InvalidMediaException.Rule.HTTPS_ONLY)) {
      return "flex-media.policy.allow-insecure-http";
    }
    return null;
  }

  private static ResponseEntity<ProblemDetail> answer(TaskRouterException e, WebRequest request,
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty("kind", e.kind().name().toLowerCase(Locale.ROOT));
    return ResponseEntity.of(withInstance(problem, request)).build();
  }

  /**
   * The handler's path pattern as {@code instance} ({@code /tasks/{taskSid}/tickets}): Spring
   * would otherwise fill in the request's path, with the values in it.
   */
  private static ProblemDetail withInstance(ProblemDetail problem, WebRequest request) {
    Object pattern = request == null ? null
        : request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    problem.setInstance(URI.create(pattern instanceof String
        ? UriUtils.encodePath((String) pattern, StandardCharsets.UTF_8) : "about:blank"));
    return problem;
  }
}
