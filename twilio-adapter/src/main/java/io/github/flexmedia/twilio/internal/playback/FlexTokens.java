package io.github.flexmedia.twilio.internal.playback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What can be known about a Flex token without asking Twilio: its shape. A Flex token is a JWE in
 * compact serialization (Twilio, "Secure Playback of Recordings from Custom Storage"; RFC 7516
 * §7.1): five base64url parts — protected header, encrypted key (empty for {@code "alg":"dir"}),
 * IV, ciphertext, tag — whose header is a JSON object naming its content encryption ({@code
 * enc}). Anything else is refused before a validation call spends the account's budget.
 */
public final class FlexTokens {
  /** The longest token looked at; a Flex JWE is well under 2 KiB. */
  public static final int MAX_LENGTH = 8_192;

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FlexTokens() {}

  /** Whether {@code token} is a compact JWE whose header JSON has a textual {@code enc}. */
  public static boolean isCompactJwe(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      return false;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 5) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      // Only the encrypted key may be empty (direct encryption has none).
      if (!PART.matcher(parts[i]).matches() || parts[i].isEmpty() && i != 1) {
        return false;
      }
    }
    try {
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      return header != null && header.isObject() && header.path("enc").isTextual()
          && !header.get("enc").textValue().isEmpty();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The token's SHA-256, hex: the only form in which a token is kept. */
  public static String digest(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
