package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.spring.properties.AttachProperties;
import io.github.flexmedia.spring.properties.TwilioProperties;
import io.github.flexmedia.spring.properties.WebhooksProperties;
import io.github.flexmedia.twilio.playback.RecordingResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/** The starter's README does what it says: its YAML and its bean, as printed. */
class ReadmeSpringBootSectionTest {
  private static final Path README = Path.of("README.md");

  private static String section() throws Exception {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  private static String block(String section, String language) {
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a ```" + language + " block").isTrue();
    return m.group(1);
  }

  @Test
  void theYamlConfiguresWhatTheSectionSays() throws Exception {
    List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("README",
        new ByteArrayResource(block(section(), "yaml").getBytes(StandardCharsets.UTF_8)));

    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FlexMediaAutoConfiguration.class,
            FlexMediaEndpointsAutoConfiguration.class))
        .withInitializer(c -> yaml.forEach(c.getEnvironment().getPropertySources()::addFirst))
        .withPropertyValues("TWILIO_ACCOUNT_SID=" + ACCOUNT, "TWILIO_AUTH_TOKEN=" + TOKEN)
        .withBean(RecordingResolver.class, () -> (id, user) -> Optional.empty())
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(TwilioProperties.class).getAccountSid()).isEqualTo(ACCOUNT);
          assertThat(context.getBean(AttachProperties.class).getMaxAttempts()).isEqualTo(8);
          assertThat(context.getBean(WebhooksProperties.class).getPublicUrl())
              .isEqualTo("https://hooks.example.com");
          assertThat(context.getBean(UrlProviderLinks.class).providerUrl())
              .isEqualTo("https://hooks.example.com/flex-media/url-provider");
          assertThat(context.getBean(MediaPolicy.class).allowedHosts())
              .containsExactlyInAnyOrder("crm.example.com", "api.twilio.com");
          assertThat(context.getBeansOfType(ServletRegistrationBean.class).values())
              .extracting(r -> r.getUrlMappings().iterator().next())
              .containsExactlyInAnyOrder("/flex-media/recording-callbacks", "/flex-media/url-provider");
        });
  }

  @Test
  void theBeanIsTheOneTheExampleRunsAndItsSmokeTestChecks() throws Exception {
    String bean = block(section(), "java");
    String example = Files.readString(Path.of(
        "../examples/spring-boot/src/main/java/io/github/flexmedia/examples/spring/RecordingMedia.java"),
        StandardCharsets.UTF_8);
    assertThat(squash(example)).contains(squash(bean));
  }

  private static String squash(String code) {
    return code.replaceAll("\\s+", "");
  }
}
