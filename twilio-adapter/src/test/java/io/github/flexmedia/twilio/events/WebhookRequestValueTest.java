package io.github.flexmedia.twilio.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webhook request is a value: equal when method, URL, headers and body bytes are; its body is a
 * copy each way; a header asked for in any case gives its first value; and its text form shows
 * neither the URL nor the body.
 */
class WebhookRequestValueTest {
  private static final String URL = "https://hooks.example.com/twilio?token=secret-query";

  private static WebhookRequest request(String body) {
    return new WebhookRequest("POST", URL, Map.of("X-Twilio-Signature", List.of("sig", "other"),
        "X-Empty", List.of()), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void twoRequestsWithTheSameContentAreEqualAndOneByteMakesThemDiffer() {
    assertThat(request("a=1")).isEqualTo(request("a=1")).hasSameHashCodeAs(request("a=1"));
    assertThat(request("a=1")).isNotEqualTo(request("a=2"));
    assertThat(request("a=1").hashCode()).isNotEqualTo(request("a=2").hashCode());
    assertThat(request("a=1")).isNotEqualTo(new WebhookRequest("GET", URL, Map.of(), null));
    assertThat(request("a=1")).isNotEqualTo(new WebhookRequest("POST", URL + "x",
        request("a=1").headers(), "a=1".getBytes(StandardCharsets.UTF_8)));
    assertThat(request("a=1")).isNotEqualTo(new WebhookRequest("POST", URL, Map.of(),
        "a=1".getBytes(StandardCharsets.UTF_8)));
    assertThat(request("a=1")).isNotEqualTo("a=1");
  }

  @Test
  void theBodyIsCopiedEachWay() {
    byte[] given = "a=1".getBytes(StandardCharsets.UTF_8);
    WebhookRequest r = new WebhookRequest("POST", URL, Map.of(), given);
    given[0] = 'b';
    r.body()[0] = 'c';

    assertThat(r.body()).isEqualTo("a=1".getBytes(StandardCharsets.UTF_8));
    assertThat(new WebhookRequest("POST", URL, Map.of(), null).body()).isEmpty();
  }

  @Test
  void aHeaderIsFoundInAnyCaseWithItsFirstValueAndAnEmptyOneIsAbsent() {
    assertThat(request("").header("x-twilio-signature")).isEqualTo("sig");
    assertThat(request("").header("X-Empty")).isNull();
    assertThat(request("").header("Host")).isNull();
  }

  @Test
  void itsTextShowsTheMethodAndBodySizeOnly() {
    assertThat(request("a=1")).hasToString("WebhookRequest[method=POST, body=3 bytes]");
  }
}
