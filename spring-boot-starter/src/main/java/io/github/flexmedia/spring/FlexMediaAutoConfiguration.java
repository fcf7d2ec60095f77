package io.github.flexmedia.spring;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.spring.internal.Instrumentation;
import io.github.flexmedia.spring.internal.Settings;
import io.github.flexmedia.spring.internal.TwilioClients;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures flex-media: a {@link TaskRouterClient} on twilio-java, a {@link MediaAttacher}
 * configured from {@code flex-media.attach.*} and a {@link MediaPolicy} from {@code
 * flex-media.policy.*}. Each backs off when the application defines a bean of the same type.
 *
 * <p>The {@code TaskRouterClient} uses the application's {@link TwilioRestClient} bean when there
 * is one; otherwise it builds a client from {@code flex-media.twilio.*} whose HTTP stack makes
 * exactly one exchange per call (no Apache automatic retries), so that {@code MediaAttacher}'s
 * loop is the only retry loop. A missing credential stops the application at startup with a
 * message naming the property. Switch everything off with {@code flex-media.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "flex-media.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlexMediaProperties.class)
public class FlexMediaAutoConfiguration {

  /** Created by Spring. */
  public FlexMediaAutoConfiguration() {}

  /**
   * The policy from {@code flex-media.policy.*}; the attacher checks every link against it.
   *
   * @param properties the bound properties
   * @return the policy
   */
  @Bean
  @ConditionalOnMissingBean
  public MediaPolicy flexMediaPolicy(FlexMediaProperties properties) {
    FlexMediaProperties.Policy p = properties.getPolicy();
    MediaPolicy.Builder builder = MediaPolicy.builder();
    if (!p.getAllowedHosts().isEmpty()) {
      builder.allowHosts(p.getAllowedHosts().toArray(String[]::new));
    }
    if (p.isAllowInsecureHttp()) {
      builder.allowInsecureHttp();
    }
    return builder.build();
  }

  /**
   * The TaskRouter client: on the application's {@code TwilioRestClient} bean if there is one,
   * else on credentials from {@code flex-media.twilio.*}; timed per request when metrics are on.
   *
   * @param properties the bound properties
   * @param restClient the application's twilio-java client, if any
   * @param customizers adjust the HTTP client built from properties
   * @param instrumentation metrics, when Micrometer is present
   * @return the client
   * @throws FlexMediaConfigurationException naming a missing or malformed credential property
   */
  @Bean
  @ConditionalOnMissingBean
  public TaskRouterClient flexMediaTaskRouterClient(
      FlexMediaProperties properties,
      ObjectProvider<TwilioRestClient> restClient,
      ObjectProvider<TwilioHttpClientCustomizer> customizers,
      ObjectProvider<Instrumentation> instrumentation) {
    TwilioRestClient rest = restClient.getIfAvailable(
        () -> TwilioClients.fromProperties(properties.getTwilio(), customizers.orderedStream()));
    return instrumentation.getIfAvailable(() -> Instrumentation.NONE)
        .instrument(new TwilioTaskRouterClient(rest));
  }

  /**
   * The attacher, configured from {@code flex-media.attach.*} and the {@link MediaPolicy} bean.
   *
   * @param client the TaskRouter client
   * @param policy the policy every link must satisfy
   * @param properties the bound properties
   * @return the attacher
   * @throws FlexMediaConfigurationException when a {@code flex-media.attach.*} value is out of range
   */
  @Bean
  @ConditionalOnMissingBean
  public MediaAttacher flexMediaAttacher(
      TaskRouterClient client, MediaPolicy policy, FlexMediaProperties properties) {
    FlexMediaProperties.Attach a = properties.getAttach();
    MediaAttacher.Builder builder = MediaAttacher.builder(client).mergeMode(a.getMergeMode()).policy(policy);
    Settings.check("flex-media.attach.max-attempts", () -> builder.maxAttempts(a.getMaxAttempts()));
    Settings.check("flex-media.attach.initial-backoff",
        () -> builder.backoff(a.getInitialBackoff(), a.getMaxBackoff()));
    Settings.check("flex-media.attach.max-retry-after",
        () -> builder.maxRetryAfter(a.getMaxRetryAfter()));
    return builder.build();
  }
}
