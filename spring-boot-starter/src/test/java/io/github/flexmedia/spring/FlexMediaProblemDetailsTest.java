package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerMapping;

/** The answers the advice gives; over HTTP, EndToEndTest shows the 400, 404 and 409. */
class FlexMediaProblemDetailsTest {
  private final FlexMediaProblemDetails advice = new FlexMediaProblemDetails();

  @Test
  void aRateLimitIsA503WithTwilioRetryAfterRoundedUpToSeconds() {
    ResponseEntity<ProblemDetail> answer = advice.rateLimited(
        new RateLimitedException("rate limited", 20429, Duration.ofMillis(2500), null), null);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
    assertThat(answer.getBody().getProperties()).containsEntry("kind", "rate_limited");
  }

  @Test
  void aRateLimitWithoutRetryAfterStillTellsTheClientToWait() {
    ResponseEntity<ProblemDetail> answer =
        advice.rateLimited(new RateLimitedException("rate limited", 20429, null, null), null);

    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
  }

  @Test
  void aPolicyRefusalNamesThePropertyToChange() {
    ResponseEntity<ProblemDetail> offTheList = advice.invalidMedia(new InvalidMediaException(
        "media[0].url", InvalidMediaException.Rule.HOST_ALLOW_LIST, "not on the list"), null);
    ResponseEntity<ProblemDetail> plainHttp = advice.invalidMedia(new InvalidMediaException(
        "media[0].url", InvalidMediaException.Rule.HTTPS_ONLY, "must use https"), null);
    ResponseEntity<ProblemDetail> title = advice.invalidMedia(new InvalidMediaException(
        "media[0].title", InvalidMediaException.Rule.REQUIRED, "is required"), null);

    assertThat(offTheList.getStatusCode().value()).isEqualTo(400);
    assertThat(offTheList.getBody().getTitle()).isEqualTo("Invalid media");
    assertThat(offTheList.getBody().getProperties())
        .containsEntry("property", "flex-media.policy.allowed-hosts");
    assertThat(offTheList.getBody().getDetail()).isEqualTo("'media[0].url' breaks the rule "
        + "'host-allow-list' (the media policy: see flex-media.policy.allowed-hosts).");
    assertThat(plainHttp.getBody().getProperties())
        .containsEntry("property", "flex-media.policy.allow-insecure-http");
    assertThat(title.getBody().getProperties()).doesNotContainKey("property");
    assertThat(title.getBody().getDetail()).isEqualTo("'media[0].title' breaks the rule 'required'.");
  }

  @Test
  void aConflictIsA409AndSaysNothingOfTheMessage() {
    ResponseEntity<ProblemDetail> answer =
        advice.conflict(new TaskConflictException("task WT123 secret detail", 20412, null), null);

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat(answer.getBody().getDetail()).doesNotContain("secret");
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
    assertThat(retryAfter(Duration.ZERO)).as("TaskRouter said 0: still wait").isEqualTo("1");
    assertThat(retryAfter(Duration.ofMillis(1))).isEqualTo("1");
    assertThat(retryAfter(Duration.ofMillis(1000))).isEqualTo("1");
    assertThat(retryAfter(Duration.ofMillis(1001))).isEqualTo("2");
  }

  private String retryAfter(Duration wait) {
    return advice.rateLimited(new RateLimitedException("rate limited", 20429, wait, null), null)
        .getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
  }

  @Test
  void theInstanceIsTheHandlersPathPatternNeverTheRequestsPath() {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/tasks/WT0123/tickets/jane.doe@example.com");
    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
        "/tasks/{taskSid}/tickets/{who}");

    ResponseEntity<ProblemDetail> answer = advice.notFound(
        new TaskNotFoundException("task WT0123 not found", 20404, null),
        new ServletWebRequest(request));

    assertThat(answer.getBody().getInstance())
        .isEqualTo(URI.create("/tasks/%7BtaskSid%7D/tickets/%7Bwho%7D"));
    assertThat(answer.getBody().toString()).doesNotContain("jane.doe", "WT0123");
  }

  @Test
  void withoutAMatchedPatternTheInstanceIsAboutBlank() {
    ResponseEntity<ProblemDetail> answer = advice.notFound(
        new TaskNotFoundException("task WT0123 not found", 20404, null),
        new ServletWebRequest(new MockHttpServletRequest("GET", "/tasks/WT0123")));

    assertThat(answer.getBody().getInstance()).isEqualTo(URI.create("about:blank"));
  }

  @Test
  void anUnknownTaskIsA404WithItsKindAndTitle() {
    ResponseEntity<ProblemDetail> answer =
        advice.notFound(new TaskNotFoundException("task WT0123 not found", 20404, null), null);

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getBody().getTitle()).isEqualTo("Task not found");
    assertThat(answer.getBody().getProperties()).containsEntry("kind", "not_found");
    assertThat(answer.getBody().getDetail()).doesNotContain("WT0123");
  }
}
