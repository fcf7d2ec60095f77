package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.EmbeddingVerdict.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Servers that mishandle {@code HEAD}: the check asks again with {@code GET}, whose headers are
 * what Flex's iframe will meet — for each status that means "not HEAD", and for no other.
 */
@Timeout(60)
class EmbeddingCheckHeadFallbackTest {
  static final EmbeddingCheck CHECK = EmbeddingCheck.builder()
      .policy(MediaPolicy.builder().allowInsecureHttp().build())
      .timeout(Duration.ofSeconds(30)).build();

  HttpServer server;
  volatile int headStatus;
  final List<String> methods = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      methods.add(exchange.getRequestMethod());
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(headStatus, -1);
      } else {
        exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
        exchange.sendResponseHeaders(200, -1);
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  EmbeddingVerdict check() {
    return CHECK.check(new MediaLink.Embedded(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page"), "t"));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 405, 501})
  void aRefusedHeadIsAskedAgainWithGet(int status) {
    headStatus = status;

    EmbeddingVerdict v = check();

    assertThat(methods).containsExactly("HEAD", "GET");
    assertThat(v.reason()).isEqualTo(Reason.X_FRAME_OPTIONS_SAMEORIGIN);
    assertThat(v.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503, 401})
  void otherErrorsAreNotRetriedWithGet(int status) {
    headStatus = status;

    EmbeddingVerdict v = check();

    assertThat(methods).containsExactly("HEAD");
    assertThat(v.reason()).isEqualTo(Reason.HTTP_ERROR_STATUS);
    assertThat(v.status()).isEqualTo(status);
  }

  @Test
  void aHeadThatAnswersIsEnough() {
    headStatus = 200;

    EmbeddingVerdict v = check();

    assertThat(methods).containsExactly("HEAD");
    assertThat(v.reason()).isEqualTo(Reason.NO_FRAMING_RESTRICTIONS);
  }
}
