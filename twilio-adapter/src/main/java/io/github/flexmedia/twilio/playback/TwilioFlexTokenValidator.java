package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.Sid;
import io.github.flexmedia.twilio.ConfigurationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.auth_strategy.AuthStrategy;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link FlexTokenValidator#twilio(TwilioRestClient)}: one {@code POST
 * /v1/Accounts/{AC}/Tokens/validate} per call, sent with {@code getHttpClient().makeRequest}.
 *
 * <p>Why not {@code restClient.request(...)}: that goes through {@code HttpClient.reliableRequest},
 * which repeats a 5xx three times; a token check is cheap to ask again from the player, and a
 * blocked thread is not. {@code TwilioRestClient} does not expose its credentials, so they are put
 * on the request the way twilio-java itself does it: {@code request(...)} is given a request that
 * stops the call the moment its credentials are set, before any I/O (read from twilio-java 13.0.1's
 * {@code TwilioRestClient.request}; {@code TwilioFlexTokenValidatorTest} counts the exchanges).
 */
final class TwilioFlexTokenValidator implements FlexTokenValidator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwilioRestClient restClient;
  private final String url;

  TwilioFlexTokenValidator(TwilioRestClient restClient) {
    this.restClient = Objects.requireNonNull(restClient, "restClient");
    String account = restClient.getAccountSid();
    if (!Sid.isValid(account, "AC")) {
      throw new ConfigurationException("restClient", "account SID must be 'AC' followed by 32 hex digits",
          "restClient's account SID must be 'AC' followed by 32 hex digits");
    }
    this.url = "https://iam.twilio.com/v1/Accounts/" + account + "/Tokens/validate";
  }

  @Override
  public FlexUser validate(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidFlexTokenException(0);
    }
    Response response;
    try {
      ValidateRequest request = new ValidateRequest(url);
      // Credentials first, while the request has no body: should the client have none, the probe
      // goes out without the token.
      authenticate(request);
      request.setContentType(EnumConstants.ContentType.JSON);
      request.setBody(JSON.createObjectNode().put("token", token).toString());
      request.addHeaderParam("Cache-Control", "no-cache");
      response = restClient.getHttpClient().makeRequest(request);
    } catch (TwilioException e) {
      throw new FlexTokenUnavailableException(
          "Twilio token validation did not answer: " + e.getClass().getSimpleName(), 0, e);
    }
    return read(response);
  }

  /** Lets the rest client put its credentials (and nothing else) on {@code request}. */
  private void authenticate(ValidateRequest request) {
    request.armed = true;
    try {
      restClient.request(request);
      // A client without credentials sent the request unauthenticated: Twilio answered it, and the
      // answer is not used, so that no token is ever checked without this account's credentials.
      throw new FlexTokenUnavailableException(
          "the TwilioRestClient has no credentials for token validation", 0, null);
    } catch (CredentialsSet expected) {
      request.armed = false;
    }
    if (restClient.getRegion() != null) {
      request.setRegion(restClient.getRegion());
    }
    if (restClient.getEdge() != null) {
      request.setEdge(restClient.getEdge());
    }
    if (restClient.getUserAgentExtensions() != null) {
      request.setUserAgentExtensions(restClient.getUserAgentExtensions());
    }
  }

  private static FlexUser read(Response response) {
    int status = response.getStatusCode();
    if (status == 401 || status == 403) {
      throw new FlexTokenUnavailableException(
          "Twilio refused this service's credentials for token validation (" + status + ")", status, null);
    }
    JsonNode body = null;
    try {
      String content = response.getContent();
      body = content == null || content.isBlank() ? null : JSON.readTree(content);
    } catch (IOException | RuntimeException e) {
      body = null;
    }
    boolean answered = status >= 200 && status < 300 || status == 400;
    if (!answered || body == null || !body.isObject() || !body.path("valid").isBoolean()) {
      throw new FlexTokenUnavailableException(
          "Twilio token validation answered " + status + " without a validation result", status, null);
    }
    if (!body.get("valid").booleanValue()) {
      throw new InvalidFlexTokenException(body.path("code").asInt(0));
    }
    String identity = text(body, "identity");
    if (identity == null || identity.isBlank()) {
      throw new FlexTokenUnavailableException(
          "Twilio token validation answered valid without an identity", status, null);
    }
    List<String> roles = new ArrayList<>();
    for (JsonNode role : body.path("roles")) {
      if (role.isTextual()) {
        roles.add(role.textValue());
      }
    }
    return new FlexUser(identity, text(body, "realm_user_id"), text(body, "worker_sid"), roles,
        instant(text(body, "expiration")), text(body, "flex_instance_sid"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  private static Instant instant(String iso) {
    try {
      return iso == null ? null : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "TwilioFlexTokenValidator[account=" + Redact.sid(restClient.getAccountSid()) + "]";
  }

  /** Thrown, before any I/O, when the rest client has set the credentials. */
  private static final class CredentialsSet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CredentialsSet() {
      super(null, null, false, false);
    }
  }

  /** The validation request; while armed, setting credentials ends {@code request(...)}. */
  private static final class ValidateRequest extends Request {
    private boolean armed;

    ValidateRequest(String url) {
      super(HttpMethod.POST, url);
    }

    @Override
    public void setAuth(String username, String password) {
      super.setAuth(username, password);
      if (armed) {
        throw new CredentialsSet();
      }
    }

    @Override
    public void setAuth(AuthStrategy authStrategy) {
      super.setAuth(authStrategy);
      if (armed) {
        throw new CredentialsSet();
      }
    }
  }
}
