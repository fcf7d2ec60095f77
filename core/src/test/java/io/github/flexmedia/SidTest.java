package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Sid#isValid} and {@link Sid#require} apply one rule: the predicate agrees with the check. */
class SidTest {
  private static final String WS = "WS0123456789abcdef0123456789ABCDEF";

  @Test
  void aWellFormedSidIsValidForItsOwnPrefixOnly() {
    assertThat(Sid.isValid(WS, "WS")).isTrue();
    assertThat(Sid.isValid(WS, "WT")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "WS", "WS0123456789abcdef0123456789abcde", "WS0123456789abcdef0123456789abcdef0",
      "WS0123456789abcdef0123456789abcdeg", "ws0123456789abcdef0123456789abcdef", "WS 123456789abcdef0123456789abcdef"})
  void malformedSidsAreInvalidAndRequireRefusesTheSameOnes(String sid) {
    assertThat(Sid.isValid(sid, "WS")).isFalse();
    assertThatThrownBy(() -> Sid.require("workspaceSid", sid, "WS")).isInstanceOf(InvalidMediaException.class);
  }

  @Test
  void nullIsInvalid() {
    assertThat(Sid.isValid(null, "WS")).isFalse();
  }
}
