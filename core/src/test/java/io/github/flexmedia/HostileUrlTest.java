package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the README's hostile-URL table: refused with its rule, or accepted. */
class HostileUrlTest {
  static final String ACCEPTED = "accepted";

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("javascript:alert(1)", "web-scheme"),
        Arguments.of("JaVaScRiPt:alert(1)", "web-scheme"),
        Arguments.of("data:text/html;base64,PHNjcmlwdD4=", "web-scheme"),
        Arguments.of("file:///etc/passwd", "web-scheme"),
        Arguments.of("vbscript:msgbox(1)", "web-scheme"),
        Arguments.of("ftp://files.example.com/a", "web-scheme"),
        Arguments.of("//evil.example.com/x", "absolute"),
        Arguments.of("/relative/path", "absolute"),
        Arguments.of("https:example.com", "host"),
        Arguments.of("https://exa mple.com/", "no-whitespace"),
        Arguments.of("https://example.com/\tx", "no-whitespace"),
        Arguments.of("https://example.com/\u0000x", "no-whitespace"),
        Arguments.of("https://example.com/\u2028x", "no-whitespace"),
        Arguments.of("https://bücher.example/", "host"),
        Arguments.of("https://%65xample.com/", "host"),
        Arguments.of("https://user:pw@example.com/", "no-user-info"),
        Arguments.of("https://example.com@evil.example/", "no-user-info"),
        Arguments.of("https://evil.example\\@good.example/", "uri-syntax"),
        Arguments.of("https://example.com:99999/", "port"),
        Arguments.of("http://example.com/", "https-only"),
        Arguments.of("https://example.com/" + "a".repeat(2100), "max-length"),
        Arguments.of("https://xn--bcher-kva.example/", ACCEPTED),
        Arguments.of("https://[2001:db8::1]/rec", ACCEPTED),
        Arguments.of("https://127.0.0.1/x", ACCEPTED),
        Arguments.of("HTTPS://EXAMPLE.COM/x", ACCEPTED),
        Arguments.of("https://example.com/a%0d%0aSet-Cookie:x", ACCEPTED),
        Arguments.of("https://example.com:8443/x?y=1#z", ACCEPTED));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("table")
  void hostileUrlIsRefusedWithItsRuleOrAcceptedForAStatedReason(String url, String expected) {
    InvalidMediaException e =
        catchThrowableOfType(InvalidMediaException.class, () -> MediaLink.embedded(url, "t"));
    if (expected.equals(ACCEPTED)) {
      assertThat(e).as("accepted").isNull();
    } else {
      assertThat(e).as("refused").isNotNull();
      assertThat(e.rule()).isEqualTo(expected);
      assertThat(e.field()).isEqualTo("url");
    }
  }
}
