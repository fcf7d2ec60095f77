package io.github.flexmedia.internal;

import io.github.flexmedia.MediaLink;

/** What the link types have in common, for code that treats them alike. */
public final class Links {
  private Links() {}

  /** The link's title, or {@code null} for a ChatTranscript, an Unknown link or none given. */
  public static String title(MediaLink link) {
    if (link instanceof MediaLink.Raw r) {
      return r.title();
    } else if (link instanceof MediaLink.Embedded e) {
      return e.title();
    } else if (link instanceof MediaLink.Referenced r) {
      return r.title();
    } else if (link instanceof MediaLink.VoiceRecording v) {
      return v.title();
    }
    return null;
  }
}
