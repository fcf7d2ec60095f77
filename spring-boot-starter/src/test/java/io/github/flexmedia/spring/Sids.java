package io.github.flexmedia.spring;

import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.time.Clock;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;

/** SIDs and helpers the starter's tests share. */
final class Sids {
  static final String WS = "WS" + "0".repeat(31) + "1";
  static final String WT = "WT" + "0".repeat(31) + "2";
  static final String ACCOUNT = LocalTaskRouterServer.DEFAULT_ACCOUNT_SID;
  /** An auth token of Twilio's shape (32 hex digits): the starter refuses any other. */
  static final String TOKEN = "0123456789abcdef".repeat(2);

  private Sids() {}

  /** A TaskRouter emulator that takes {@link #ACCOUNT} and {@link #TOKEN}. */
  static LocalTaskRouterServer taskRouter() {
    return LocalTaskRouterServer.start(new InMemoryTaskRouter(), ACCOUNT, TOKEN);
  }

  /** A Flex token emulator that takes {@link #ACCOUNT} and {@link #TOKEN}. */
  static FlexTokenEmulator flexTokens() {
    return FlexTokenEmulator.start(ACCOUNT, TOKEN, Clock.systemUTC());
  }

  /** Sends every request of the properties-built client to {@code server}, whatever the host. */
  static TwilioHttpClientCustomizer routeTo(LocalTaskRouterServer server) {
    HttpHost local = new HttpHost("http", "127.0.0.1", server.port());
    return builder -> builder.setRoutePlanner((target, context) -> new HttpRoute(local));
  }
}
