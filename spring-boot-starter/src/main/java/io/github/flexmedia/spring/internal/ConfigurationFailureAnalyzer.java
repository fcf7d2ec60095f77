package io.github.flexmedia.spring.internal;

import io.github.flexmedia.spring.FlexMediaConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link FlexMediaConfigurationException} into Spring Boot's startup failure report. */
public final class ConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<FlexMediaConfigurationException> {

  /** Created by Spring Boot through {@code META-INF/spring.factories}. */
  public ConfigurationFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable root, FlexMediaConfigurationException cause) {
    return new FailureAnalysis(
        "flex-media could not start: " + cause.setting() + " " + cause.rule() + ".", cause.action(), cause);
  }
}
