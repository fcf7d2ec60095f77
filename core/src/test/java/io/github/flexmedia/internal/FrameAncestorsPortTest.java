package io.github.flexmedia.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.internal.FrameAncestors.Result;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports in {@code frame-ancestors} sources (CSP Level 3, "host-source" matching): a source without
 * a port admits only its scheme's default port, so a self-hosted Flex on another port is not
 * admitted by a bare host.
 */
class FrameAncestorsPortTest {
  static final URI PAGE = URI.create("https://crm.example.com/page");
  static final URI FLEX_8443 = URI.create("https://flex.example.com:8443");
  static final URI FLEX = URI.create("https://flex.example.com");

  static Result judge(String policy, URI flex) {
    return FrameAncestors.evaluate(List.of(policy), PAGE, flex);
  }

  @Test
  void aBareHostDoesNotAdmitFlexOnAnotherPort() {
    assertThat(judge("frame-ancestors https://flex.example.com", FLEX_8443)).isEqualTo(Result.EXCLUDES);
    assertThat(judge("frame-ancestors flex.example.com", FLEX_8443)).isEqualTo(Result.EXCLUDES);
  }

  @Test
  void aBareHostAdmitsFlexOnTheDefaultPortWrittenOrNot() {
    assertThat(judge("frame-ancestors https://flex.example.com", FLEX)).isEqualTo(Result.ADMITS);
    assertThat(judge("frame-ancestors https://flex.example.com",
        URI.create("https://flex.example.com:443"))).isEqualTo(Result.ADMITS);
  }

  @Test
  void anExplicitPortAdmitsOnlyThatPort() {
    assertThat(judge("frame-ancestors https://flex.example.com:8443", FLEX_8443)).isEqualTo(Result.ADMITS);
    assertThat(judge("frame-ancestors https://flex.example.com:9443", FLEX_8443)).isEqualTo(Result.EXCLUDES);
    assertThat(judge("frame-ancestors https://flex.example.com:8443", FLEX)).isEqualTo(Result.EXCLUDES);
  }

  @Test
  void aWildcardPortAdmitsAnyPortAndAGarbledPortNone() {
    assertThat(judge("frame-ancestors https://flex.example.com:*", FLEX_8443)).isEqualTo(Result.ADMITS);
    assertThat(judge("frame-ancestors https://flex.example.com:84x3", FLEX_8443)).isEqualTo(Result.EXCLUDES);
  }

  @Test
  void anHttpSourceWithoutPortAdmitsHttpsOnlyOnItsDefaultPort() {
    // http: matches https too (the upgrade rule); the port must still be a default one.
    assertThat(judge("frame-ancestors http://flex.example.com", FLEX)).isEqualTo(Result.ADMITS);
    assertThat(judge("frame-ancestors http://flex.example.com", FLEX_8443)).isEqualTo(Result.EXCLUDES);
  }

  @Test
  void sameOriginComparesDefaultResolvedPorts() {
    assertThat(FrameAncestors.sameOrigin(FLEX, URI.create("https://FLEX.example.com:443/x"))).isTrue();
    assertThat(FrameAncestors.sameOrigin(FLEX, FLEX_8443)).isFalse();
    assertThat(FrameAncestors.sameOrigin(FLEX, URI.create("http://flex.example.com"))).isFalse();
  }
}
