package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The preview page's parts, each as a supervisor would read it. */
class PreviewPageTest {
  static final String CH = "CH0123456789abcdef0123456789abcdef";
  static final String WR1 = "WR0123456789abcdef0123456789abcdef";
  static final String WR2 = "WRfedcba9876543210fedcba9876543210";

  @Test
  void tabsAreLabelledByPositionTypeAndTitleAndTheFirstIsSelected() {
    String html = MediaPreview.html(MediaAttributes.builder().media(
        MediaLink.referenced("https://t.example.com/42", "Ticket 42"),
        MediaLink.chatTranscript(CH),
        MediaLink.voiceRecording("https://r.example.com/a.wav").title("Call").build(),
        MediaLink.voiceRecording("https://r.example.com/b.wav").build()).build());

    assertThat(html).contains(
        "<input type=\"radio\" name=\"sel-t\" id=\"t-0\" checked><label for=\"t-0\">1. Referenced: Ticket 42</label>",
        "<input type=\"radio\" name=\"sel-t\" id=\"t-1\"><label for=\"t-1\">2. ChatTranscript: " + CH + "</label>",
        "<label for=\"t-2\">3. VoiceRecording: Call</label>",
        "<label for=\"t-3\">4. VoiceRecording</label>",
        "<div class=\"pane\" id=\"t-1-pane\" data-type=\"ChatTranscript\"><p class=\"transcript\">Chat transcript of channel <code>" + CH,
        "<div class=\"pane\" id=\"t-2-pane\" data-type=\"VoiceRecording\"><audio class=\"recording\" controls preload=\"none\" src=\"https://r.example.com/a.wav\">",
        "<div class=\"pane\" id=\"t-3-pane\" data-type=\"VoiceRecording\"><p class=\"unplayable\">",
        "<a class=\"referenced\" href=\"https://t.example.com/42\" target=\"_blank\" rel=\"noopener noreferrer\">Ticket 42</a>");
  }

  @Test
  void aRawLinkFirstListsTheLinksItMakesUnreachable() {
    String html = MediaPreview.html(MediaAttributes.builder().media(
        MediaLink.raw("https://crm.example.com/1", "Case"),
        MediaLink.referenced("https://b.example.com/1", "B"),
        MediaLink.embedded("https://c.example.com/1", "C")).build());

    assertThat(html).contains("<div class=\"raw-first\"><p>On drill-down Flex opens "
            + "<a class=\"raw\" href=\"https://crm.example.com/1\" target=\"_blank\" rel=\"noopener noreferrer\">Case</a>",
        "<ul class=\"unreachable\">\n<li>2. Referenced: B</li>\n<li>3. Embedded: C</li>\n</ul>")
        .doesNotContain("<div class=\"tabs\"");
  }

  @Test
  void aRawLinkAloneIsATab() {
    String html = MediaPreview.html(MediaAttributes.builder()
        .media(MediaLink.raw("https://crm.example.com/1", "Case")).build());

    assertThat(html).doesNotContain("raw-first").contains("<p>Opens in a new tab: <a class=\"raw\"");
  }

  @Test
  void eachSegmentHasItsOwnTabsAndEnoughStyleRulesForTheLongestList() {
    String html = MediaPreview.html(MediaAttributes.builder()
        .media(MediaLink.referenced("https://t.example.com/1", "T"))
        .reservationMedia(WR1, MediaLink.referenced("https://a.example.com/1", "A"))
        .reservationMedia(WR2, MediaLink.referenced("https://b.example.com/1", "B"),
            MediaLink.referenced("https://b.example.com/2", "B2"),
            MediaLink.referenced("https://b.example.com/3", "B3"))
        .build());

    assertThat(html).contains("data-list=\"t\"", "data-list=\"r0\"", "data-list=\"r1\"",
        ".tabs>input:nth-of-type(3):checked~.panes>.pane:nth-of-type(3){display:block}")
        .doesNotContain("nth-of-type(4)", "data-list=\"r2\"", "data-list=\"r-1\"");
  }

  @Test
  void aRecordingsStartAndChannelsAreNotedWhenKnown() {
    String both = MediaPreview.html(MediaAttributes.builder().media(
        MediaLink.voiceRecording("https://r.example.com/a.wav").startTimeMillis(1_764_950_400_000L)
            .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS).build()).build());
    assertThat(both).contains("<p class=\"note\">Starts 2025-12-05T16:00:00Z. Channels: customer, others.</p>");

    String channelsOnly = MediaPreview.html(MediaAttributes.builder().media(
        MediaLink.voiceRecording("https://r.example.com/a.wav").channels(RecordingChannel.OTHERS).build()).build());
    assertThat(channelsOnly).contains("<p class=\"note\">Channels: others.</p>");

    String startOnly = MediaPreview.html(MediaAttributes.builder().media(
        MediaLink.voiceRecording("https://r.example.com/a.wav").startTimeMillis(1_764_950_400_000L).build()).build());
    assertThat(startOnly).contains("<p class=\"note\">Starts 2025-12-05T16:00:00Z. </p>");

    String neither = MediaPreview.html(MediaAttributes.builder().media(
        MediaLink.voiceRecording("https://r.example.com/a.wav").build()).build());
    assertThat(neither).doesNotContain("Starts ", "Channels:");
  }

  @Test
  void aProviderRecordingIsExplainedNotPlayed() {
    String html = MediaPreview.html(MediaAttributes.builder().media(
        MediaLink.voiceRecordingViaProvider("https://p.example.com/x").build()).build());

    assertThat(html).contains("<p class=\"provider\">Played through <code>url_provider</code>")
        .doesNotContain("<audio");
  }

  @Test
  void anExplicitPortZeroStaysInTheOrigin() {
    String html = MediaPreview.html(MediaAttributes.builder()
        .media(MediaLink.embedded("https://crm.example.com:0/a", "CRM")).build());

    assertThat(PreviewPolicyOriginsTest.directive(html, "frame-src")).isEqualTo("https://crm.example.com:0");
  }
}
