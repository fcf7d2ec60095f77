package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.ConfigurationException;
import com.twilio.security.RequestValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Twilio's {@code X-Twilio-Signature} on webhook requests: Base64(HMAC-SHA1(auth token, URL
 * + every POST parameter sorted by name, name then value)), as Twilio signs them, through
 * twilio-java's {@link RequestValidator}.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("TWILIO_AUTH_TOKEN"))
 *     .withSecondaryToken(System.getenv("TWILIO_SECONDARY_AUTH_TOKEN"));   // during a rotation
 * verifier.verify("https://hooks.example.com/twilio/recording", formParams,
 *     request.getHeader("X-Twilio-Signature"));                          // throws if forged
 * }</pre>
 *
 * <p>The URL must be the one Twilio called, scheme, host, port, path and query included, not the
 * one your server saw behind a proxy or load balancer (which rewrite scheme, host and port); {@link
 * WebhookHandler.Builder#publicUrl(String)} rebuilds it for you. Twilio signs a URL with or without
 * the default port; both are accepted, as twilio-java does.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows no token.
 */
public final class WebhookVerifier {
  /** The request header that carries the signature. */
  public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

  private final List<RequestValidator> validators;
  private final List<SecretKeySpec> keys;

  private WebhookVerifier(List<RequestValidator> validators, List<SecretKeySpec> keys) {
    this.validators = List.copyOf(validators);
    this.keys = List.copyOf(keys);
  }

  /**
   * A verifier for requests signed with {@code authToken}, the account's primary auth token.
   *
   * @param authToken the auth token Twilio signs with
   * @return the verifier
   * @throws ConfigurationException if the token is null or blank
   */
  public static WebhookVerifier of(String authToken) {
    return new WebhookVerifier(List.of(validator("authToken", authToken)), List.of(key(authToken)));
  }

  /**
   * A verifier that also accepts requests signed with {@code secondaryToken}: while the account's
   * auth token is being rotated, Twilio may sign with either.
   *
   * @param secondaryToken the other auth token
   * @return a new verifier accepting both tokens
   * @throws ConfigurationException if the token is null or blank
   */
  public WebhookVerifier withSecondaryToken(String secondaryToken) {
    List<RequestValidator> both = new ArrayList<>(validators);
    both.add(validator("secondaryToken", secondaryToken));
    List<SecretKeySpec> bothKeys = new ArrayList<>(keys);
    bothKeys.add(key(secondaryToken));
    return new WebhookVerifier(both, bothKeys);
  }

  private static SecretKeySpec key(String token) {
    return new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
  }

  private static RequestValidator validator(String name, String token) {
    if (token == null || token.isBlank()) {
      throw new ConfigurationException(name, "is required and must not be blank");
    }
    return new RequestValidator(token);
  }

  /**
   * Checks a form-encoded request ({@code application/x-www-form-urlencoded}), such as a
   * recording status callback or a TaskRouter event callback.
   *
   * @param url the URL Twilio called, query included
   * @param formParams every POST parameter of the body (not only the ones you read: Twilio may add
   *     parameters at any time)
   * @param signatureHeader the value of {@code X-Twilio-Signature}
   * @throws WebhookSignatureException if the header is missing or blank or does not match
   */
  public void verify(String url, Map<String, String> formParams, String signatureHeader) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(formParams, "formParams");
    requirePresent(signatureHeader);
    for (RequestValidator v : validators) {
      if (v.validate(url, formParams, signatureHeader)) {
        return;
      }
    }
    throw mismatch();
  }

  /**
   * Checks a form-encoded request whose parameters may repeat ({@code Foo=a&Foo=b}). Twilio signs
   * each value: names sorted, and under each name its distinct values sorted, each appended as name
   * then value, as twilio-node's {@code getExpectedTwilioSignature} does
   * (twilio/twilio-node, {@code src/webhooks/webhooks.ts}, {@code toFormUrlEncodedParam}). Without
   * repeated names this is {@link #verify(String, Map, String)}.
   *
   * @param url the URL Twilio called, query included
   * @param formParams every POST parameter of the body, each with all its values
   * @param signatureHeader the value of {@code X-Twilio-Signature}
   * @throws WebhookSignatureException if the header is missing or blank or does not match
   */
  public void verifyForm(String url, Map<String, List<String>> formParams, String signatureHeader) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(formParams, "formParams");
    requirePresent(signatureHeader);
    Map<String, String> single = new LinkedHashMap<>();
    boolean repeated = false;
    for (Map.Entry<String, List<String>> e : formParams.entrySet()) {
      repeated |= e.getValue().size() > 1;
      single.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
    }
    if (!repeated) {
      verify(url, single, signatureHeader);
      return;
    }
    StringBuilder params = new StringBuilder();
    for (String name : new java.util.TreeMap<>(formParams).keySet()) {
      for (String value : new TreeSet<>(formParams.get(name))) {
        params.append(name).append(value);
      }
    }
    byte[] presented = signatureHeader.getBytes(StandardCharsets.UTF_8);
    for (String candidate : urlVariants(url)) {
      byte[] data = (candidate + params).getBytes(StandardCharsets.UTF_8);
      for (SecretKeySpec key : keys) {
        if (MessageDigest.isEqual(presented, hmac(key, data))) {
          return;
        }
      }
    }
    throw mismatch();
  }

  /** The URL as given, with its default port added, and without it: Twilio signs either. */
  private static List<String> urlVariants(String url) {
    List<String> variants = new ArrayList<>(List.of(url));
    try {
      URI u = new URI(url);
      int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      variants.add(new URI(u.getScheme(), u.getRawUserInfo(), u.getHost(), port, u.getRawPath(),
          null, null).toString() + tail(u));
      variants.add(new URI(u.getScheme(), u.getRawUserInfo(), u.getHost(), -1, u.getRawPath(),
          null, null).toString() + tail(u));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a URI: only the URL as given can match.
    }
    return variants;
  }

  private static String tail(URI u) {
    return (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())
        + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(key);
      return Base64.getEncoder().encode(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  /**
   * Checks a JSON request from its raw bytes: the URL's signature first (cheap), and only when it
   * matches the body's SHA-256 against {@code bodySHA256}, so a forged request costs no hashing
   * of its body.
   */
  void verifyJson(String url, byte[] body, String signatureHeader) {
    Objects.requireNonNull(body, "body");
    requirePresent(signatureHeader);
    String expected = bodyHash(url);
    if (expected == null) {
      throw new WebhookSignatureException(
          "the URL of a JSON webhook must carry the bodySHA256 query parameter Twilio adds");
    }
    verify(url, Map.of(), signatureHeader);
    byte[] actual;
    try {
      actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))
          .getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    if (!MessageDigest.isEqual(actual, expected.toLowerCase(java.util.Locale.ROOT)
        .getBytes(StandardCharsets.US_ASCII))) {
      throw mismatch();
    }
  }

  /** The {@code bodySHA256} query parameter of {@code url}, or {@code null} when it has none. */
  static String bodyHash(String url) {
    String query;
    try {
      query = new URI(url).getRawQuery();
    } catch (URISyntaxException e) {
      throw new WebhookSignatureException("the request URL is not a valid URI");
    }
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("bodySHA256=")) {
        return pair.substring("bodySHA256=".length());
      }
    }
    return null;
  }

  /**
   * Checks a request with a JSON body: Twilio then adds a {@code bodySHA256} query parameter (the
   * hex SHA-256 of the body) to the URL and signs the URL alone.
   *
   * @param url the URL Twilio called, with its {@code bodySHA256} query parameter
   * @param body the body exactly as received
   * @param signatureHeader the value of {@code X-Twilio-Signature}
   * @throws WebhookSignatureException if the header is missing or blank, the URL has no {@code
   *     bodySHA256}, or the signature or the body hash does not match
   */
  public void verifyJson(String url, String body, String signatureHeader) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
    requirePresent(signatureHeader);
    if (bodyHash(url) == null) {
      throw new WebhookSignatureException(
          "the URL of a JSON webhook must carry the bodySHA256 query parameter Twilio adds");
    }
    for (RequestValidator v : validators) {
      try {
        if (v.validate(url, body, signatureHeader)) {
          return;
        }
      } catch (URISyntaxException e) {
        throw new WebhookSignatureException("the request URL is not a valid URI");
      }
    }
    throw mismatch();
  }

  private static void requirePresent(String signatureHeader) {
    if (signatureHeader == null) {
      throw new WebhookSignatureException("the " + SIGNATURE_HEADER + " header is missing");
    }
    if (signatureHeader.isBlank()) {
      throw new WebhookSignatureException("the " + SIGNATURE_HEADER + " header is blank");
    }
  }

  private static WebhookSignatureException mismatch() {
    return new WebhookSignatureException("the " + SIGNATURE_HEADER
        + " header does not match the request: wrong URL (scheme, host, port, path or query),"
        + " altered parameters or body, or another auth token");
  }

  /** Says how many tokens are configured, never which. */
  @Override
  public String toString() {
    return "WebhookVerifier[tokens=" + validators.size() + "]";
  }
}
