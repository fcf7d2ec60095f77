package io.github.flexmedia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a supervisor will see on drill-down, in words: one entry per link with how Flex shows it,
 * by the display rules DESIGN.md lists (Raw first hides the rest, only the first recording plays,
 * a segment with its own list gets no task-level links). Links are named by type and origin only
 * (scheme and host): a path, query or title may hold PHI.
 */
final class SupervisorView {
  /** One link as the supervisor meets it. */
  record Entry(int position, String type, String origin, String shown) {}

  /** One list: the whole conversation's, or one reservation's segment. */
  record Segment(String level, String reservationSid, List<Entry> entries, String note) {}

  private SupervisorView() {}

  static List<Segment> of(MediaAttributes media) {
    List<Segment> segments = new ArrayList<>();
    if (media.isEmpty()) {
      segments.add(new Segment("task", null, List.of(),
          "no custom media: Flex shows its default call recording or chat transcript"));
      return segments;
    }
    if (media.hasTaskMedia()) {
      segments.add(new Segment("task", null, entries(media.taskMedia()),
          media.reservationMedia().isEmpty() ? ""
              : "segments with their own list below do not show these links"));
    }
    for (Map.Entry<String, List<MediaLink>> e : media.reservationMedia().entrySet()) {
      segments.add(new Segment("reservation", e.getKey(), entries(e.getValue()), ""));
    }
    return segments;
  }

  private static List<Entry> entries(List<MediaLink> links) {
    List<Entry> entries = new ArrayList<>();
    boolean rawFirst = !links.isEmpty() && links.get(0) instanceof MediaLink.Raw;
    boolean recordingSeen = false;
    for (int i = 0; i < links.size(); i++) {
      MediaLink link = links.get(i);
      String shown = link.accept(new Shown());
      if (link instanceof MediaLink.VoiceRecording) {
        if (recordingSeen) {
          shown = "not playable: only the first recording in a list plays";
        }
        recordingSeen = true;
      }
      if (rawFirst && i > 0) {
        shown = "unreachable: the first link is Raw, so the Conversation Screen does not open";
      }
      entries.add(new Entry(i + 1, type(link), origin(link), shown));
    }
    return entries;
  }

  static void print(java.io.PrintWriter out, List<Segment> segments) {
    out.println("What a supervisor sees on drill-down:");
    for (Segment s : segments) {
      out.println(s.level().equals("task") ? "  Whole conversation (task level)"
          : "  Segment of reservation " + s.reservationSid());
      for (Entry e : s.entries()) {
        out.println("    " + e.position() + ". " + e.type()
            + (e.origin().isEmpty() ? "" : " " + e.origin()) + ": " + e.shown());
      }
      if (!s.note().isEmpty()) {
        out.println("    (" + s.note() + ")");
      }
    }
  }

  static ArrayNode json(List<Segment> segments) {
    ArrayNode array = Output.JSON.createArrayNode();
    for (Segment s : segments) {
      ObjectNode node = array.addObject().put("level", s.level());
      if (s.reservationSid() != null) {
        node.put("reservation", s.reservationSid());
      }
      ArrayNode links = node.putArray("links");
      for (Entry e : s.entries()) {
        links.addObject().put("position", e.position()).put("type", e.type())
            .put("origin", e.origin()).put("shown", e.shown());
      }
      if (!s.note().isEmpty()) {
        node.put("note", s.note());
      }
    }
    return array;
  }

  /** Another writer's {@code type} string is not ours to print: an unknown link is "Unknown". */
  private static String type(MediaLink link) {
    return link instanceof MediaLink.Unknown ? "Unknown" : link.typeName();
  }

  private static String origin(MediaLink link) {
    if (link instanceof MediaLink.Page page) {
      return origin(page.url());
    }
    if (link instanceof MediaLink.VoiceRecording v) {
      return origin(v.urlProvider() != null ? v.urlProvider() : v.url());
    }
    return "";
  }

  private static String origin(URI uri) {
    return uri == null || uri.getHost() == null ? "" : uri.getScheme() + "://" + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  /** How Flex shows a link of each type, by DESIGN.md's table. */
  private static final class Shown implements MediaLink.Visitor<String> {
    @Override public String visitRaw(MediaLink.Raw l) {
      return "opens in a new browser tab";
    }

    @Override public String visitEmbedded(MediaLink.Embedded l) {
      return "shown in a frame on the Conversation Screen (the site must allow framing: check-embed)";
    }

    @Override public String visitReferenced(MediaLink.Referenced l) {
      return "shown as a link on the Conversation Screen";
    }

    @Override public String visitVoiceRecording(MediaLink.VoiceRecording l) {
      return l.urlProvider() != null
          ? "played in the recording player, its URL asked of the url_provider"
          : "played in the recording player";
    }

    @Override public String visitChatTranscript(MediaLink.ChatTranscript l) {
      return "shown as a chat transcript";
    }

    @Override public String visitFlexConversation(MediaLink.FlexConversation l) {
      return "Flex Conversations' own transcript";
    }

    @Override public String visitUnknown(MediaLink.Unknown l) {
      return "not understood: Flex may show it wrongly or not at all (see INVALID_LINK)";
    }
  }
}
