package io.github.flexmedia.twilio.playback;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Tokens of a Flex JWE's shape that no Twilio ever issued: junk that must cost at most a call. */
final class Jwe {
  static final String HEADER = Base64.getUrlEncoder().withoutPadding()
      .encodeToString("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}".getBytes(StandardCharsets.UTF_8));

  private Jwe() {}

  /** The {@code n}th distinct JWE-shaped token nobody issued. */
  static String junk(int n) {
    return HEADER + "..aXYtMTIzNDU2Nzg." + Integer.toString(n, 36) + "Y2lwaGVy.dGFnLXRhZy10YWc";
  }
}
