package io.github.flexmedia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flexmedia.InsightsData;
import io.github.flexmedia.InsightsField;
import java.io.IOException;
import java.util.Iterator;
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
    return of(json, false);
  }

  /**
   * Checks {@code json}, with HIPAA's preserved-list rules when {@code hipaa}: on a HIPAA account
   * Twilio drops every attribute off the list (Twilio, "HIPAA for Flex Insights Historical
   * Reporting"), which is what flex-media refuses to write under {@code MediaPolicy.hipaa(true)},
   * so here it makes the document invalid.
   */
  static DocumentCheck of(String json, boolean hipaa) {
    MediaAttributes media;
    InsightsData insights;
    try {
      insights = InsightsData.fromTaskAttributes(json);
      media = MediaAttributes.fromTaskAttributes(json).withInsights(insights);
    } catch (MalformedAttributesException e) {
      return new DocumentCheck(null,
          List.of(new Problem("MALFORMED_ATTRIBUTES", e.path(), e.getMessage(), true)));
    }
    List<Problem> problems = new ArrayList<>();
    for (MediaWarning w : media.lint()) {
      problems.add(Problem.of(w));
    }
    if (hipaa) {
      problems.addAll(rootKeysOffThePreservedList(json));
      for (MediaWarning w : insights.hipaaLint()) {
        if (w.code() == MediaWarning.Code.HIPAA_NOT_PRESERVED
            || w.code() == MediaWarning.Code.HIPAA_PII_REMOVED) {
          problems.add(new Problem(w.code().name(), w.path(), w.message(), true));
        }
      }
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
  static DocumentCheck load(String name, java.io.InputStream stdin, boolean hipaa) {
    try {
      return of(Input.read(name, stdin), hipaa);
    } catch (Input.UnreadableException e) {
      return new DocumentCheck(null, List.of(e.problem));
    }
  }

  /**
   * Root keys Twilio's HIPAA filter drops: everything but {@code conversations}, {@code customers},
   * {@code reservation_attributes} and the root fields of its preserved list. Another writer's
   * routing data counts too, since it never reaches Insights on such an account. (Keys inside
   * {@code conversations} and {@code customers} are the library's {@code hipaaLint()}.)
   */
  private static List<Problem> rootKeysOffThePreservedList(String json) {
    List<Problem> out = new ArrayList<>();
    JsonNode root;
    try {
      root = Output.JSON.readTree(json == null || json.isBlank() ? "{}" : json);
    } catch (IOException e) {
      return out; // already read by the library, which would have said it is malformed
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      boolean ours = key.equals("conversations") || key.equals("customers")
          || key.equals("reservation_attributes");
      boolean preserved = InsightsField.of(key).isPresent();
      if (!ours && !preserved) {
        out.add(new Problem(MediaWarning.Code.HIPAA_NOT_PRESERVED.name(), key,
            "not on Twilio's HIPAA preserved list: dropped before Flex Insights, silently"
                + " (\"HIPAA for Flex Insights Historical Reporting\")", true));
      }
    }
    return out;
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
