package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.auth_strategy.AuthStrategy;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the adapter hands to twilio-java's HTTP client when it bypasses twilio-java's 5xx loop on a
 * plain {@code TwilioRestClient}: the client's credentials, region, edge and user agent, one
 * exchange per call (one more only for a 401 under token auth, as twilio-java does), and a
 * failure mapped on this call's own response, never an earlier one's.
 */
@Timeout(30)
class TwilioRequestCompositionTest {
  private static final String AC = "AC0123456789abcdef0123456789abcdef";
  private static final String TASK = "{\"sid\":\"" + WT + "\",\"workspace_sid\":\"" + WS
      + "\",\"attributes\":\"{}\",\"assignment_status\":\"pending\"}";

  /** twilio-java's HTTP boundary: records each request and answers from a script. */
  static final class ScriptedHttpClient extends HttpClient {
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Deque<Object> script = new ArrayDeque<>();

    ScriptedHttpClient then(Object answer) {
      script.add(answer);
      return this;
    }

    @Override
    public Response makeRequest(Request request) {
      requests.add(request);
      Object next = script.isEmpty() ? ok(TASK) : script.poll();
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (Response) next;
    }
  }

  static Response ok(String body) {
    return new Response(body, 200, new Header[] {new BasicHeader("ETag", "\"1\"")});
  }

  private static TwilioRestClient basic(ScriptedHttpClient http) {
    return new TwilioRestClient.Builder(AC, "the-auth-token").httpClient(http).build();
  }

  @Test
  void aBypassedRequestCarriesTheClientsCredentialsRegionEdgeAndUserAgent() throws Exception {
    ScriptedHttpClient http = new ScriptedHttpClient();
    TwilioRestClient rest = new TwilioRestClient.Builder(AC, "the-auth-token")
        .region("ie1").edge("dublin").userAgentExtensions(List.of("flex-media-test"))
        .httpClient(http).build();

    new TwilioTaskRouterClient(rest).fetchTask(WS, WT);

    assertThat(http.requests).hasSize(1);
    Request sent = http.requests.get(0);
    assertThat(sent.constructURL().getHost()).isEqualTo("taskrouter.dublin.ie1.twilio.com");
    assertThat(sent.getUsername()).isEqualTo(AC);
    assertThat(sent.getPassword()).isEqualTo("the-auth-token");
    assertThat(sent.getUserAgentExtensions()).containsExactly("flex-media-test");
  }

  @Test
  void withoutRegionOrEdgeTheRequestGoesToTheDefaultHost() throws Exception {
    ScriptedHttpClient http = new ScriptedHttpClient();

    new TwilioTaskRouterClient(basic(http)).fetchTask(WS, WT);

    assertThat(http.requests.get(0).constructURL().getHost()).isEqualTo("taskrouter.twilio.com");
  }

  @Test
  void aTokenAuthenticatedClientIsAskedOnceMoreAfterA401AndABasicOneIsNot() {
    AuthStrategy token = new AuthStrategy(EnumConstants.AuthType.TOKEN) {
      @Override
      public String getAuthString() {
        return "Bearer a-token";
      }

      @Override
      public boolean requiresAuthentication() {
        return true;
      }
    };
    ScriptedHttpClient tokenHttp = new ScriptedHttpClient()
        .then(new Response("{\"code\":20003,\"status\":401}", 401));
    TwilioRestClient tokenRest = new TwilioRestClient.Builder(token).accountSid(AC)
        .httpClient(tokenHttp).build();
    ScriptedHttpClient basicHttp = new ScriptedHttpClient()
        .then(new Response("{\"code\":20003,\"status\":401}", 401));

    TaskSnapshot renewed = new TwilioTaskRouterClient(tokenRest).fetchTask(WS, WT);
    assertThatThrownBy(() -> new TwilioTaskRouterClient(basic(basicHttp)).fetchTask(WS, WT))
        .isInstanceOfSatisfying(TaskRouterException.class,
            e -> assertThat(e.kind()).isEqualTo(TaskRouterException.Kind.AUTHENTICATION));

    assertThat(renewed.etag()).isEqualTo("\"1\"");
    assertThat(tokenHttp.requests).hasSize(2);
    assertThat(tokenHttp.requests.get(0).getAuthStrategy()).isSameAs(token);
    assertThat(basicHttp.requests).hasSize(1);
  }

  @Test
  void aCallThatGotNoAnswerIsReportedAsNoResponseEvenAfterOneThatGotA429() {
    ScriptedHttpClient http = new ScriptedHttpClient()
        .then(new Response("{\"code\":20429,\"status\":429}", 429))
        .then(new ApiConnectionException("connection reset"));
    TwilioTaskRouterClient client = new TwilioTaskRouterClient(basic(http));

    assertThatThrownBy(() -> client.fetchTask(WS, WT)).isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> client.fetchTask(WS, WT))
        .isInstanceOfSatisfying(TaskRouterException.class, e -> {
          assertThat(e).isNotInstanceOf(RateLimitedException.class);
          assertThat(e.statusCode()).isZero();
          assertThat(e.getMessage()).contains("no response from TaskRouter");
        });
  }

  @Test
  void aTaskWithoutSidsInItsBodyKeepsTheSidsItWasAskedFor() {
    ScriptedHttpClient http = new ScriptedHttpClient()
        .then(ok("{\"attributes\":\"{}\"}"))
        .then(ok(TASK.replace(WS, "WS" + "f".repeat(32))));
    TwilioTaskRouterClient client = new TwilioTaskRouterClient(basic(http));

    TaskSnapshot bare = client.fetchTask(WS, WT);
    TaskSnapshot full = client.fetchTask(WS, WT);

    assertThat(bare.workspaceSid()).isEqualTo(WS);
    assertThat(bare.taskSid()).isEqualTo(WT);
    assertThat(full.workspaceSid()).isEqualTo("WS" + "f".repeat(32));
  }

  @Test
  void toStringShowsTheAccountsFirstSixCharactersOnly() {
    ScriptedHttpClient http = new ScriptedHttpClient();
    String lower = "ac0123456789abcdef0123456789abcdef";

    assertThat(new TwilioTaskRouterClient(basic(http))).hasToString(
        "TwilioTaskRouterClient[account=AC0123…]");
    assertThat(new TwilioTaskRouterClient(new TwilioRestClient.Builder(lower, "t")
        .httpClient(http).build())).hasToString("TwilioTaskRouterClient[account=AC0123…]");
    assertThat(new TwilioTaskRouterClient(new TwilioRestClient.Builder("AC012345", "t")
        .httpClient(http).build())).hasToString("TwilioTaskRouterClient[account=AC0123…]");
    assertThat(new TwilioTaskRouterClient(new TwilioRestClient.Builder("AC01234", "t")
        .httpClient(http).build())).hasToString("TwilioTaskRouterClient[account=?]");
  }

  @Test
  void aClientOnTheSingleAttemptHttpClientLogsNoWarning() {
    TwilioRestClient rest = new TwilioRestClient.Builder(AC, "the-auth-token")
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(HttpClientBuilder.create()))
        .build();
    try (LogCapture log = LogCapture.of(TwilioTaskRouterClient.class)) {
      new TwilioTaskRouterClient(rest);
      new TwilioTaskRouterClient(basic(new ScriptedHttpClient()));

      assertThat(log.lines()).hasSize(1).first().asString()
          .startsWith("WARNING flex-media: the TwilioRestClient's HTTP client ("
              + ScriptedHttpClient.class.getName() + ")")
          .contains("twilio-java's 5xx loop is bypassed");
    }
  }
}
