package io.github.flexmedia;

import io.github.flexmedia.internal.LinkCodec;
import io.github.flexmedia.internal.LinkKind;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@link MediaAttributes} as one self-contained HTML page showing what a supervisor gets
 * on drill-down in Flex Insights, following Flex's display rules: a selector between the links,
 * {@code Embedded} in an iframe, {@code Referenced} as a link, the first {@code VoiceRecording} in
 * an audio player (later ones marked unplayable), a placeholder for a {@code ChatTranscript}, the
 * {@code Raw}-first case as "opens in a new tab", lint warnings on top, and reservation-level
 * media grouped per segment.
 *
 * <pre>{@code
 * Path page = MediaPreview.write(media, Path.of("target/preview.html"));
 * }</pre>
 *
 * <p>The page has no script and no external asset: switching links is plain CSS. Titles and URLs
 * are escaped (they are attacker-controlled), and a strict Content-Security-Policy admits only the
 * page's own style and the origins of the framed pages and recordings. The page does contain the
 * links' URLs and titles: treat a preview of real data like the data.
 */
public final class MediaPreview {
  private static final String BASE_CSS = String.join("\n",
      "body{font:14px/1.4 system-ui,sans-serif;margin:16px;color:#1d1d1f;background:#fafafa}",
      "h1{font-size:20px}h2{font-size:16px;margin:16px 0 8px}",
      ".warnings{background:#fff4e5;border:1px solid #f0b45a;padding:8px 12px;border-radius:6px}",
      ".warnings li{margin:4px 0}.code{font-weight:600}",
      ".segment{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:12px 0}",
      ".tabs>input{position:absolute;opacity:0}",
      ".tabs>label{display:inline-block;padding:6px 10px;margin:0 4px 4px 0;border:1px solid #bbb;"
          + "border-radius:4px;cursor:pointer;background:#f2f2f2}",
      ".tabs>input:checked+label{background:#0263e0;color:#fff;border-color:#0263e0}",
      ".panes>.pane{display:none;padding:8px 0}",
      "iframe{width:100%;height:320px;border:1px solid #ccc}",
      ".unplayable,.unreachable{color:#8a1c1c}.note{color:#555}");

  private MediaPreview() {}

  /**
   * The page for {@code media}.
   *
   * @param media the media to show
   * @return a complete HTML document
   */
  public static String html(MediaAttributes media) {
    int longest = media.taskMedia().size();
    for (List<MediaLink> links : media.reservationMedia().values()) {
      longest = Math.max(longest, links.size());
    }
    StringBuilder css = new StringBuilder(BASE_CSS);
    for (int i = 1; i <= longest; i++) {
      css.append("\n.tabs>input:nth-of-type(").append(i).append("):checked~.panes>.pane:nth-of-type(")
          .append(i).append("){display:block}");
    }
    Set<String> frames = new LinkedHashSet<>();
    Set<String> audio = new LinkedHashSet<>();
    collectOrigins(media.taskMedia(), frames, audio);
    media.reservationMedia().values().forEach(l -> collectOrigins(l, frames, audio));

    StringBuilder body = new StringBuilder();
    body.append("<h1>What a supervisor sees on drill-down (Flex Insights)</h1>\n");
    List<MediaWarning> warnings = media.lint();
    if (!warnings.isEmpty()) {
      body.append("<section class=\"warnings\" id=\"warnings\"><h2>Lint warnings</h2><ul>\n");
      for (MediaWarning w : warnings) {
        body.append("<li data-code=\"").append(w.code()).append("\"><span class=\"code\">")
            .append(w.code()).append("</span> at <code>").append(esc(w.path())).append("</code>: ")
            .append(esc(w.message())).append("</li>\n");
      }
      body.append("</ul></section>\n");
    }
    if (!media.hasTaskMedia() && media.reservationMedia().isEmpty()) {
      body.append("<p class=\"note\">No custom media: Flex shows its default call recording or chat"
          + " transcript.</p>\n");
    }
    if (media.hasTaskMedia()) {
      body.append("<section class=\"segment\" data-level=\"task\"><h2>Whole conversation (task level)</h2>\n");
      list(body, "t", media.taskMedia());
      if (!media.reservationMedia().isEmpty() && !media.taskMedia().isEmpty()) {
        body.append("<p class=\"note\">Segments below have their own lists and do not show these"
            + " links.</p>\n");
      }
      body.append("</section>\n");
    }
    insights(body, media.insights());
    int r = 0;
    for (Map.Entry<String, List<MediaLink>> e : media.reservationMedia().entrySet()) {
      body.append("<section class=\"segment\" data-level=\"reservation\" data-reservation=\"")
          .append(esc(e.getKey())).append("\"><h2>Segment of reservation ").append(esc(e.getKey()))
          .append("</h2>\n");
      list(body, "r" + r++, e.getValue());
      body.append("</section>\n");
    }

    String style = css.toString();
    String csp = "default-src 'none'; style-src '" + sha256(style) + "'; frame-src "
        + sources(frames) + "; media-src " + sources(audio)
        + "; img-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        // Origins come from parsed URIs (scheme, host, port): nothing in them needs escaping.
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + "<title>Flex Insights media preview</title>\n<style>" + style + "</style>\n</head>\n<body>\n"
        + body + "</body>\n</html>\n";
  }

  /**
   * Writes the page for {@code media} to {@code file}, creating its folder.
   *
   * @return {@code file}
   * @param media the media
   * @param file the file to write
   * @throws IOException if it cannot be written
   */
  public static Path write(MediaAttributes media, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, html(media), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * The Insights fields as rows of the conversation's attributes: the label Insights derives from
   * the key, the value as written, and a note where Insights will not show it as written.
   */
  private static void insights(StringBuilder out, InsightsData data) {
    if (data.isEmpty()) {
      return;
    }
    Map<String, String> notes = new java.util.HashMap<>();
    for (MediaWarning w : data.lint()) {
      notes.putIfAbsent(w.path(), w.code().name());
    }
    out.append("<section class=\"segment\" data-level=\"insights\"><h2>Conversation data"
        + " (Flex Insights)</h2>\n<table class=\"insights\">\n");
    for (String path : data.paths()) {
      String key = path.substring(path.lastIndexOf('.') + 1);
      String value = data.json(path).orElse("");
      if (value.startsWith("\"")) {
        value = value.substring(1, value.length() - 1); // show text without its JSON quotes
      }
      out.append("<tr data-path=\"").append(esc(path)).append("\"><th>").append(esc(label(key)))
          .append("</th><td>").append(esc(value)).append("</td><td class=\"note\"><code>")
          .append(esc(path)).append("</code>");
      String note = notes.get(path);
      if (note != null) {
        out.append(" <span class=\"unreachable\">").append(note).append("</span>");
      }
      out.append("</td></tr>\n");
    }
    out.append("</table></section>\n");
  }

  /** {@code hang_up_by} → {@code Hang Up By}. */
  static String label(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    boolean start = true;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_') {
        sb.append(' ');
        start = true;
      } else {
        sb.append(start ? Character.toUpperCase(c) : c);
        start = false;
      }
    }
    return sb.toString();
  }

  private static void list(StringBuilder out, String id, List<MediaLink> links) {
    if (links.isEmpty()) {
      out.append("<p class=\"note\">An empty list: no custom media for this part.</p>\n");
      return;
    }
    if (LinkKind.of(links.get(0)) == LinkKind.RAW && links.size() > 1) {
      MediaLink.Page raw = (MediaLink.Page) links.get(0);
      out.append("<div class=\"raw-first\"><p>On drill-down Flex opens ")
          .append(anchor("raw", raw.url(), raw.title()))
          .append(" in a new tab. The Conversation Screen does not open, so these links cannot be"
              + " reached from Flex:</p><ul class=\"unreachable\">\n");
      for (int i = 1; i < links.size(); i++) {
        out.append("<li>").append(label(i, links.get(i))).append("</li>\n");
      }
      out.append("</ul></div>\n");
      return;
    }
    out.append("<div class=\"tabs\" data-list=\"").append(id).append("\">\n");
    for (int i = 0; i < links.size(); i++) {
      String inputId = id + "-" + i;
      out.append("<input type=\"radio\" name=\"sel-").append(id).append("\" id=\"").append(inputId)
          .append('"').append(i == 0 ? " checked" : "").append("><label for=\"").append(inputId)
          .append("\">").append(label(i, links.get(i))).append("</label>\n");
    }
    out.append("<div class=\"panes\">\n");
    Pane pane = new Pane(out);
    for (int i = 0; i < links.size(); i++) {
      MediaLink link = links.get(i);
      out.append("<div class=\"pane\" id=\"").append(id).append('-').append(i).append("-pane\" data-type=\"")
          .append(esc(link.typeName())).append("\">");
      link.accept(pane);
      out.append("</div>\n");
    }
    out.append("</div></div>\n");
  }

  /** One link's pane; the first recording plays, later ones do not. */
  private static final class Pane implements MediaLink.Visitor<Void> {
    private final StringBuilder out;
    private boolean recordingSeen;

    Pane(StringBuilder out) {
      this.out = out;
    }

    @Override
    public Void visitEmbedded(MediaLink.Embedded e) {
      out.append("<iframe class=\"embedded\" src=\"").append(esc(e.url().toString()))
          .append("\" title=\"").append(esc(e.title()))
          .append("\" sandbox=\"allow-scripts allow-same-origin allow-forms allow-popups\""
              + " referrerpolicy=\"no-referrer\"></iframe>");
      return null;
    }

    @Override
    public Void visitReferenced(MediaLink.Referenced ref) {
      out.append("<p>Shown as a link: ").append(anchor("referenced", ref.url(), ref.title())).append("</p>");
      return null;
    }

    @Override
    public Void visitRaw(MediaLink.Raw raw) {
      out.append("<p>Opens in a new tab: ").append(anchor("raw", raw.url(), raw.title())).append("</p>");
      return null;
    }

    @Override
    public Void visitVoiceRecording(MediaLink.VoiceRecording v) {
      recording(out, v, recordingSeen);
      recordingSeen = true;
      return null;
    }

    @Override
    public Void visitChatTranscript(MediaLink.ChatTranscript c) {
      out.append("<p class=\"transcript\">Chat transcript of channel <code>").append(esc(c.sid()))
          .append("</code> (shown by Flex from Programmable Chat).</p>");
      return null;
    }

    @Override
    public Void visitFlexConversation(MediaLink.FlexConversation f) {
      out.append("<p class=\"transcript\">Flex Conversations transcript of <code>")
          .append(esc(f.conversationSid())).append("</code> (written and shown by Flex).</p>");
      return null;
    }

    @Override
    public Void visitUnknown(MediaLink.Unknown link) {
      out.append("<p class=\"note\">Link type <code>").append(esc(link.typeName()))
          .append("</code> is unknown to flex-media; Flex may ignore it.</p>");
      return null;
    }
  }

  private static void recording(StringBuilder out, MediaLink.VoiceRecording v, boolean notFirst) {
    if (notFirst) {
      out.append("<p class=\"unplayable\">Not playable in Flex: only the first VoiceRecording of a"
          + " list plays.</p>");
    } else if (v.url() != null) {
      out.append("<audio class=\"recording\" controls preload=\"none\" src=\"")
          .append(esc(v.url().toString())).append("\"></audio>");
    } else {
      out.append("<p class=\"provider\">Played through <code>url_provider</code>: the Flex player asks"
          + " your service for <code>media_url</code> with the supervisor's token; this preview"
          + " cannot.</p>");
    }
    if (v.startTime() != null || !v.channels().isEmpty()) {
      out.append("<p class=\"note\">");
      if (v.startTime() != null) {
        out.append("Starts ").append(v.startTime()).append(". ");
      }
      if (!v.channels().isEmpty()) {
        out.append("Channels: ");
        for (int i = 0; i < v.channels().size(); i++) {
          out.append(i == 0 ? "" : ", ").append(v.channels().get(i).wireName());
        }
        out.append('.');
      }
      out.append("</p>");
    }
  }

  private static String label(int i, MediaLink link) {
    String title = LinkCodec.label(link);
    return (i + 1) + ". " + esc(link.typeName()) + (title == null ? "" : ": " + esc(title));
  }

  private static String anchor(String cls, URI url, String title) {
    return "<a class=\"" + cls + "\" href=\"" + esc(url.toString())
        + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + esc(title) + "</a>";
  }

  private static void collectOrigins(List<MediaLink> links, Set<String> frames, Set<String> audio) {
    boolean first = true;
    for (MediaLink link : links) {
      LinkKind kind = LinkKind.of(link);
      if (kind == LinkKind.EMBEDDED) {
        frames.add(origin(((MediaLink.Page) link).url()));
      } else if (kind == LinkKind.VOICE_RECORDING) {
        URI url = ((MediaLink.VoiceRecording) link).url();
        if (first && url != null) {
          audio.add(origin(url));
        }
        first = false;
      }
    }
  }

  private static String origin(URI url) {
    return url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + url.getHost()
        + (url.getPort() >= 0 ? ":" + url.getPort() : "");
  }

  private static String sources(Set<String> origins) {
    return origins.isEmpty() ? "'none'" : String.join(" ", origins);
  }

  private static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Escapes text and double-quoted attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
