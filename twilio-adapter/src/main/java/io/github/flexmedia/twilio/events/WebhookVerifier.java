package io.github.flexmedia.twilio.events;

import io.github.flexmedia.twilio.ConfigurationException;
import com.twilio.security.RequestValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  private WebhookVerifier(List<RequestValidator> validators) {
    this.validators = List.copyOf(validators);
  }

  /**
   * A verifier for requests signed with {@code authToken}, the account's primary auth token.
   *
   * @param authToken the auth token Twilio signs with
   * @return the verifier
   * @throws ConfigurationException if the token is null or blank
   */
  public static WebhookVerifier of(String authToken) {
    return new WebhookVerifier(List.of(validator("authToken", authToken)));
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
    return new WebhookVerifier(both);
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
    if (!hasBodyHash(url)) {
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

  private static boolean hasBodyHash(String url) {
    String query;
    try {
      query = new URI(url).getRawQuery();
    } catch (URISyntaxException e) {
      throw new WebhookSignatureException("the request URL is not a valid URI");
    }
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("bodySHA256=")) {
        return true;
      }
    }
    return false;
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
