package io.github.flexmedia.twilio.internal.http;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Response;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.Timeout;

/**
 * A twilio-java {@link NetworkHttpClient} that makes exactly one HTTP exchange per call.
 *
 * <p>Two retry loops sit below an adapter on twilio-java 13: {@code HttpClient.reliableRequest}
 * repeats any 5xx three times, 100 ms apart (POSTs included, swallowing an interrupt while it
 * waits), and Apache HttpClient 5's default retry strategy repeats a 429 or 503 once after
 * sleeping the whole {@code Retry-After}, and an idempotent request after some I/O failures. This
 * client turns both off ({@link #shouldRetry} is always false, {@code disableAutomaticRetries()}),
 * so that {@code MediaAttacher} owns the only retry loop.
 *
 * <p>Timeouts: {@code NetworkHttpClient.makeRequest} puts twilio-java's own {@code
 * DEFAULT_REQUEST_CONFIG} on every request (connect 30.5 s, no response timeout), which hides the
 * builder's default request config. An interceptor puts the builder's own config back when it has
 * one, and fills in a connect timeout of {@link #CONNECT_TIMEOUT} and a response timeout of {@link
 * #RESPONSE_TIMEOUT} where it sets none.
 */
public final class SingleAttemptHttpClient extends NetworkHttpClient {
  /** The connect timeout used when the builder's default request config sets none. */
  static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);
  /** The response timeout used when the builder's default request config sets none. */
  static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(30);

  private SingleAttemptHttpClient(HttpClientBuilder base, AtomicReference<RequestConfig> effective) {
    super(base);
    effective.set(effectiveConfig(client));
  }

  /**
   * Wraps {@code base}: its automatic retries are turned off and a timeout interceptor added (so do
   * not reuse the builder); everything else it holds (proxy, TLS, route planner, pool) stays.
   */
  public static SingleAttemptHttpClient of(HttpClientBuilder base) {
    AtomicReference<RequestConfig> effective = new AtomicReference<>();
    base.disableAutomaticRetries();
    base.addExecInterceptorFirst("flex-media-timeouts", (request, scope, chain) -> {
      HttpClientContext context = scope.clientContext;
      // Only the config twilio-java puts on every request is replaced; one set by anyone else stays.
      if (context.getRequestConfig() == HttpClient.DEFAULT_REQUEST_CONFIG && effective.get() != null) {
        context.setRequestConfig(effective.get());
      }
      return chain.proceed(request, scope);
    });
    return new SingleAttemptHttpClient(base, effective);
  }

  /**
   * What a service gets from {@code fromEnvironment()}: twilio-java's default pool (20 connections
   * per route, 100 in all) and system properties (proxy, TLS) as its no-argument {@code
   * NetworkHttpClient} uses them.
   */
  public static HttpClientBuilder defaultBuilder() {
    HttpClientBuilder builder = HttpClientBuilder.create();
    String appEngine = System.getProperty("com.google.appengine.runtime.version");
    if (appEngine == null || appEngine.isEmpty()) {
      builder.useSystemProperties();
    }
    return builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
        .useSystemProperties()
        .setMaxConnPerRoute(20)
        .setMaxConnTotal(100)
        .build());
  }

  @SuppressWarnings("deprecation") // RequestConfig's connect timeout: what twilio-java's config sets
  private static RequestConfig effectiveConfig(CloseableHttpClient client) {
    RequestConfig own = client instanceof Configurable ? ((Configurable) client).getConfig() : null;
    boolean hasOwn = own != null && own != RequestConfig.DEFAULT;
    RequestConfig from = hasOwn ? own : HttpClient.DEFAULT_REQUEST_CONFIG;
    RequestConfig.Builder b = RequestConfig.copy(from);
    if (!hasOwn || from.getConnectTimeout() == null) {
      b.setConnectTimeout(CONNECT_TIMEOUT);
    }
    if (from.getResponseTimeout() == null) {
      b.setResponseTimeout(RESPONSE_TIMEOUT);
    }
    return b.build();
  }

  /** Never: one call, one exchange. */
  @Override
  protected boolean shouldRetry(Response response, int[] retryCodes) {
    return false;
  }
}
