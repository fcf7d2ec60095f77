package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /** Each credential, each way a value can be unusable: startup fails, naming it, never the value. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "account-sid | ''                        | is blank",
      "account-sid | '   '                     | is blank",
      "account-sid | ${TWILIO_ACCOUNT_SID}     | is an unresolved placeholder",
      "account-sid | AC0123456789abcdef        | is malformed: it must be 'AC' followed by 32 hex digits",
      "account-sid | SK0123456789abcdef0123456789abcdef | is malformed: it must be 'AC' followed by 32 hex digits",
      "auth-token  | ''                        | is blank",
      "auth-token  | ${TWILIO_AUTH_TOKEN}      | is an unresolved placeholder",
      "auth-token  | ${TWILIO_AUTH_TOKEN:${OTHER}} | is an unresolved placeholder",
      "auth-token  | local-emulator-token      | is malformed: it must be 32 hex digits",
      "auth-token  | 0123456789abcdef0123456789abcdeg | is malformed: it must be 32 hex digits",
      "api-key     | ${TWILIO_API_KEY}         | is an unresolved placeholder",
      "api-key     | SK0123                    | is malformed: it must be 'SK' followed by 32 hex digits",
      "api-key     | AC0123456789abcdef0123456789abcdef | is malformed: it must be 'SK' followed by 32 hex digits",
      "api-secret  | ''                        | is blank",
      "api-secret  | ${TWILIO_API_SECRET}      | is an unresolved placeholder",
  })
  void anUnusableCredentialStopsStartupNamingThePropertyNotTheValue(
      String name, String value, String problem) {
    Map<String, String> good = new LinkedHashMap<>();
    good.put("account-sid", ACCOUNT);
    good.put("auth-token", TOKEN);
    if (name.startsWith("api-")) {
      good.put("api-key", "SK" + "b".repeat(32));
      good.put("api-secret", "the-secret-of-the-key");
    }
    good.put(name, value);
    String[] properties = good.entrySet().stream()
        .map(e -> "flex-media.twilio." + e.getKey() + "=" + e.getValue()).toArray(String[]::new);

    runner.withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      Throwable cause = context.getStartupFailure();
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertThat(cause).isInstanceOf(FlexMediaConfigurationException.class);
      FlexMediaConfigurationException e = (FlexMediaConfigurationException) cause;
      assertThat(e).as("one of the three roots: misconfiguration")
          .isInstanceOf(io.github.flexmedia.twilio.ConfigurationException.class);
      assertThat(e.setting()).isEqualTo("flex-media.twilio." + name);
      assertThat(e.rule()).startsWith(problem);
      assertThat(e.getMessage()).startsWith("flex-media.twilio." + name + " " + problem);
      if (!value.isBlank()) {
        assertThat(e.getMessage()).doesNotContain(value);
      }
    });
  }

  @Test
  void theAuthTokensMessageSaysAnApiKeyCannotCheckSignatures() {
    runner.withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
        "flex-media.twilio.auth-token=${TWILIO_AUTH_TOKEN}").run(context ->
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("An API key (flex-media.twilio.api-key) can make the REST "
                    + "calls but cannot serve here: Twilio signs webhooks with the auth token, so "
                    + "signature checks need it."));
  }

  @Test
  void aBlankApiKeyMeansNoApiKey() {
    runner.withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
        "flex-media.twilio.auth-token=" + TOKEN, "flex-media.twilio.api-key=",
        "flex-media.twilio.api-secret=").run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void credentialsTheApplicationsOwnClientMakesUnusedAreNotChecked() {
    runner.withBean(com.twilio.http.TwilioRestClient.class,
            () -> new com.twilio.http.TwilioRestClient.Builder(ACCOUNT, TOKEN).build())
        .withBean(io.github.flexmedia.twilio.events.WebhookVerifier.class,
            () -> io.github.flexmedia.twilio.events.WebhookVerifier.of(TOKEN))
        .withPropertyValues("flex-media.twilio.account-sid=${TWILIO_ACCOUNT_SID}",
            "flex-media.twilio.auth-token=${TWILIO_AUTH_TOKEN}")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void theStartersVerifierChecksTheAuthTokenEvenWhenTheApplicationBringsItsClient() {
    runner.withBean(com.twilio.http.TwilioRestClient.class,
            () -> new com.twilio.http.TwilioRestClient.Builder(ACCOUNT, TOKEN).build())
        .withPropertyValues("flex-media.twilio.auth-token=${TWILIO_AUTH_TOKEN}")
        .run(context -> assertThat(context.getStartupFailure())
            .isInstanceOf(FlexMediaConfigurationException.class)
            .hasMessageStartingWith("flex-media.twilio.auth-token is an unresolved placeholder"));
  }

  @Test
  void anApiKeyAndTheApplicationsOwnVerifierNeedNoAuthToken() {
    runner.withBean(io.github.flexmedia.twilio.events.WebhookVerifier.class,
            () -> io.github.flexmedia.twilio.events.WebhookVerifier.of(TOKEN))
        .withPropertyValues("flex-media.twilio.account-sid=" + ACCOUNT,
            "flex-media.twilio.api-key=SK" + "b".repeat(32),
            "flex-media.twilio.api-secret=" + SECRET,
            "flex-media.twilio.auth-token=${TWILIO_AUTH_TOKEN}")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void theReadmesYamlWithItsVariableUnsetFailsWithTheReport(CapturedOutput output) {
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> app.run("--flex-media.twilio.account-sid=" + ACCOUNT,
        "--flex-media.twilio.auth-token=${FLEX_MEDIA_TEST_VARIABLE_NEVER_SET}",
        "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(FlexMediaConfigurationException.class);

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("flex-media could not start: flex-media.twilio.auth-token is an unresolved "
            + "placeholder: the environment variable or property it names is not set.")
        .doesNotContain("FLEX_MEDIA_TEST_VARIABLE_NEVER_SET");
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
        .contains("Copy the Account SID from the Twilio Console (Account Info) into "
            + "flex-media.twilio.account-sid.")
        .doesNotContain(SECRET);
  }
}
