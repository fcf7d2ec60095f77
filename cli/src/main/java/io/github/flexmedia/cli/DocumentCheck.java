package io.github.flexmedia.cli;

import io.github.flexmedia.MalformedAttributesException;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lint}, {@code preview} and {@code inspect} find in a task attributes document: the
 * media read tolerantly (as the library reads another writer's document), Flex's display rules
 * and TaskRouter's size limit.
 *
 * @param media the media read back; {@code null} when the document is malformed
 * @param problems every finding, in document order; the size check last
 */
record DocumentCheck(MediaAttributes media, List<Problem> problems) {
  DocumentCheck {
    problems = List.copyOf(problems);
  }

  /**
   * Checks {@code json}. The size counted is the compact one (whitespace outside strings
   * removed), as flex-media writes a document: a pretty-printed copy from the Console is judged
   * by what it would weigh when written, not by its indentation.
   */
  static DocumentCheck of(String json) {
    MediaAttributes media;
    try {
      media = MediaAttributes.fromTaskAttributes(json);
    } catch (MalformedAttributesException e) {
      return new DocumentCheck(null,
          List.of(new Problem("MALFORMED_ATTRIBUTES", e.path(), e.getMessage(), true)));
    }
    List<Problem> problems = new ArrayList<>();
    for (MediaWarning w : media.lint()) {
      problems.add(Problem.of(w));
    }
    int length = compactLength(json);
    if (length > MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH) {
      // TaskRouter: "4096 characters", whitespace included (DESIGN.md, third-wave facts).
      problems.add(new Problem("DOCUMENT_TOO_LARGE", "$", "the document is " + length
          + " characters written compactly; TaskRouter refuses attributes over "
          + MediaAttributes.MAX_TASK_ATTRIBUTES_LENGTH + " characters", true));
    }
    return new DocumentCheck(media, problems);
  }

  /** Reads {@code name} (a file, or {@code -} for {@code stdin}) and checks it. */
  static DocumentCheck load(String name, java.io.InputStream stdin) {
    try {
      return of(Input.read(name, stdin));
    } catch (Input.UnreadableException e) {
      return new DocumentCheck(null, List.of(e.problem));
    }
  }

  boolean valid() {
    return problems.stream().noneMatch(Problem::invalid);
  }

  int exitCode() {
    return valid() ? FlexMediaCli.VALID : FlexMediaCli.INVALID;
  }

  /** The document's length without whitespace outside strings (JSON's insignificant whitespace). */
  static int compactLength(String json) {
    int length = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      length++;
    }
    return length;
  }
}
