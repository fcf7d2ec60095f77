package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timeouts a request really goes out with on {@code singleAttemptHttpClient}: twilio-java puts
 * its own request config on every request; the builder's default config is put back, and where
 * neither sets one a 10 s connect and a 30 s response timeout apply. Read by an interceptor
 * behind the adapter's, on requests to the loopback emulator.
 */
@SuppressWarnings("deprecation") // RequestConfig's connect timeout: what twilio-java's config sets
class SingleAttemptTimeoutsTest {
  private LocalTaskRouterServer server;
  private final List<RequestConfig> sent = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = LocalTaskRouterServer.start();
    server.router().putTask(WS, WT, "{}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The config of one fetch through a client built on {@code builder}. */
  private RequestConfig configOfAFetch(HttpClientBuilder builder) {
    builder.addExecInterceptorLast("test-capture", (request, scope, chain) -> {
      sent.add(scope.clientContext.getRequestConfig());
      return chain.proceed(request, scope);
    });
    TwilioRestClient rest = new TwilioRestClient.Builder(LocalTaskRouterServer.DEFAULT_ACCOUNT_SID,
        LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(server.route(builder)))
        .build();
    new TwilioTaskRouterClient(rest).fetchTask(WS, WT);
    assertThat(sent).hasSize(1);
    return sent.get(0);
  }

  private static long seconds(Timeout t) {
    return t.toSeconds();
  }

  @Test
  void withoutAConfigOfItsOwnARequestHasTenSecondsToConnectAndThirtyToBeAnswered() {
    RequestConfig c = configOfAFetch(HttpClientBuilder.create());

    assertThat(seconds(c.getConnectTimeout())).isEqualTo(10);
    assertThat(seconds(c.getResponseTimeout())).isEqualTo(30);
  }

  @Test
  void theBuildersOwnTimeoutsAreTheOnesSent() {
    RequestConfig own = RequestConfig.custom().setConnectTimeout(Timeout.ofSeconds(3))
        .setResponseTimeout(Timeout.ofSeconds(4)).build();

    RequestConfig c = configOfAFetch(HttpClientBuilder.create().setDefaultRequestConfig(own));

    assertThat(seconds(c.getConnectTimeout())).isEqualTo(3);
    assertThat(seconds(c.getResponseTimeout())).isEqualTo(4);
  }

  @Test
  void aBuildersConfigWithoutAResponseTimeoutGetsThirtySecondsAndKeepsItsConnectTimeout() {
    RequestConfig own = RequestConfig.custom().setConnectTimeout(Timeout.of(2500, TimeUnit.MILLISECONDS))
        .setResponseTimeout(null).build();

    RequestConfig c = configOfAFetch(HttpClientBuilder.create().setDefaultRequestConfig(own));

    assertThat(c.getConnectTimeout().toMilliseconds()).isEqualTo(2500);
    assertThat(seconds(c.getResponseTimeout())).isEqualTo(30);
  }
}
