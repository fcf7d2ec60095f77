package io.github.flexmedia.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Plain lines for people, or one JSON object for scripts ({@code --json}). */
final class Output {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Output() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ArrayNode problems(List<Problem> problems) {
    ArrayNode array = JSON.createArrayNode();
    for (Problem p : problems) {
      array.addObject()
          .put("code", p.code())
          .put("path", p.path())
          .put("message", p.message())
          .put("severity", p.invalid() ? "error" : "warning");
    }
    return array;
  }

  static void print(PrintWriter out, ObjectNode json) {
    try {
      out.println(JSON.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void lines(PrintWriter out, List<Problem> problems) {
    for (Problem p : problems) {
      out.println(p.line());
    }
  }
}
