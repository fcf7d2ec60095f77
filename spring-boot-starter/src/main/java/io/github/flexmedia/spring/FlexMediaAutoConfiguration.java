package io.github.flexmedia.spring;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.spring.internal.Credentials;
import io.github.flexmedia.spring.internal.CredentialsCheck;
import io.github.flexmedia.spring.internal.JdbcStores;
import io.github.flexmedia.spring.internal.AttachFailureLog;
import io.github.flexmedia.spring.internal.Instrumentation;
import io.github.flexmedia.spring.internal.QueueShutdown;
import io.github.flexmedia.spring.internal.Settings;
import io.github.flexmedia.spring.internal.TwilioClients;
import io.github.flexmedia.spring.properties.AttachProperties;
import io.github.flexmedia.spring.properties.FlexMediaProperties;
import io.github.flexmedia.spring.properties.LoggingProperties;
import io.github.flexmedia.spring.properties.MetricsProperties;
import io.github.flexmedia.spring.properties.PlaybackProperties;
import io.github.flexmedia.spring.properties.PolicyProperties;
import io.github.flexmedia.spring.properties.QueueProperties;
import io.github.flexmedia.spring.properties.TwilioProperties;
import io.github.flexmedia.spring.properties.WebhooksProperties;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RateLimiter;
import io.github.flexmedia.twilio.RetryPolicy;
import io.github.flexmedia.twilio.TaskRouterClient;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.AttachListener;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttachStore;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.PlaybackAudit;
import io.github.flexmedia.twilio.playback.PlaybackAuthorizer;
import io.github.flexmedia.twilio.playback.RecordingResolver;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures flex-media's beans from {@code flex-media.*}; each backs off when the
 * application defines a bean of the same type.
 *
 * <ul>
 *   <li>{@link TwilioRestClient}: from {@code flex-media.twilio.*}, on {@link
 *       TwilioTaskRouterClient#singleAttemptHttpClient} (one HTTP exchange per call, so that
 *       {@code MediaAttacher}'s loop is the only retry loop) adjusted by every {@link
 *       TwilioHttpClientCustomizer};
 *   <li>{@link TaskRouterClient} on it (timed per request when metrics are on), {@link
 *       MediaPolicy} from {@code flex-media.policy.*}, {@link MediaAttacher} from {@code
 *       flex-media.attach.*};
 *   <li>{@link WebhookVerifier} from the auth token, the {@link AttachQueue} from {@code
 *       flex-media.queue.*} (shut down with the context; with {@code flex-media.queue.store=jdbc}
 *       on a {@link PendingAttachStore} in PostgreSQL through the application's {@code
 *       DataSource}), a cached {@link FlexTokenValidator},
 *       and a {@link RecordingUrlProvider} when the application defines a {@link
 *       RecordingResolver}.
 * </ul>
 *
 * <p>The Twilio client, the verifier, the queue and the token validator are lazy: they are made
 * when something uses them (the endpoints, or the application), so an application that brings its
 * own {@code TaskRouterClient} and no endpoint needs no credentials. When they are needed and a
 * property is missing, startup stops with a message naming it. Switch everything off with {@code
 * flex-media.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "flex-media.enabled", matchIfMissing = true)
@EnableConfigurationProperties({FlexMediaProperties.class, TwilioProperties.class,
    AttachProperties.class, PolicyProperties.class, QueueProperties.class, WebhooksProperties.class,
    PlaybackProperties.class, LoggingProperties.class, MetricsProperties.class})
public class FlexMediaAutoConfiguration {
  /** How long the queue may finish its work when the application stops. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
  /** How long one answer of a shared store's {@code stats()} serves the queue's gauges. */
  static final Duration STORE_STATS_MAX_AGE = Duration.ofSeconds(5);

  /** Created by Spring. */
  public FlexMediaAutoConfiguration() {}

  /**
   * The twilio-java client, from {@code flex-media.twilio.*}.
   *
   * @param twilio {@code flex-media.twilio.*}
   * @param customizers adjust the HTTP client, in order
   * @return the client
   * @throws FlexMediaConfigurationException naming a missing or malformed credential property
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public TwilioRestClient flexMediaTwilioRestClient(
      TwilioProperties twilio, ObjectProvider<TwilioHttpClientCustomizer> customizers) {
    return TwilioClients.fromProperties(twilio, customizers.orderedStream());
  }

  /**
   * The policy from {@code flex-media.policy.*}; the attacher checks every link against it.
   *
   * @param p {@code flex-media.policy.*}
   * @param properties {@code flex-media.hipaa}
   * @return the policy
   */
  @Bean
  @ConditionalOnMissingBean
  public MediaPolicy flexMediaPolicy(PolicyProperties p, FlexMediaProperties properties) {
    MediaPolicy.Builder builder = MediaPolicy.builder();
    if (!p.getAllowedHosts().isEmpty()) {
      builder.allowHosts(p.getAllowedHosts().toArray(String[]::new));
    }
    if (p.isAllowInsecureHttp()) {
      builder.allowInsecureHttp();
    }
    return builder.hipaa(properties.isHipaa()).build();
  }

  /**
   * The TaskRouter client on the {@code TwilioRestClient} bean (the application's, or the one
   * built from properties), timed per request when metrics are on.
   *
   * @param restClient the twilio-java client
   * @param instrumentation metrics, when Micrometer is present
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  TaskRouterClient flexMediaTaskRouterClient(
      TwilioRestClient restClient, ObjectProvider<Instrumentation> instrumentation) {
    return instrumentation.getIfAvailable(() -> Instrumentation.NONE)
        .instrument(new TwilioTaskRouterClient(restClient));
  }

  /**
   * The attacher, configured from {@code flex-media.attach.*} and the {@link MediaPolicy} bean.
   *
   * @param client the TaskRouter client
   * @param policy the policy every link must satisfy
   * @param attach {@code flex-media.attach.*}
   * @param rateLimiter the application's {@link RateLimiter} bean, if it defines one: every
   *     request of the attacher (and so of the queue) is paced by it
   * @return the attacher
   * @throws FlexMediaConfigurationException when a {@code flex-media.attach.*} value is out of range
   */
  @Bean
  @ConditionalOnMissingBean
  public MediaAttacher flexMediaAttacher(TaskRouterClient client, MediaPolicy policy,
      AttachProperties attach, ObjectProvider<RateLimiter> rateLimiter) {
    MediaAttacher.Builder builder = configure(MediaAttacher.builder(client), policy, attach);
    rateLimiter.ifUnique(builder::rateLimiter);
    return builder.build();
  }

  private static MediaAttacher.Builder configure(
      MediaAttacher.Builder builder, MediaPolicy policy, AttachProperties a) {
    builder.mergeMode(a.getMergeMode()).policy(policy);
    Settings.check("flex-media.attach.max-attempts", () -> builder.maxAttempts(a.getMaxAttempts()));
    RetryPolicy defaults = RetryPolicy.defaults();
    Settings.check("flex-media.attach.initial-backoff", () -> new RetryPolicy(
        defaults.maxAttempts(), a.getInitialBackoff(), a.getMaxBackoff(),
        defaults.maxRetryAfter(), defaults.jitter()));
    Settings.check("flex-media.attach.max-retry-after", () -> new RetryPolicy(
        defaults.maxAttempts(), defaults.initialBackoff(), defaults.maxBackoff(),
        a.getMaxRetryAfter(), defaults.jitter()));
    return builder.retryPolicy(new RetryPolicy(defaults.maxAttempts(), a.getInitialBackoff(),
        a.getMaxBackoff(), a.getMaxRetryAfter(), defaults.jitter()));
  }

  /**
   * Checks Twilio's webhook signatures with {@code flex-media.twilio.auth-token}.
   *
   * @param twilio {@code flex-media.twilio.*}
   * @return the verifier
   * @throws FlexMediaConfigurationException when the auth token is not set
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public WebhookVerifier flexMediaWebhookVerifier(TwilioProperties twilio) {
    return WebhookVerifier.of(Credentials.AUTH_TOKEN.require(twilio.getAuthToken(),
        "Twilio signs webhooks with the account's auth token: set it (an API key cannot verify "
            + "signatures), or define a WebhookVerifier bean."));
  }

  /**
   * Checks at startup the credentials the starter will build its client and verifier from: an
   * unresolved placeholder, a blank or a malformed value stops the application, naming the
   * property and never showing the value.
   *
   * @param beans the bean factory, to see whether the application brings its own client
   * @param twilio {@code flex-media.twilio.*}
   * @return the check, run once every singleton exists
   */
  @Bean
  CredentialsCheck flexMediaCredentialsCheck(
      ConfigurableListableBeanFactory beans, TwilioProperties twilio) {
    return new CredentialsCheck(beans, twilio);
  }

  /**
   * The queue the webhook endpoints hand attaches to: its workers attach with the {@link
   * MediaAttacher} bean (the application's, or {@link #flexMediaAttacher}); every {@link
   * AttachListener} bean hears its outcomes, and so do the metrics. Shut down with the context, finishing what it holds for up to 10 seconds.
   *
   * @param shutdown shuts the queue down with the context
   * @param attacher the attacher the workers use: the application's, or {@link #flexMediaAttacher}
   * @param q {@code flex-media.queue.*}
   * @param logging {@code flex-media.logging.*}
   * @param listeners the application's listeners
   * @param store the store: {@code flex-media.queue.store=jdbc}'s, or the application's {@link
   *     PendingAttachStore} bean; without one the queue keeps attaches in memory
   * @param instrumentation metrics, when Micrometer is present
   * @return the queue
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  AttachQueue flexMediaAttachQueue(
      QueueShutdown shutdown,
      MediaAttacher attacher,
      QueueProperties q,
      LoggingProperties logging,
      ObjectProvider<AttachListener> listeners,
      ObjectProvider<PendingAttachStore> store,
      ObjectProvider<Instrumentation> instrumentation) {
    Instrumentation metrics = instrumentation.getIfAvailable(() -> Instrumentation.NONE);
    List<AttachListener> all = new ArrayList<>();
    if (logging.isAttachFailures()) {
      all.add(new AttachFailureLog());
    }
    listeners.orderedStream().forEach(all::add);
    AttachQueue.Builder builder = AttachQueue.builder(attacher)
        .listener(outcome -> {
          metrics.attachFinished(outcome);
          all.forEach(l -> l.onOutcome(outcome));
        });
    Settings.check("flex-media.queue.workers", () -> builder.workers(q.getWorkers()));
    Settings.check("flex-media.queue.capacity", () -> builder.capacity(q.getCapacity()));
    Settings.check("flex-media.queue.attach-window", () -> builder.attachWindow(q.getAttachWindow()));
    Settings.check("flex-media.queue.lease", () -> builder.lease(q.getLease()));
    PendingAttachStore shared = store.getIfUnique();
    if (shared != null) {
      builder.store(shared);
      if (q.getStore() == QueueProperties.Store.JDBC) {
        // checked positive with the store, at startup
        builder.pollInterval(q.getJdbc().getPollInterval());
      }
    }
    AttachQueue queue = builder.build();
    // The in-memory store counts in memory; a database answers stats() with a query.
    metrics.watch(queue, shared == null ? Duration.ZERO : STORE_STATS_MAX_AGE);
    return shutdown.manage(queue);
  }

  /**
   * Builds {@code url_provider} links from {@code flex-media.webhooks.public-url} and {@code
   * flex-media.playback.url-provider.path}.
   *
   * @param webhooks {@code flex-media.webhooks.*}
   * @param playback {@code flex-media.playback.*}
   * @return the link builder
   * @throws FlexMediaConfigurationException when {@code flex-media.webhooks.public-url} is not set
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public UrlProviderLinks flexMediaUrlProviderLinks(
      WebhooksProperties webhooks, PlaybackProperties playback) {
    return new UrlProviderLinks(webhooks.getPublicUrl(), playback.getUrlProvider().getPath());
  }

  /**
   * Shuts the {@link #flexMediaAttachQueue} down with the context, if it was made, letting it
   * finish its work for up to 10 seconds; what is left is logged by task.
   *
   * @return the shutdown hook
   */
  @Bean
  QueueShutdown flexMediaAttachQueueShutdown() {
    return new QueueShutdown(SHUTDOWN_GRACE);
  }

  /**
   * Twilio's Flex token validation on the {@code TwilioRestClient} bean, behind a cache bounded by
   * {@code flex-media.playback.token-cache-*}.
   *
   * @param restClient the twilio-java client (its account validates the tokens)
   * @param p {@code flex-media.playback.*}
   * @param instrumentation metrics, when Micrometer is present
   * @return the validator
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  FlexTokenValidator flexMediaTokenValidator(
      TwilioRestClient restClient, PlaybackProperties p,
      ObjectProvider<Instrumentation> instrumentation) {
    FlexTokenValidator[] cached = new FlexTokenValidator[1];
    Settings.check("flex-media.playback.token-cache-max-entries", () -> cached[0] =
        FlexTokenValidator.cached(FlexTokenValidator.twilio(restClient),
            p.getTokenCacheMaxEntries(), p.getTokenCacheMaxAge(), Clock.systemUTC()));
    instrumentation.getIfAvailable(() -> Instrumentation.NONE).watch(cached[0]);
    return cached[0];
  }

  /**
   * The {@code url_provider} logic over the application's {@link RecordingResolver}: CORS for
   * {@code flex-media.playback.allowed-origins}, the application's {@link PlaybackAuthorizer}
   * (else one admitting {@code flex-media.playback.allowed-roles}, else Flex Insights' own rule,
   * {@link PlaybackAuthorizer#insights()}) and {@link PlaybackAudit} (else {@link
   * PlaybackAudit#log()}).
   *
   * @param validator checks the Flex token
   * @param resolver the application's resolver
   * @param authorizer the application's authorizer, if any
   * @param audit the application's access log, if any
   * @param p {@code flex-media.playback.*}
   * @param logging {@code flex-media.logging.*}
   * @param twilio {@code flex-media.twilio.*}: the secret that keys the log's fingerprints
   * @return the provider
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  @ConditionalOnBean(RecordingResolver.class)
  public RecordingUrlProvider flexMediaRecordingUrlProvider(
      FlexTokenValidator validator,
      RecordingResolver resolver,
      ObjectProvider<PlaybackAuthorizer> authorizer,
      ObjectProvider<PlaybackAudit> audit,
      PlaybackProperties p,
      LoggingProperties logging,
      TwilioProperties twilio) {
    RecordingUrlProvider.Builder builder = RecordingUrlProvider.builder(validator, resolver);
    PlaybackAuthorizer application = authorizer.getIfAvailable();
    if (application != null) {
      builder.authorizer(application);
    } else if (!p.getAllowedRoles().isEmpty()) {
      Settings.check("flex-media.playback.allowed-roles", () ->
          builder.authorizer(PlaybackAuthorizer.anyRole(p.getAllowedRoles().toArray(String[]::new))));
    }
    PlaybackAudit own = audit.getIfAvailable(() -> PlaybackAudit.NONE);
    if (logging.isPlaybackDecisions()) {
      // Keyed from the deployment's secret, which every instance shares: one user, one fingerprint
      // across the fleet. Without one (the application built its own client), a per-process key.
      String secret = twilio.getAuthToken() != null ? twilio.getAuthToken() : twilio.getApiSecret();
      PlaybackAudit log = secret == null || secret.isBlank()
          ? PlaybackAudit.log() : PlaybackAudit.log(secret);
      builder.audit(event -> {
        log.record(event);
        own.record(event);
      });
    } else {
      builder.audit(own);
    }
    Settings.check("flex-media.playback.allowed-origins",
        () -> builder.allowedOrigins(p.getAllowedOrigins().toArray(String[]::new)));
    return builder.build();
  }

  /**
   * {@code flex-media.queue.store=jdbc} with {@code flex-media-jdbc} on the class path: the store
   * on the application's {@code DataSource}. Eager, so that a missing {@code DataSource} stops the
   * application at startup, not at the first webhook.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = JdbcStores.STORE_CLASS)
  @ConditionalOnProperty(name = "flex-media.queue.store", havingValue = "jdbc")
  static class JdbcStoreConfiguration {
    @Bean
    @ConditionalOnMissingBean
    PendingAttachStore flexMediaAttachStore(
        ObjectProvider<DataSource> dataSources, QueueProperties q) {
      return JdbcStores.create(dataSources.getIfUnique(), q.getJdbc());
    }

    /**
     * Makes the (otherwise lazy) queue at startup: the shared store may already hold work — a
     * crashed instance's, other instances' offers — that this instance must take part in before
     * its first webhook.
     */
    @Bean
    SmartInitializingSingleton flexMediaAttachQueueStart(ObjectProvider<AttachQueue> queue) {
      return queue::getIfAvailable;
    }
  }

  /** {@code flex-media.queue.store=jdbc} without {@code flex-media-jdbc}: a startup failure. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass(JdbcStores.STORE_CLASS)
  @ConditionalOnProperty(name = "flex-media.queue.store", havingValue = "jdbc")
  static class MissingJdbcStoreConfiguration {
    @Bean
    @ConditionalOnMissingBean
    PendingAttachStore flexMediaAttachStore() {
      throw JdbcStores.missingJar();
    }
  }
}
