package io.github.flexmedia.internal;

import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaWarning;




import io.github.flexmedia.MediaWarning.Code;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Flex display rules, checked offline. */
public final class Linter {
  private Linter() {}

  /** Every warning for {@code media}, in document order. Never throws. */
  public static List<MediaWarning> lint(MediaAttributes media) {
    List<MediaWarning> out = new ArrayList<>();
    if (media.hasTaskMedia()) {
      lintList(media.taskMedia(), "conversations.media", out);
    }
    for (Map.Entry<String, List<MediaLink>> e : media.reservationMedia().entrySet()) {
      String path = "reservation_attributes." + e.getKey() + ".media";
      lintList(e.getValue(), path, out);
      if (!media.taskMedia().isEmpty()) {
        out.add(new MediaWarning(
            Code.RESERVATION_HIDES_TASK_MEDIA,
            "this reservation has its own media list, so its segment will not show the "
                + media.taskMedia().size() + " task-level link(s)",
            path));
      }
    }
    String json = media.toJson();
    int length = json.length();
    if (length > MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH) {
      out.add(new MediaWarning(
          Code.ATTRIBUTES_TOO_LARGE,
          "the media alone take " + length + " characters; TaskRouter refuses attributes over "
              + MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH,
          "$"));
    } else {
      // Twilio states "4096 characters" without the unit it counts in; characters stay the hard
      // limit, and a UTF-8 size over 4096 bytes is worth a warning in case it counts bytes.
      int bytes = json.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH) {
        out.add(new MediaWarning(
            Code.ATTRIBUTES_OVER_4096_UTF8_BYTES,
            "the media alone take " + length + " characters but " + bytes + " bytes in UTF-8;"
                + " TaskRouter documents 4096 characters without stating the unit",
            "$"));
      }
    }
    return List.copyOf(out);
  }

  private static void lintList(List<MediaLink> links, String path, List<MediaWarning> out) {
    if (links.isEmpty()) {
      return;
    }
    if (links.get(0).typeName().equals(LinkKind.RAW.typeName) && links.size() > 1) {
      out.add(new MediaWarning(
          Code.RAW_FIRST_HIDES_OTHERS,
          "the first link is Raw: Flex opens it in a new tab, the Conversation Screen does not open"
              + " and the other " + (links.size() - 1) + " link(s) cannot be reached",
          path + "[0]"));
    }
    boolean seenRecording = false;
    boolean hasDefaultKind = false;
    for (int i = 0; i < links.size(); i++) {
      MediaLink link = links.get(i);
      String at = path + "[" + i + "]";
      // By type name, so that another writer's entry Flex still treats as a recording (one with a
      // start_time in seconds, say) counts too: it is still the one Flex tries to play.
      LinkKind named = LinkKind.ofType(link.typeName());
      LinkKind kind = LinkKind.of(link);
      if (named == LinkKind.VOICE_RECORDING) {
        if (seenRecording) {
          out.add(new MediaWarning(
              Code.ONLY_FIRST_RECORDING_PLAYS,
              "only the first VoiceRecording of a list is playable; this one will not play",
              at));
        }
        seenRecording = true;
      }
      hasDefaultKind |= (named != null && named.defaultMedia) || kind.defaultMedia;
      if (kind == LinkKind.EMBEDDED && "http".equalsIgnoreCase(((MediaLink.Page) link).url().getScheme())) {
        out.add(new MediaWarning(
            Code.EMBEDDED_OVER_HTTP,
            "Embedded over plain http: Flex is served over https and browsers block such frames",
            at));
      }
      if (kind == LinkKind.UNKNOWN) {
        InvalidMediaException problem = LinkCodec.problem((MediaLink.Unknown) link);
        out.add(new MediaWarning(
            Code.INVALID_LINK,
            "another writer's link that flex-media keeps as written but cannot model: "
                + problem.field() + " " + problem.reason() + " [rule: " + problem.rule() + "];"
                + " Flex may show it wrongly or not at all",
            at));
      }
    }
    if (!hasDefaultKind) {
      out.add(new MediaWarning(
          Code.DEFAULT_MEDIA_REPLACED,
          "custom media replace Flex's default call recording and chat transcript; list them as "
              + "VoiceRecording / ChatTranscript links to keep them",
          path));
    }
  }
}
