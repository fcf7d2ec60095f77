package io.github.flexmedia.spring;

import static io.github.flexmedia.spring.Sids.ACCOUNT;
import static io.github.flexmedia.spring.Sids.TOKEN;
import static io.github.flexmedia.spring.Sids.WS;
import static io.github.flexmedia.spring.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.spring.internal.PlaybackServlet;
import io.github.flexmedia.spring.internal.WebhookServlet;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.JdkWebhookEndpoint;
import io.github.flexmedia.twilio.events.TaskRouterEvent;
import io.github.flexmedia.twilio.events.WebhookHandler;
import io.github.flexmedia.twilio.events.WebhookVerifier;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import io.github.flexmedia.twilio.testing.InMemoryTaskRouter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The servlets without a server: what the webhook handler is given (the URL Twilio signed, query
 * included, every header, the raw body), the body bound before it, and the answers written back
 * as the handlers give them. Over real HTTP: WebhooksEndToEndTest and PlaybackEndToEndTest.
 */
@Timeout(60)
class EndpointServletsTest {
  private static final String PATH = "/flex-media/taskrouter-events";
  private static final String QUERY = "tenant=north&region=eu";

  private final AttachQueue queue =
      AttachQueue.builder(MediaAttacher.builder(new InMemoryTaskRouter()).build()).build();
  private final List<TaskRouterEvent> heard = new ArrayList<>();
  private final WebhookServlet webhooks = new WebhookServlet(WebhookHandler.builder(queue)
      .verifier(WebhookVerifier.of(TOKEN))
      .onTaskRouterEvent(e -> {
        heard.add(e);
        return Optional.empty();
      }).build());

  @AfterEach
  void stop() {
    queue.shutdown(Duration.ofSeconds(5));
  }

  private static Map<String, String> event() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("EventType", "task.created");
    form.put("AccountSid", ACCOUNT);
    form.put("WorkspaceSid", WS);
    form.put("TaskSid", WT);
    form.put("Timestamp", "1764000000");
    return form;
  }

  private static MockHttpServletRequest post(Map<String, String> form, String signingToken)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
    request.setScheme("https");
    request.setServerName("hooks.example.com");
    request.setServerPort(443);
    request.setQueryString(QUERY);
    request.setContentType("application/x-www-form-urlencoded");
    request.setContent(form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8));
    request.addHeader(WebhookVerifier.SIGNATURE_HEADER, Http.twilioSignature(signingToken,
        "https://hooks.example.com" + PATH + "?" + QUERY, form));
    return request;
  }

  @Test
  void aCallbackSignedForItsUrlWithTheQueryReachesTheHandlerAndItsAnswerGoesBack()
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    webhooks.service(post(event(), TOKEN), response);

    assertThat(heard).singleElement().satisfies(e -> assertThat(e.taskSid()).isEqualTo(WT));
    assertThat(response.getStatus()).as("nothing to attach").isEqualTo(204);
    assertThat(response.getHeader("Content-Length")).as("a 204 has no body").isNull();
    assertThat(response.getContentAsByteArray()).isEmpty();
  }

  @Test
  void aForgedSignatureGetsTheHandlersRefusalWordForWord() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    webhooks.service(post(event(), "f".repeat(32)), response);

    assertThat(heard).isEmpty();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).isEqualTo("signature check failed\n");
    assertThat(response.getContentLength()).isEqualTo("signature check failed\n".length());
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
  }

  @Test
  void aGetIsRefusedWithTheAllowHeaderTheHandlerSets() throws Exception {
    MockHttpServletRequest request = post(event(), TOKEN);
    request.setMethod("GET");
    MockHttpServletResponse response = new MockHttpServletResponse();

    webhooks.service(request, response);

    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("POST");
  }

  @Test
  void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsRefusedDeclaredOrNot() throws Exception {
    int max = JdkWebhookEndpoint.MAX_BODY_BYTES;
    assertThat(statusFor(max, true)).as("declared, at the limit").isNotEqualTo(413);
    assertThat(statusFor(max + 1, true)).as("declared, over").isEqualTo(413);
    assertThat(statusFor(max, false)).as("chunked, at the limit").isNotEqualTo(413);
    assertThat(statusFor(max + 1, false)).as("chunked, over").isEqualTo(413);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
    byte[] body = post(event(), TOKEN).getContentAsByteArray();
    MockHttpServletRequest declared = new MockHttpServletRequest("POST", PATH) {
      @Override
      public long getContentLengthLong() {
        return JdkWebhookEndpoint.MAX_BODY_BYTES + 1L;
      }
    };
    declared.setContent(body);
    MockHttpServletResponse response = new MockHttpServletResponse();

    webhooks.service(declared, response);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString()).isEqualTo("request body too large\n");
    assertThat(declared.getInputStream().read()).as("the body was left unread").isNotEqualTo(-1);
    assertThat(heard).isEmpty();
  }

  private int statusFor(int bytes, boolean declared) throws Exception {
    byte[] body = new byte[bytes];
    Arrays.fill(body, (byte) 'a');
    MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH) {
      @Override
      public long getContentLengthLong() {
        return declared ? bytes : -1;
      }
    };
    request.setContent(body);
    request.addHeader(WebhookVerifier.SIGNATURE_HEADER, "unsigned");
    MockHttpServletResponse response = new MockHttpServletResponse();
    webhooks.service(request, response);
    return response.getStatus();
  }

  @Test
  void thePlaybackPreflightGetsTheProvidersCorsAnswer() throws Exception {
    PlaybackServlet playback = new PlaybackServlet(RecordingUrlProvider.builder(
        token -> {
          throw new AssertionError("a preflight validates no token");
        },
        (recording, user) -> Optional.empty()).build());
    MockHttpServletRequest preflight =
        new MockHttpServletRequest("OPTIONS", "/flex-media/url-provider");
    preflight.setQueryString("recording=RE42");
    preflight.addHeader("Origin", "https://flex.twilio.com");
    preflight.addHeader("Access-Control-Request-Method", "GET");
    preflight.addHeader("Access-Control-Request-Headers", "authorization");
    MockHttpServletResponse response = new MockHttpServletResponse();

    playback.service(preflight, response);

    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getHeader("Access-Control-Allow-Origin"))
        .isEqualTo("https://flex.twilio.com");
  }
}
