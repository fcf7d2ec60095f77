package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.EmbeddingVerdict.Outcome;
import io.github.flexmedia.EmbeddingVerdict.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Status edges of the embedding check: which answers are redirects, errors, or judged pages. */
@Timeout(60)
class EmbeddingCheckEdgesTest {
  static final EmbeddingCheck CHECK = EmbeddingCheck.builder()
      .policy(MediaPolicy.builder().allowInsecureHttp().build()).timeout(Duration.ofSeconds(30)).build();

  HttpServer server;
  final Map<String, String[]> pages = new ConcurrentHashMap<>(); // path → status, then header pairs

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      String[] page = pages.getOrDefault(exchange.getRequestURI().getPath(), new String[] {"404"});
      for (int i = 1; i < page.length; i += 2) {
        exchange.getResponseHeaders().add(page[i], page[i + 1]);
      }
      exchange.sendResponseHeaders(Integer.parseInt(page[0]), -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  EmbeddingVerdict check(EmbeddingCheck check, String path) {
    return check.check(new MediaLink.Embedded(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), "t"));
  }

  @Test
  void status300WithALocationIsARedirect() {
    pages.put("/a", new String[] {"300", "Location", "/b"});
    pages.put("/b", new String[] {"200"});

    EmbeddingVerdict v = check(CHECK, "/a");

    assertThat(v.redirects()).isEqualTo(1);
    assertThat(v.outcome()).isEqualTo(Outcome.EMBEDDABLE);
  }

  @Test
  void status400WithALocationIsAnErrorNotARedirect() {
    pages.put("/a", new String[] {"400", "Location", "/b"});
    pages.put("/b", new String[] {"200"});

    EmbeddingVerdict v = check(CHECK, "/a");

    assertThat(v.redirects()).isZero();
    assertThat(v.reason()).isEqualTo(Reason.HTTP_ERROR_STATUS);
    assertThat(v.status()).isEqualTo(400);
  }

  @Test
  void status399WithoutFramingHeadersIsJudgedAsAPage() {
    pages.put("/a", new String[] {"399"});

    assertThat(check(CHECK, "/a").outcome()).isEqualTo(Outcome.EMBEDDABLE);
  }

  @Test
  void exactlyMaxRedirectsAreFollowedAndOneMoreIsTooMany() {
    EmbeddingCheck one = EmbeddingCheck.builder().policy(MediaPolicy.builder().allowInsecureHttp().build())
        .maxRedirects(1).build();
    pages.put("/a", new String[] {"302", "Location", "/b"});
    pages.put("/b", new String[] {"200"});
    pages.put("/c", new String[] {"302", "Location", "/a"});

    assertThat(check(one, "/a").outcome()).isEqualTo(Outcome.EMBEDDABLE);
    EmbeddingVerdict tooMany = check(one, "/c");
    assertThat(tooMany.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
    assertThat(tooMany.detail()).isEqualTo("more than 1 redirects");
  }

  @Test
  void maxRedirectsIsZeroToTen() {
    assertThat(EmbeddingCheck.builder().maxRedirects(0).build()).isNotNull();
    assertThat(EmbeddingCheck.builder().maxRedirects(10).build()).isNotNull();
    assertThatThrownBy(() -> EmbeddingCheck.builder().maxRedirects(-1))
        .hasMessage("maxRedirects must be between 0 and 10");
    assertThatThrownBy(() -> EmbeddingCheck.builder().maxRedirects(11))
        .hasMessage("maxRedirects must be between 0 and 10");
  }

  @Test
  void adviceComesOnlyWithARefusal() {
    pages.put("/admits", new String[] {"200", "Content-Security-Policy", "frame-ancestors https://flex.twilio.com"});
    pages.put("/excludes", new String[] {"200", "Content-Security-Policy", "frame-ancestors https://other.example.com"});

    EmbeddingVerdict admits = check(CHECK, "/admits");
    EmbeddingVerdict excludes = check(CHECK, "/excludes");

    assertThat(admits.advice()).isEmpty();
    assertThat(admits.detail()).startsWith("Content-Security-Policy frame-ancestors admits https://flex.twilio.com");
    assertThat(excludes.advice()).isNotEmpty();
    assertThat(excludes.detail()).startsWith("Content-Security-Policy frame-ancestors does not admit ");
  }

  @Test
  void allowFromIsSaidToBeIgnored() {
    pages.put("/allow", new String[] {"200", "X-Frame-Options", "ALLOW-FROM https://flex.twilio.com"});
    pages.put("/none", new String[] {"200"});

    assertThat(check(CHECK, "/allow").detail()).startsWith("X-Frame-Options ALLOW-FROM is ignored");
    assertThat(check(CHECK, "/none").detail()).startsWith("no X-Frame-Options and no CSP frame-ancestors");
  }
}
