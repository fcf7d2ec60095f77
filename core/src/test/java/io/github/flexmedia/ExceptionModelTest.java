package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.flexmedia.InvalidMediaException.Rule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExceptionModelTest {
  private static final String WR = "WR0123456789abcdef0123456789abcdef";

  @Test
  void aBrokenLinkRuleIsAFlexMediaExceptionNamingItsFieldAndRule() {
    FlexMediaException e = catchThrowableOfType(
        () -> MediaLink.embedded("http://crm.example.com/t/42", "Ticket"), FlexMediaException.class);

    assertThat(e).isInstanceOf(IllegalArgumentException.class).isInstanceOf(InvalidMediaException.class);
    assertThat(e.where()).isEqualTo("url");
    assertThat(((InvalidMediaException) e).is(Rule.HTTPS_ONLY)).isTrue();
    assertThat(((InvalidMediaException) e).rule()).isEqualTo("https-only");
  }

  @Test
  void aMalformedDocumentIsAFlexMediaExceptionNamingItsPath() {
    FlexMediaException e = catchThrowableOfType(
        () -> MediaAttributes.fromTaskAttributes("{\"conversations\":[]}"), FlexMediaException.class);

    assertThat(e).isInstanceOf(MalformedAttributesException.class);
    assertThat(e.where()).isEqualTo("conversations");
  }

  @Test
  void sidPolicyAndLintReportTheSameRuleIds() {
    InvalidMediaException sid = catchThrowableOfType(
        () -> Sid.require("taskSid", WR, "WT"), InvalidMediaException.class);
    InvalidMediaException policy = catchThrowableOfType(
        () -> MediaAttributes.builder()
            .policy(MediaPolicy.builder().allowHosts("a.example.com").build())
            .media(MediaLink.embedded("https://b.example.com/x", "X"))
            .build(),
        InvalidMediaException.class);
    MediaWarning lint = MediaAttributes.fromTaskAttributes(
            "{\"conversations\":{\"media\":[{\"type\":\"ChatTranscript\",\"sid\":\"CH1\"}]}}")
        .lint().get(0);

    assertThat(sid.is(Rule.SID_FORMAT)).isTrue();
    assertThat(policy.is(Rule.HOST_ALLOW_LIST)).isTrue();
    assertThat(policy.rule()).isEqualTo(Rule.HOST_ALLOW_LIST.id());
    assertThat(lint.code()).isEqualTo(MediaWarning.Code.INVALID_LINK);
    assertThat(lint.message()).contains("[rule: " + Rule.SID_FORMAT.id() + "]");
  }

  @Test
  void ruleIdsAreDistinctLowerCaseKebab() {
    assertThat(Arrays.stream(Rule.values()).map(Rule::id).distinct().count()).isEqualTo(Rule.values().length);
    assertThat(Rule.values()).allSatisfy(r -> assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }
}
