package io.github.flexmedia.spring.internal;

import com.twilio.http.TwilioRestClient;
import io.github.flexmedia.spring.properties.TwilioProperties;
import io.github.flexmedia.spring.TwilioHttpClientCustomizer;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import java.util.stream.Stream;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/** Builds the twilio-java client from {@code flex-media.twilio.*}. */
public final class TwilioClients {

  private TwilioClients() {}

  /**
   * A client authenticated with the account's auth token, or with an API key when {@code api-key}
   * is set, on an HTTP stack that makes one exchange per call.
   *
   * @param twilio the bound {@code flex-media.twilio.*} properties
   * @param customizers applied to the HTTP client builder, in order
   * @return the client
   * @throws io.github.flexmedia.spring.FlexMediaConfigurationException naming a missing or
   *     malformed property
   */
  public static TwilioRestClient fromProperties(
      TwilioProperties twilio, Stream<TwilioHttpClientCustomizer> customizers) {
    String noClient = "Set it (for example from the TWILIO_ACCOUNT_SID environment variable), or "
        + "define a TwilioRestClient or TaskRouterClient bean.";
    String accountSid = Credentials.ACCOUNT_SID.require(twilio.getAccountSid(), noClient);
    TwilioRestClient.Builder builder;
    if (CredentialsCheck.isSet(twilio.getApiKey())) {
      String key = Credentials.API_KEY.check(twilio.getApiKey());
      String secret = Credentials.API_SECRET.require(twilio.getApiSecret(),
          "Set it to the API key's secret, or remove flex-media.twilio.api-key to use "
              + "flex-media.twilio.auth-token.");
      builder = new TwilioRestClient.Builder(key, secret).accountSid(accountSid);
    } else {
      String token = Credentials.AUTH_TOKEN.require(twilio.getAuthToken(),
          "Set it (for example from the TWILIO_AUTH_TOKEN environment variable), or set "
              + "flex-media.twilio.api-key and flex-media.twilio.api-secret.");
      builder = new TwilioRestClient.Builder(accountSid, token);
    }
    HttpClientBuilder http = HttpClientBuilder.create()
        .useSystemProperties()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(twilio.getConnectTimeout()))
                .setSocketTimeout(Timeout.of(twilio.getResponseTimeout()))
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(twilio.getResponseTimeout()))
            .build());
    customizers.forEachOrdered(c -> c.customize(http));
    // One HTTP exchange per call: no Apache automatic retries (a 429 or 503 repeated after sleeping
    // its whole Retry-After) and no twilio-java 5xx loop, so MediaAttacher's is the only retry loop.
    return builder.httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(http)).build();
  }

}
