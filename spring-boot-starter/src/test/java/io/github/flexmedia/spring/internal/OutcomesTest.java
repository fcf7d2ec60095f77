package io.github.flexmedia.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.twilio.RateLimitedException;
import io.github.flexmedia.twilio.TaskConflictException;
import io.github.flexmedia.twilio.TaskNotFoundException;
import io.github.flexmedia.twilio.TaskRouterException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code outcome} tag: one short word per kind of failure, so that dashboards can group. */
class OutcomesTest {

  @Test
  void everyFailureKindHasItsWord() {
    Map<RuntimeException, String> table = new LinkedHashMap<>();
    table.put(new TaskConflictException("m", 0, null), "conflict");
    table.put(new RateLimitedException("m", 20429, null, null), "rate_limited");
    table.put(new TaskNotFoundException("m", 20404, null), "not_found");
    table.put(new TaskRouterException("m", 401, 20003, null), "unauthorized");
    table.put(new TaskRouterException(TaskRouterException.Kind.TOO_LARGE, "m", 0, 0, null, null),
        "too_large");
    table.put(new TaskRouterException("m", 0, 0, null), "io_error");
    table.put(new TaskRouterException("m", 503, 0, null), "server_error");
    table.put(new TaskRouterException("m", 500, 0, null), "server_error");
    table.put(new TaskRouterException("m", 499, 0, null), "client_error");
    table.put(new TaskRouterException("m", 400, 0, null), "client_error");
    table.put(new InvalidMediaException("f", "r", "m"), "invalid");
    table.put(new MalformedAttributesException("p", "m"), "invalid");
    table.put(new IllegalStateException("m"), "error");

    table.forEach((e, word) -> assertThat(Outcomes.of(e)).as(e.getClass().getSimpleName()).isEqualTo(word));
  }
}
