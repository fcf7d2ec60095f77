package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a startup failure tells: the property, the rule, and how to fix it, apart. */
class FlexMediaConfigurationExceptionTest {

  @Test
  void theMessageNamesThePropertyAndTheRuleAndTheActionIsReadableOnItsOwn() {
    FlexMediaConfigurationException e = new FlexMediaConfigurationException(
        "flex-media.queue.workers", "must be at least 1", "Change flex-media.queue.workers.");

    assertThat(e).hasMessage(
        "flex-media.queue.workers must be at least 1. Change flex-media.queue.workers.");
    assertThat(e.setting()).isEqualTo("flex-media.queue.workers");
    assertThat(e.rule()).isEqualTo("must be at least 1");
    assertThat(e.action()).isEqualTo("Change flex-media.queue.workers.");
  }
}
