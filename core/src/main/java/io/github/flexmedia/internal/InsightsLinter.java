package io.github.flexmedia.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flexmedia.InsightsData;
import io.github.flexmedia.InsightsField;
import io.github.flexmedia.InsightsField.Hipaa;
import io.github.flexmedia.InsightsField.Place;
import io.github.flexmedia.InsightsField.ValueType;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaWarning;
import io.github.flexmedia.MediaWarning.Code;
import io.github.flexmedia.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Flex Insights makes of {@link InsightsData}, checked offline. Not API. */
public final class InsightsLinter {
  /**
   * Numbered families and their ranges (Twilio, "Add Additional TaskRouter Data": "up to ten
   * Custom Conversation Measures … ten Custom Conversation Attributes"; customers' 1 to 3 from the
   * same page's example and the HIPAA preserved list).
   */
  private static final Pattern NUMBERED = Pattern.compile(
      "(conversations\\.(?:conversation_attribute|conversation_label|conversation_measure)"
          + "|customers\\.(?:customer_attribute|customer_label))_(\\d{1,9})");

  private InsightsLinter() {}

  /** {@code [prefix, key]}: {@code conversations.} / {@code customers.} or empty for the root. */
  public static String[] split(String path) {
    for (Place place : new Place[] {Place.CONVERSATIONS, Place.CUSTOMERS}) {
      if (path.startsWith(place.prefix())) {
        return new String[] {place.prefix(), path.substring(place.prefix().length())};
      }
    }
    return new String[] {"", path};
  }

  public static List<MediaWarning> lint(Map<String, JsonNode> values, boolean hipaa) {
    List<MediaWarning> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      String path = e.getKey();
      JsonNode value = e.getValue();
      InsightsField field = InsightsField.of(path).orElse(null);
      boolean root = split(path)[0].isEmpty();
      if (field != null) {
        typeOf(field, value, out);
      } else if (!root) {
        unknown(path, out);
      }
      if (!hipaa) {
        continue;
      }
      if (field != null && field.hipaa() == Hipaa.PII_REMOVED) {
        out.add(new MediaWarning(Code.HIPAA_PII_REMOVED,
            "Twilio removes this field as PII for HIPAA accounts before Flex Insights"
                + " (\"HIPAA for Flex Insights Historical Reporting\", Removed Attributes)", path));
      } else if (field == null || field.hipaa() == Hipaa.DROPPED) {
        out.add(new MediaWarning(Code.HIPAA_NOT_PRESERVED,
            "not on Twilio's HIPAA preserved list: dropped before Flex Insights, silently"
                + " (\"HIPAA for Flex Insights Historical Reporting\")", path));
      }
    }
    return List.copyOf(out);
  }

  private static void typeOf(InsightsField field, JsonNode value, List<MediaWarning> out) {
    if (value.isNull()) {
      return;
    }
    boolean ok = switch (field.type()) {
      case TEXT -> value.isTextual();
      case NUMBER -> value.isNumber();
      case ANY -> value.isValueNode();
    };
    if (!ok) {
      String wanted = field.type() == ValueType.TEXT ? "a JSON string"
          : field.type() == ValueType.NUMBER ? "a JSON number" : "a single value";
      out.add(new MediaWarning(Code.INSIGHTS_WRONG_TYPE,
          "Flex Insights reads this field as " + wanted + " (was " + Json.kind(value) + ")",
          field.path()));
    } else if (value.isTextual() && value.textValue().length() > InsightsData.MAX_TEXT_LENGTH) {
      out.add(new MediaWarning(Code.INSIGHTS_VALUE_TRUNCATED,
          "Flex Insights loads only the first " + InsightsData.MAX_TEXT_LENGTH + " characters (was "
              + value.textValue().length() + ")", field.path()));
    }
  }

  private static void unknown(String path, List<MediaWarning> out) {
    Matcher m = NUMBERED.matcher(path);
    if (m.matches()) {
      int max = m.group(1).startsWith("customers.") ? 3 : 10;
      out.add(new MediaWarning(Code.INSIGHTS_NUMBER_OUT_OF_RANGE,
          "Flex Insights has " + m.group(1) + "_1 to " + m.group(1) + "_" + max
              + "; this key is ignored", path));
      return;
    }
    String nearest = nearest(path);
    out.add(new MediaWarning(Code.INSIGHTS_UNKNOWN_KEY,
        "Flex Insights does not know this key and ignores it silently"
            + (nearest == null ? "" : "; did you mean " + nearest + "?"), path));
  }

  /** The closest documented path in the same place, if close enough to be a typo. */
  public static String nearest(String path) {
    String[] parts = split(path);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (InsightsField f : InsightsField.values()) {
      if (!f.place().prefix().equals(parts[0])) {
        continue;
      }
      int d = distance(parts[1], f.key());
      if (d < bestDistance) {
        bestDistance = d;
        best = f.path();
      }
    }
    // A typo changes a few characters; beyond a third of the key it is another name.
    return bestDistance <= Math.max(2, parts[1].length() / 3) ? best : null;
  }

  /** Levenshtein distance, case-insensitive. */
  public static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int sub = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }

  /**
   * The timing rule (Twilio, "Add Additional TaskRouter Data"): attributes set when the task is
   * completed or canceled are what Insights keeps, later updates change nothing; media links may
   * still be updated for two minutes after completion, then the task is deleted.
   */
  public static List<MediaWarning> timing(MediaAttributes media, TaskState state, Instant now) {
    List<MediaWarning> out = new ArrayList<>();
    if (state.isTerminal()) {
      afterCompletion(media, state, now, out);
    }
    return out;
  }

  private static void afterCompletion(
      MediaAttributes media, TaskState state, Instant now, List<MediaWarning> out) {
    for (String path : media.insights().paths()) {
      out.add(new MediaWarning(Code.WRITTEN_AFTER_COMPLETION,
          "the task is " + state.assignmentStatus() + ": Flex Insights keeps the attributes it had"
              + " then and ignores this update", path));
    }
    Duration since = Duration.between(state.terminalAt(), now);
    if (since.compareTo(TaskState.MEDIA_WINDOW) > 0) {
      String late = "the task was " + state.assignmentStatus() + " " + since.toSeconds()
          + " s ago: media may be updated only for " + TaskState.MEDIA_WINDOW.toMinutes()
          + " minutes after completion, then the task is deleted";
      if (media.hasTaskMedia()) {
        out.add(new MediaWarning(Code.WRITTEN_AFTER_COMPLETION, late, "conversations.media"));
      }
      for (String sid : media.reservationMedia().keySet()) {
        out.add(new MediaWarning(Code.WRITTEN_AFTER_COMPLETION, late,
            "reservation_attributes." + sid + ".media"));
      }
    }
  }
}
