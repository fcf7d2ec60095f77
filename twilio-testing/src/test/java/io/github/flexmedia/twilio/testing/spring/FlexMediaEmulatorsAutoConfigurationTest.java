package io.github.flexmedia.twilio.testing.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The annotation brings the emulators and their credentials as the starter's properties (the
 * starter's own tests show its client reaching them: EmulatorsAnnotationTest).
 */
class FlexMediaEmulatorsAutoConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @AutoConfigureFlexMediaEmulators
  static class Annotated {}

  @Test
  void theAnnotationStartsBothEmulatorsOnLoopback() {
    new ApplicationContextRunner().withUserConfiguration(Annotated.class).run(context -> {
      assertThat(context).hasNotFailed();
      LocalTaskRouterServer taskRouter = context.getBean(LocalTaskRouterServer.class);
      FlexTokenEmulator tokens = context.getBean(FlexTokenEmulator.class);
      assertThat(taskRouter.port()).isPositive();
      assertThat(tokens.port()).isPositive().isNotEqualTo(taskRouter.port());
      assertThat(taskRouter.requestCount()).isZero();
    });
  }

  @Test
  void theEmulatorsCredentialsOverrideTheApplicationsAndLeaveNoApiKey() {
    new ApplicationContextRunner().withUserConfiguration(Annotated.class)
        .withPropertyValues("flex-media.twilio.account-sid=${TWILIO_ACCOUNT_SID}",
            "flex-media.twilio.auth-token=the-real-one",
            "flex-media.twilio.api-key=SK" + "1".repeat(32),
            "flex-media.twilio.api-secret=the-real-secret")
        .run(context -> {
          var environment = context.getEnvironment();
          assertThat(environment.getPropertySources().iterator().next().getName())
              .isEqualTo(FlexMediaEmulatorsAutoConfiguration.PROPERTY_SOURCE);
          assertThat(environment.getProperty("flex-media.twilio.account-sid"))
              .isEqualTo(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID);
          assertThat(environment.getProperty("flex-media.twilio.auth-token"))
              .isEqualTo(LocalTaskRouterServer.DEFAULT_AUTH_TOKEN);
          assertThat(environment.getProperty("flex-media.twilio.api-key")).isEmpty();
          assertThat(environment.getProperty("flex-media.twilio.api-secret")).isEmpty();
        });
  }

  @Test
  void aTestsOwnEmulatorIsUsedInsteadOfANewOne() {
    try (LocalTaskRouterServer own = LocalTaskRouterServer.start()) {
      new ApplicationContextRunner().withUserConfiguration(Annotated.class)
          .withBean(LocalTaskRouterServer.class, () -> own)
          .run(context -> assertThat(context.getBean(LocalTaskRouterServer.class)).isSameAs(own));
    }
  }

  @Test
  void withoutTheAnnotationNothingIsStartedAndNoPropertyIsAdded() {
    new ApplicationContextRunner().run(context -> {
      assertThat(context).doesNotHaveBean(LocalTaskRouterServer.class);
      assertThat(context.getEnvironment().getPropertySources()
          .contains(FlexMediaEmulatorsAutoConfiguration.PROPERTY_SOURCE)).isFalse();
    });
  }
}
