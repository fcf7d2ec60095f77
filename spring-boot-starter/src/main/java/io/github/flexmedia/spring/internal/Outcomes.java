package io.github.flexmedia.spring.internal;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterException;

/** The {@code outcome} tag of a failure: a short, bounded vocabulary for dashboards. */
final class Outcomes {
  private Outcomes() {}

  static String of(RuntimeException e) {
    if (e instanceof TaskConflictException) {
      return "conflict";
    }
    if (e instanceof RateLimitedException) {
      return "rate_limited";
    }
    if (e instanceof TaskNotFoundException) {
      return "not_found";
    }
    if (e instanceof TaskRouterException
        && ((TaskRouterException) e).kind() == TaskRouterException.Kind.AUTHENTICATION) {
      return "unauthorized";
    }
    if (e instanceof TaskRouterException
        && ((TaskRouterException) e).kind() == TaskRouterException.Kind.TOO_LARGE) {
      return "too_large";
    }
    if (e instanceof TaskRouterException) {
      int status = ((TaskRouterException) e).statusCode();
      return status == 0 ? "io_error" : status >= 500 ? "server_error" : "client_error";
    }
    if (e instanceof InvalidMediaException || e instanceof MalformedAttributesException) {
      return "invalid";
    }
    return "error";
  }
}
