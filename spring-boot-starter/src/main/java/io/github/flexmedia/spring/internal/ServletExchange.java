package io.github.flexmedia.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies a servlet request into plain values and a plain answer back: the whole adapter. */
final class ServletExchange {
  private ServletExchange() {}

  static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  /** The URL as the server received it, query included (Tomcat applies forwarded headers). */
  static String url(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURL() + (query == null ? "" : "?" + query);
  }

  static void write(HttpServletResponse response, int status, Map<String, String> headers, String body)
      throws IOException {
    response.setStatus(status);
    headers.forEach(response::setHeader);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }
}
