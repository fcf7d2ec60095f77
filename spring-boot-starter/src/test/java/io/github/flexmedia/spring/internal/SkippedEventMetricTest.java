package io.github.flexmedia.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.events.SkippedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class SkippedEventMetricTest {
  @Test
  void skippedEventsAreCountedByFieldAndKind() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Instrumentation metrics = new MicrometerInstrumentation(registry);

    metrics.eventSkipped(new SkippedEvent(0, "type", "not a com.twilio.taskrouter.* event"));
    metrics.eventSkipped(new SkippedEvent(3, "data.payload.task_sid", "malformed"));
    metrics.eventSkipped(new SkippedEvent(4, "data.payload.task_sid", "malformed"));
    Instrumentation.NONE.eventSkipped(new SkippedEvent(0, "type", "ignored"));

    assertThat(registry.get(MicrometerInstrumentation.EVENTS_SKIPPED)
        .tags("field", "type", "kind", "unknown").counter().count()).isEqualTo(1.0);
    assertThat(registry.get(MicrometerInstrumentation.EVENTS_SKIPPED)
        .tags("field", "data.payload.task_sid", "kind", "unreadable").counter().count()).isEqualTo(2.0);
  }
}
