package io.github.flexmedia.twilio.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way Twilio documents it, written from the documentation and independent of
 * twilio-java's RequestValidator: Base64(HMAC-SHA1(token, URL + every parameter sorted by name,
 * name then value)).
 */
final class TwilioSigner {
  private TwilioSigner() {}

  static String sign(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    return hmac(token, data.toString());
  }

  /**
   * Signs a form whose names may repeat, as twilio-node's getExpectedTwilioSignature does: names
   * sorted, under each its distinct values sorted, each appended as name then value.
   */
  static String signRepeated(String token, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, values) ->
        new java.util.TreeSet<>(values).forEach(v -> data.append(k).append(v)));
    return hmac(token, data.toString());
  }

  private static String hmac(String token, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String formRepeated(Map<String, List<String>> params) {
    return params.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
            + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
        .collect(Collectors.joining("&"));
  }

  /** The URL Twilio calls for a JSON body: the hex SHA-256 of the body in {@code bodySHA256}. */
  static String withBodyHash(String url, String body) {
    try {
      String hash = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
      return url + (url.contains("?") ? "&" : "?") + "bodySHA256=" + hash;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
