package io.github.flexmedia.spring;

import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;

/** SIDs and helpers the starter's tests share. */
final class Sids {
  static final String WS = "WS" + "0".repeat(31) + "1";
  static final String WT = "WT" + "0".repeat(31) + "2";
  static final String ACCOUNT = LocalTaskRouterServer.DEFAULT_ACCOUNT_SID;
  static final String TOKEN = LocalTaskRouterServer.DEFAULT_AUTH_TOKEN;

  private Sids() {}

  /** Sends every request of the properties-built client to {@code server}, whatever the host. */
  static TwilioHttpClientCustomizer routeTo(LocalTaskRouterServer server) {
    HttpHost local = new HttpHost("http", "127.0.0.1", server.port());
    return builder -> builder.setRoutePlanner((target, context) -> new HttpRoute(local));
  }
}
