package io.github.flexmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.flexmedia.InvalidMediaException.Rule;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The exact edges of each rule (the last value accepted, the first refused) and the exact words of
 * each message: a message is how a user learns which field broke which rule, and it must name a
 * JSON kind or an index, never a value.
 */
class MessagesAndBoundariesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"text\"  | a string",
      "42        | a number",
      "4.2       | a number",
      "true      | a boolean",
      "false     | a boolean",
      "[1]       | an array"})
  void aDocumentOfAnotherKindIsNamedByItsKind(String json, String kind) {
    assertThatThrownBy(() -> MediaAttributes.fromTaskAttributes(json))
        .isInstanceOf(MalformedAttributesException.class)
        .hasMessage("task attributes $: must be a JSON object (was " + kind + ")");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"conversations\":{\"media\":\"x\"}}    | conversations.media | a JSON array (was a string)",
      "{\"conversations\":{\"media\":{}}}       | conversations.media | a JSON array (was an object)",
      "{\"conversations\":{\"media\":[null]}}   | conversations.media[0] | a JSON object (was null)",
      "{\"conversations\":{\"media\":[7]}}      | conversations.media[0] | a JSON object (was a number)",
      "{\"conversations\":[]}                   | conversations | a JSON object (was an array)",
      "{\"conversations\":false}                | conversations | a JSON object (was a boolean)"})
  void aPartOfTheWrongKindIsNamedWithItsPath(String json, String path, String rule) {
    MalformedAttributesException e = catchThrowableOfType(MalformedAttributesException.class,
        () -> MediaAttributes.fromTaskAttributes(json));
    assertThat(e.path()).isEqualTo(path);
    assertThat(e).hasMessage("task attributes " + path + ": must be " + rule);
  }

  @ParameterizedTest
  @CsvSource({"'ab\uD800c', 2", "'a\uDC00', 1", "'\uD83D\uDE00\uD800', 2", "'\uD800', 0"})
  void anUnpairedSurrogateInATitleIsRefusedAtItsIndex(String title, int index) {
    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.referenced("https://t.example.com/1", title));
    assertThat(e.rule()).isEqualTo(Rule.VALID_UNICODE.id());
    assertThat(e.reason()).isEqualTo("must be valid Unicode (unpaired surrogate at index " + index + ")");
  }

  @Test
  void aPairedSurrogateIsAValidTitle() {
    assertThat(MediaLink.referenced("https://t.example.com/1", "ok \uD83D\uDE00").title()).endsWith("\uD83D\uDE00");
  }

  @Test
  void aControlCharacterIsRefusedAtItsIndexEvenLast() {
    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.voiceRecording("https://r.example.com/a").title("abc\u0007").build());
    assertThat(e.reason()).isEqualTo("must not contain control characters (index 3)");
    assertThat(e.field()).isEqualTo("title");
  }

  @Test
  void startTimeEdgesAreEpochMillisecondsFrom1973ToYear9999() {
    assertThat(recordingAt(100_000_000_000L).startTime()).isEqualTo(Instant.ofEpochMilli(100_000_000_000L));
    assertThat(recordingAt(253_402_300_799_999L).startTime())
        .isEqualTo(Instant.ofEpochMilli(253_402_300_799_999L));
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> recordingAt(99_999_999_999L)).reason())
        .isEqualTo("must be epoch milliseconds; 99999999999 looks like seconds (multiply by 1000)");
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> recordingAt(253_402_300_800_000L)).reason())
        .isEqualTo("must be epoch milliseconds; 253402300800000 is after year 9999 and looks like micro- or nanoseconds");
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> recordingAt(-1L)).reason())
        .isEqualTo("must not be negative (was -1)");
    assertThat(catchThrowableOfType(InvalidMediaException.class, () -> recordingAt(0L)).rule())
        .isEqualTo(Rule.EPOCH_MILLIS.id());
  }

  private static MediaLink.VoiceRecording recordingAt(long millis) {
    return MediaLink.voiceRecording("https://r.example.com/a").startTimeMillis(millis).build();
  }

  @Test
  void aUrlOf2048CharactersIsAcceptedAnd2049Refused() {
    String base = "https://r.example.com/";
    String exact = base + "a".repeat(2048 - base.length());
    assertThat(MediaLink.referenced(exact, "t").url().toString()).hasSize(2048);
    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.referenced(exact + "a", "t"));
    assertThat(e.reason()).isEqualTo("must be at most 2048 characters (was 2049)");
  }

  @Test
  void port65535IsTheLastPort() {
    assertThat(MediaLink.referenced("https://r.example.com:65535/a", "t").url().getPort()).isEqualTo(65535);
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.referenced("https://r.example.com:65536/a", "t")).rule()).isEqualTo(Rule.PORT.id());
  }

  @Test
  void aLongSchemeIsCutInTheMessage() {
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.referenced("abcdefghijklmnop://x.example.com/", "t")).reason())
        .isEqualTo("must use https (scheme 'abcdefghijklmnop' is not allowed)");
    assertThat(catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.referenced("abcdefghijklmnopq://x.example.com/", "t")).reason())
        .isEqualTo("must use https (scheme 'abcdefghijklmnop…' is not allowed)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "C     | 1 characters not starting with two upper-case letters",
      "\"\"    | an empty string",
      "CH    | it starts with 'CH' but has 2 characters, not 34",
      "WR0123456789abcdef0123456789abcdef | expected 'CH…', got 'WR…'",
      "CH0123456789abcdef0123456789abcdeg | it starts with 'CH' but has a character that is not a hex digit"})
  void aWrongSidIsDescribedWithoutItsValue(String sid, String found) {
    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.chatTranscript(sid));
    assertThat(e.reason()).contains(found);
  }

  @Test
  void theReservationSidIsTheKey() {
    String wr = "WR0123456789abcdef0123456789abcdef";
    MediaAttributes media = MediaAttributes.builder()
        .reservationMedia(wr, MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef")).build();
    assertThat(media.reservationMedia()).containsOnlyKeys(wr);
    assertThat(media.hasTaskMedia()).isFalse();
    assertThat(media.toJson()).contains("\"" + wr + "\"");
  }

  @Test
  void anExceptionIsOfItsOwnRuleOnly() {
    InvalidMediaException e = catchThrowableOfType(InvalidMediaException.class,
        () -> MediaLink.referenced("https://r.example.com/a", " "));
    assertThat(e.is(Rule.NOT_BLANK)).isTrue();
    assertThat(e.is(Rule.REQUIRED)).isFalse();
    assertThat(e.reason()).isEqualTo("must not be blank");
    assertThat(e.where()).isEqualTo("title");
  }

  @Test
  void equalValuesHashAlikeAndDifferentOnesApart() {
    MediaAttributes a = MediaAttributes.builder().media(MediaLink.referenced("https://t.example.com/1", "T")).build();
    MediaAttributes b = MediaAttributes.builder().media(MediaLink.referenced("https://t.example.com/1", "T")).build();
    MediaAttributes c = MediaAttributes.builder().media(MediaLink.referenced("https://t.example.com/2", "T")).build();
    assertThat(a.hashCode()).isEqualTo(b.hashCode()).isNotEqualTo(c.hashCode());

    MediaPolicy strict = MediaPolicy.strict();
    MediaPolicy open = MediaPolicy.builder().allowInsecureHttp().build();
    assertThat(strict.hashCode()).isEqualTo(MediaPolicy.builder().build().hashCode()).isNotEqualTo(open.hashCode());
  }

  @Test
  void policyToStringShowsATitleLimitOnlyWhenOneIsSet() {
    assertThat(MediaPolicy.strict().toString()).doesNotContain("maxTitleLength");
    assertThat(MediaPolicy.builder().maxTitleLength(80).build().toString()).endsWith(", maxTitleLength=80}");
  }

  @Test
  void maxUrlLengthRangesFromOneTo2048() {
    assertThat(MediaPolicy.builder().maxUrlLength(1).build().maxUrlLength()).isEqualTo(1);
    assertThat(MediaPolicy.builder().maxUrlLength(2048).build().maxUrlLength()).isEqualTo(2048);
    assertThatThrownBy(() -> MediaPolicy.builder().maxUrlLength(0))
        .hasMessage("maxUrlLength: must be between 1 and 2048 (was 0) [rule: range]");
    assertThatThrownBy(() -> MediaPolicy.builder().maxUrlLength(2049))
        .hasMessage("maxUrlLength: must be between 1 and 2048 (was 2049) [rule: range]");
  }

  @Test
  void aRecordingsToStringShowsEachPartThatIsSetAndNoPathOrTitle() {
    MediaLink.VoiceRecording both = MediaLink.voiceRecordingViaProvider("https://p.example.com/x?id=1")
        .url("https://r.example.com/secret.wav").startTimeMillis(1_764_950_400_000L)
        .channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS).title("Patient call").build();
    assertThat(both.toString())
        .startsWith("VoiceRecording[url=https://r.example.com")
        .contains(", url_provider=https://p.example.com", ", start_time=2025-12-05T16:00:00Z",
            ", channels=[customer, others]", ", title=")
        .doesNotContain("secret", "id=1", "Patient");
    assertThat(MediaLink.voiceRecordingViaProvider("https://p.example.com/x").build().toString())
        .startsWith("VoiceRecording[url_provider=https://p.example.com/").doesNotContain("url=", ", ");
    assertThat(MediaLink.voiceRecording("https://r.example.com/a").build().toString())
        .startsWith("VoiceRecording[url=https://r.example.com/").doesNotContain("url_provider", ", ");
  }

  @Test
  void anUnknownLinkSaysWhatItIsWithoutItsContent() {
    MediaLink link = MediaAttributes.fromTaskAttributes(
        "{\"conversations\":{\"media\":[{\"type\":\"Hologram\",\"url\":\"https://h.example.com/secret\"}]}}")
        .taskMedia().get(0);
    assertThat(link).isInstanceOf(MediaLink.Unknown.class);
    assertThat(link.toString()).startsWith("Unknown[type=Hologram, json=").doesNotContain("secret");
    assertThat(link.hashCode()).isEqualTo(MediaAttributes.fromTaskAttributes(
        "{\"conversations\":{\"media\":[{\"type\":\"Hologram\",\"url\":\"https://h.example.com/secret\"}]}}")
        .taskMedia().get(0).hashCode());
  }

  @Test
  void rawFirstCountsTheLinksItHides() {
    MediaAttributes media = MediaAttributes.builder().media(
        MediaLink.raw("https://a.example.com/1", "A"), MediaLink.referenced("https://b.example.com/1", "B"),
        MediaLink.referenced("https://c.example.com/1", "C")).build();
    assertThat(media.lint()).filteredOn(w -> w.code() == MediaWarning.Code.RAW_FIRST_HIDES_OTHERS)
        .singleElement().satisfies(w -> assertThat(w.message()).contains("the other 2 link(s)"));
    assertThat(MediaAttributes.builder().media(MediaLink.raw("https://a.example.com/1", "A")).build().lint())
        .noneMatch(w -> w.code() == MediaWarning.Code.RAW_FIRST_HIDES_OTHERS);
  }

  @Test
  void mediaOfExactly4096CharactersFitAndOneMoreDoNot() {
    MediaAttributes at4096 = mediaOfLength(4096);
    assertThat(at4096.toJson()).hasSize(4096);
    assertThat(at4096.lint()).noneMatch(w -> w.code() == MediaWarning.Code.ATTRIBUTES_TOO_LARGE);
    assertThat(mediaOfLength(4097).lint()).filteredOn(w -> w.code() == MediaWarning.Code.ATTRIBUTES_TOO_LARGE)
        .singleElement().satisfies(w -> assertThat(w.message()).startsWith("the media alone take 4097 characters"));
  }

  /** Three Referenced links whose last URL is padded so that the media take exactly {@code length}. */
  private static MediaAttributes mediaOfLength(int length) {
    String longUrl = "https://t.example.com/" + "a".repeat(1900);
    MediaAttributes.Builder base = MediaAttributes.builder()
        .media(MediaLink.referenced(longUrl, "A"), MediaLink.referenced(longUrl, "B"));
    int without = base.build().toJson().length();
    MediaAttributes probe = MediaAttributes.builder()
        .media(MediaLink.referenced(longUrl, "A"), MediaLink.referenced(longUrl, "B"),
            MediaLink.referenced("https://t.example.com/", "C")).build();
    int pad = length - probe.toJson().length();
    assertThat(pad).isPositive().isLessThan(1900);
    assertThat(without).isLessThan(length);
    return MediaAttributes.builder().media(MediaLink.referenced(longUrl, "A"), MediaLink.referenced(longUrl, "B"),
        MediaLink.referenced("https://t.example.com/" + "c".repeat(pad), "C")).build();
  }

  @Test
  void toStringShowsEachLevelThatIsPresent() {
    MediaAttributes both = MediaAttributes.builder()
        .media(MediaLink.referenced("https://t.example.com/1", "T"))
        .reservationMedia("WR0123456789abcdef0123456789abcdef", MediaLink.chatTranscript(
            "CH0123456789abcdef0123456789abcdef")).build();
    assertThat(both.toString()).startsWith("MediaAttributes{task=[").contains("], reservations={WR");
    MediaAttributes reservationsOnly = MediaAttributes.builder()
        .reservationMedia("WR0123456789abcdef0123456789abcdef", MediaLink.chatTranscript(
            "CH0123456789abcdef0123456789abcdef")).build();
    assertThat(reservationsOnly.toString()).startsWith("MediaAttributes{reservations={WR");
    assertThat(MediaAttributes.empty().toString()).isEqualTo("MediaAttributes{}");
  }

  @Test
  void aChatTranscriptKeepsTheDefaultsAsARecordingDoes() {
    MediaAttributes withTranscript = MediaAttributes.builder().media(
        MediaLink.referenced("https://t.example.com/1", "T"),
        MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef")).build();
    assertThat(withTranscript.lint()).noneMatch(w -> w.code() == MediaWarning.Code.DEFAULT_MEDIA_REPLACED);
  }

  @Test
  void pageLinksSayTheirTypeInToString() {
    assertThat(MediaLink.referenced("https://t.example.com/secret", "Title").toString())
        .startsWith("Referenced[url=https://t.example.com/").doesNotContain("secret", "Title");
  }

  @Test
  void differentUnknownLinksHashApart() {
    MediaLink a = MediaAttributes.fromTaskAttributes(
        "{\"conversations\":{\"media\":[{\"type\":\"A\"}]}}").taskMedia().get(0);
    MediaLink b = MediaAttributes.fromTaskAttributes(
        "{\"conversations\":{\"media\":[{\"type\":\"B\"}]}}").taskMedia().get(0);
    assertThat(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
  }
}
