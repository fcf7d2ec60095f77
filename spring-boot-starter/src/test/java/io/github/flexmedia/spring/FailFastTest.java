package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Startup fails at once, naming the property and never printing a secret. */
@ExtendWith(OutputCaptureExtension.class)
class FailFastTest {
  private static final String SECRET = "s3cr3t-do-not-print";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FlexMediaAutoConfiguration.class));

  @Test
  void aMissingAccountSidNamesThePropertyAndTheWaysOut() {
    runner.withPropertyValues("flex-media.twilio.auth-token=" + SECRET).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure())
          .rootCause()
          .isInstanceOf(FlexMediaConfigurationException.class)
          .hasMessage("flex-media.twilio.account-sid is not set. Set it (for example from the "
              + "TWILIO_ACCOUNT_SID environment variable), or define a TwilioRestClient or "
              + "TaskRouterClient bean.");
    });
  }

  @Test
  void aMalformedAccountSidIsNamedButNotShown() {
    String malformed = "AC-" + SECRET;
    runner.withPropertyValues("flex-media.twilio.account-sid=" + malformed,
        "flex-media.twilio.auth-token=" + SECRET).run(context -> {
          assertThat(context.getStartupFailure()).rootCause()
              .isInstanceOf(FlexMediaConfigurationException.class)
              .hasMessageStartingWith("flex-media.twilio.account-sid is malformed: it must be 'AC' "
                  + "followed by 32 hex digits (the value is not shown)")
              .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        });
  }

  @Test
  void aMissingAuthTokenIsNamed() {
    runner.withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT).run(context ->
        assertThat(context.getStartupFailure()).rootCause()
            .hasMessageStartingWith("flex-media.twilio.auth-token is not set."));
  }

  @Test
  void anApiKeyWithoutItsSecretIsNamed() {
    runner.withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
        "flex-media.twilio.api-key=SK" + "b".repeat(32)).run(context ->
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("flex-media.twilio.api-secret is not set."));
  }

  @Test
  void anOutOfRangeAttachSettingIsNamed() {
    runner.withBean(TaskRouterClient.class, InMemoryTaskRouter::new)
        .withPropertyValues("flex-media.attach.max-attempts=0").run(context ->
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(FlexMediaConfigurationException.class)
                .hasMessageStartingWith("flex-media.attach.max-attempts is out of range "
                    + "(maxAttempts must be at least 1 (was 0))"));
  }

  @Test
  void noCredentialIsNeededWhenTheApplicationBringsItsOwnClient() {
    runner.withBean(TaskRouterClient.class, InMemoryTaskRouter::new)
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  @Test
  void springBootsFailureReportSaysWhatToDoAndPrintsNoSecret(CapturedOutput output) {
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> app.run("--flex-media.twilio.account-sid=not-a-sid",
        "--flex-media.twilio.auth-token=" + SECRET, "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(FlexMediaConfigurationException.class);

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("flex-media could not start: flex-media.twilio.account-sid is malformed")
        .contains("Copy the SID from the Twilio Console into flex-media.twilio.account-sid.")
        .doesNotContain(SECRET);
  }
}
