package io.github.flexmedia.spring;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Adjusts the Apache HttpClient under the auto-configured {@code TaskRouterClient} before it is
 * built: a proxy, TLS settings, a connection pool, or a route planner that sends every request to
 * a local emulator. Every bean of this type is applied, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * TwilioHttpClientCustomizer corporateProxy() {
 *   return builder -> builder.setProxy(new HttpHost("http", "proxy.internal", 3128));
 * }
 * }</pre>
 *
 * <p>Not applied when the application supplies its own {@code TwilioRestClient} bean: that client
 * is used as it is.
 */
@FunctionalInterface
public interface TwilioHttpClientCustomizer {

  /**
   * Adjusts {@code builder}; the starter then builds it with {@code
   * TwilioTaskRouterClient.singleAttemptHttpClient}, so that one call is one HTTP exchange and
   * {@code MediaAttacher} owns the only retry loop.
   *
   * @param builder the builder, with the starter's timeouts already set
   */
  void customize(HttpClientBuilder builder);
}
