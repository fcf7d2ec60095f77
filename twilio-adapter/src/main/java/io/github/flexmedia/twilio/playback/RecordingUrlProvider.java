package io.github.flexmedia.twilio.playback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flexmedia.InvalidMediaException;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.internal.playback.FlexTokens;
import io.github.flexmedia.twilio.playback.PlaybackEvent.Decision;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code url_provider} endpoint's logic, framework-neutral: a {@link PlaybackRequest} in, a
 * {@link PlaybackResponse} out.
 *
 * <pre>{@code
 * RecordingUrlProvider provider = RecordingUrlProvider.builder(
 *         FlexTokenValidator.cached(FlexTokenValidator.twilio(restClient), 10_000,
 *             Duration.ofMinutes(1), Clock.systemUTC()),
 *         (recordingId, user) -> storage.presignedUrl(recordingId, Duration.ofMinutes(5)))
 *     .audit(event -> accessLog.write(event))
 *     .build();
 * PlaybackResponse res = provider.handle(PlaybackRequest.of(method, rawQuery, headers));
 * }</pre>
 *
 * <p>In order: an {@code OPTIONS} is a CORS preflight, answered 204 for an allowed origin asking
 * for {@code GET} with at most {@code Authorization}, the CORS-safelisted request headers, {@code
 * Cache-Control} and {@code Pragma}, 403 otherwise; a method other
 * than {@code GET} is 405; a {@code GET} with an {@code Origin} that is not allowed is 403 (with
 * no CORS headers, so the browser shows the page nothing); a missing, repeated or malformed
 * recording id (the {@value #DEFAULT_RECORDING_PARAMETER} parameter, {@link #DEFAULT_RECORDING_ID}) is 400; no
 * {@code Authorization}, one that is not {@code Basic base64(user:token)} (over 16,384 characters,
 * not Base64, no colon, a token that is not a compact JWE — Twilio is not asked), or a token
 * Twilio refuses is 401 with {@code WWW-Authenticate}; a token that could not be checked is 503; the {@link PlaybackAuthorizer}'s
 * refusal is 403; an unknown recording is 404; otherwise 200 {@code {"media_url": "…"}}. Every
 * answer has {@code Content-Type: application/json; charset=utf-8}, {@code Cache-Control:
 * no-store} and {@code Vary: Origin}; answers to an allowed
 * origin carry {@code Access-Control-Allow-Origin} with that origin. Bodies are fixed JSON error
 * words: nothing from the request is echoed.
 *
 * <p>Every decision goes to the {@link PlaybackAudit}. Thread-safe when its parts are.
 *
 * <p>The links that play through it are written by {@link #voiceRecording(String, String)}:
 *
 * <pre>{@code
 * MediaLink.VoiceRecording link = RecordingUrlProvider.voiceRecording(
 *         "https://playback.example.com/recordings", "RE0123456789abcdef0123456789abcdef")
 *     .startTimeMillis(startedAt).channels(RecordingChannel.CUSTOMER, RecordingChannel.OTHERS)
 *     .build();
 * }</pre>
 */
public final class RecordingUrlProvider {
  /** Where the Insights player calls from on Twilio-hosted Flex (see the README to find yours). */
  public static final List<String> DEFAULT_ALLOWED_ORIGINS =
      List.of("https://flex.twilio.com", "https://analytics.ytica.com");
  /**
   * The query parameter holding the recording id, as {@link #providerUrl} writes it and the
   * provider reads it: one name, so that every link it wrote is one it reads.
   */
  public static final String DEFAULT_RECORDING_PARAMETER = "recording";
  /**
   * Recording ids admitted: 1 to 128 letters, digits, {@code _} and {@code -} — a Twilio {@code RE}
   * SID or a storage key, never a path or a URL of its own (no {@code /}, {@code .} or {@code %}).
   */
  public static final Pattern DEFAULT_RECORDING_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /**
   * The longest media URL handed out: 8 KiB. S3 URLs pre-signed with session (STS) credentials
   * carry {@code X-Amz-Security-Token} and run past 2,048 characters.
   */
  public static final int MAX_MEDIA_URL_LENGTH = 8_192;

  static final int MAX_AUTHORIZATION_LENGTH = 16_384;
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final Set<String> PREFLIGHT_HEADERS = Set.of("authorization", "accept", "accept-language",
      "content-language", "content-type", "range", "cache-control", "pragma");
  private static final String ALLOW_HEADERS =
      "Authorization, Accept, Accept-Language, Content-Language, Content-Type, Range, Cache-Control, Pragma";
  private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "Basic realm=\"flex-media playback\", charset=\"UTF-8\"";

  private final FlexTokenValidator validator;
  private final RecordingResolver resolver;
  private final PlaybackAuthorizer authorizer;
  private final PlaybackAudit audit;
  private final Set<String> allowedOrigins;
  private final boolean allowHttpMediaUrls;
  private final Clock clock;

  private RecordingUrlProvider(Builder b) {
    this.validator = b.validator;
    this.resolver = b.resolver;
    this.authorizer = b.authorizer;
    this.audit = b.audit;
    this.allowedOrigins = Set.copyOf(b.allowedOrigins);
    this.allowHttpMediaUrls = b.allowHttpMediaUrls;
    this.clock = b.clock;
  }

  /**
   * The provider URL for one recording: {@code providerUrl} with {@code recording=<id>} added to
   * its query ({@link #DEFAULT_RECORDING_PARAMETER}), the id percent-encoded.
   *
   * @param providerUrl your endpoint, {@code https}, with or without a query of its own
   * @param recordingId the recording, matching {@link #DEFAULT_RECORDING_ID}
   * @return the URL
   * @throws InvalidMediaException when the id breaks the pattern (the id is not in the message)
   *     or the URL has a fragment
   */
  public static String providerUrl(String providerUrl, String recordingId) {
    if (providerUrl == null) {
      throw new InvalidMediaException("url_provider", "required", "url_provider must not be null");
    }
    if (recordingId == null || !DEFAULT_RECORDING_ID.matcher(recordingId).matches()) {
      throw new InvalidMediaException("recording", "recording-id",
          "recording id must be 1 to 128 letters, digits, '_' or '-'");
    }
    if (providerUrl.indexOf('#') >= 0) {
      throw new InvalidMediaException("url_provider", "no-fragment", "url_provider must not have a fragment");
    }
    String separator = providerUrl.indexOf('?') < 0 ? "?"
        : providerUrl.endsWith("?") || providerUrl.endsWith("&") ? "" : "&";
    return providerUrl + separator + DEFAULT_RECORDING_PARAMETER + "="
        + URLEncoder.encode(recordingId, StandardCharsets.UTF_8);
  }

  /**
   * A {@code VoiceRecording} that plays through your provider ({@code url_provider} set to {@link
   * #providerUrl}), validated like every link ({@code https} only, no user-info, at most 2048
   * characters).
   *
   * @param providerUrl your endpoint
   * @param recordingId the recording
   * @return the link's builder, for start time, channels and title
   * @throws InvalidMediaException when the id breaks the pattern
   */
  public static MediaLink.VoiceRecording.Builder voiceRecording(String providerUrl, String recordingId) {
    return MediaLink.voiceRecordingViaProvider(providerUrl(providerUrl, recordingId));
  }

  /**
   * A builder with the defaults: {@link #DEFAULT_ALLOWED_ORIGINS}, {@link
   * PlaybackAuthorizer#insights()} (Flex Insights' own rule), {@link PlaybackAudit#log()}, parameter {@code recording}, {@link
   * #DEFAULT_RECORDING_ID}, {@code https} media URLs only, the system UTC clock.
   *
   * @param validator checks the Flex token (wrap it in {@link FlexTokenValidator#cached})
   * @param resolver makes the signed media URL
   * @return the builder
   */
  public static Builder builder(FlexTokenValidator validator, RecordingResolver resolver) {
    return new Builder(validator, resolver);
  }

  /**
   * Answers one request. Never throws: not for anything in the request, nor when the validator,
   * the authorizer, the resolver or the audit fails (that is a 500).
   *
   * @param request the request
   * @return the answer to write back
   */
  public PlaybackResponse handle(PlaybackRequest request) {
    Objects.requireNonNull(request, "request");
    String origin = request.header("Origin");
    boolean allowed = origin != null && allowedOrigins.contains(origin);
    try {
      return decideFor(request, origin, allowed);
    } catch (RuntimeException e) {
      // A failing authorizer or validator of the application's own: nothing is handed out.
      return decide(Decision.ERROR, headers(origin, allowed), null, null, request);
    }
  }

  private PlaybackResponse decideFor(PlaybackRequest request, String origin, boolean allowed) {
    String method = request.method().toUpperCase(Locale.ROOT);
    if (method.equals("OPTIONS")) {
      return preflight(request, origin, allowed);
    }
    if (!method.equals("GET")) {
      Map<String, String> h = headers(origin, allowed);
      h.put("Allow", "GET, OPTIONS");
      return decide(Decision.METHOD_NOT_ALLOWED, h, null, null, request);
    }
    if (origin != null && !allowed) {
      return decide(Decision.ORIGIN_REFUSED, headers(null, false), null, null, request);
    }
    String recordingId = recordingId(request.rawQuery());
    if (recordingId == null) {
      return decide(Decision.BAD_RECORDING_ID, headers(origin, allowed), null, null, request);
    }
    List<String> authorization = request.headers("Authorization");
    if (authorization.isEmpty()) {
      return unauthorized(Decision.NO_CREDENTIALS, request, allowed, recordingId);
    }
    String token = authorization.size() == 1 ? token(authorization.get(0)) : null;
    if (token == null) {
      return unauthorized(Decision.MALFORMED_CREDENTIALS, request, allowed, recordingId);
    }
    FlexUser user;
    try {
      user = validator.validate(token);
    } catch (InvalidFlexTokenException e) {
      return unauthorized(Decision.INVALID_TOKEN, request, allowed, recordingId);
    } catch (TaskRouterException e) { // could not be checked: a failed call
      Map<String, String> h = headers(origin, allowed);
      h.put("Retry-After", "5");
      return decide(Decision.VALIDATION_UNAVAILABLE, h, null, recordingId, request);
    }
    if (!authorizer.mayPlay(user, recordingId)) {
      return decide(Decision.FORBIDDEN, headers(origin, allowed), user, recordingId, request);
    }
    Optional<String> mediaUrl;
    try {
      mediaUrl = resolver.mediaUrl(recordingId, user);
    } catch (RuntimeException e) {
      return decide(Decision.ERROR, headers(origin, allowed), user, recordingId, request);
    }
    if (mediaUrl == null || mediaUrl.isEmpty()) {
      return decide(Decision.NOT_FOUND, headers(origin, allowed), user, recordingId, request);
    }
    if (!usable(mediaUrl.get())) {
      return decide(Decision.ERROR, headers(origin, allowed), user, recordingId, request);
    }
    Map<String, String> h = headers(origin, allowed);
    if (!audited(event(Decision.GRANTED, user, recordingId, request))) {
      return respond(Decision.ERROR, h);
    }
    h.put("Content-Type", JSON_TYPE);
    return new PlaybackResponse(200, h, JSON.createObjectNode().put("media_url", mediaUrl.get()).toString());
  }

  private PlaybackResponse preflight(PlaybackRequest request, String origin, boolean allowed) {
    String wantedMethod = request.header("Access-Control-Request-Method");
    boolean ok = allowed && "GET".equals(wantedMethod) && allowedHeaders(request.header("Access-Control-Request-Headers"));
    if (!ok) {
      return decide(Decision.PREFLIGHT_REFUSED, headers(null, false), null, null, request);
    }
    Map<String, String> h = headers(origin, true);
    h.put("Access-Control-Allow-Methods", "GET");
    h.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
    h.put("Access-Control-Max-Age", "600");
    return decide(Decision.PREFLIGHT_ALLOWED, h, null, null, request);
  }

  /**
   * Whether every header the preflight asks for is one the player may send: {@code
   * Authorization}, the CORS-safelisted request headers (Fetch standard: {@code Accept}, {@code
   * Accept-Language}, {@code Content-Language}, {@code Content-Type}, {@code Range}) and the cache
   * directives a media player may add ({@code Cache-Control}, {@code Pragma}). Refusing those
   * adds no security: the origin allow-list and the token decide.
   */
  private static boolean allowedHeaders(String requested) {
    if (requested == null || requested.isBlank()) {
      return true;
    }
    for (String name : requested.split(",")) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (!n.isEmpty() && !PREFLIGHT_HEADERS.contains(n)) {
        return false;
      }
    }
    return true;
  }

  private PlaybackResponse unauthorized(Decision decision, PlaybackRequest request, boolean allowed, String recordingId) {
    Map<String, String> h = headers(request.header("Origin"), allowed);
    h.put("WWW-Authenticate", REALM);
    return decide(decision, h, null, recordingId, request);
  }

  private PlaybackResponse decide(
      Decision decision, Map<String, String> headers, FlexUser user, String recordingId, PlaybackRequest request) {
    return respond(audited(event(decision, user, recordingId, request)) ? decision : Decision.ERROR, headers);
  }

  /** Passes {@code event} to the audit; {@code false} when the audit failed. */
  private boolean audited(PlaybackEvent event) {
    try {
      audit.record(event);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static PlaybackResponse respond(Decision decision, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Content-Type", JSON_TYPE);
    if (decision.status() == 204) {
      return new PlaybackResponse(204, h, "");
    }
    String word = decision.name().toLowerCase(Locale.ROOT);
    return new PlaybackResponse(decision.status(), h, "{\"error\":\"" + word + "\"}");
  }

  private PlaybackEvent event(Decision decision, FlexUser user, String recordingId, PlaybackRequest request) {
    String origin = request.header("Origin");
    String safeOrigin = origin != null && ORIGIN.matcher(origin).matches() ? origin : null;
    return new PlaybackEvent(clock.instant(), decision, user == null ? null : user.identity(),
        user == null ? null : user.workerSid(), recordingId, safeOrigin, request.remoteAddress(),
        request.userAgent(), user == null ? List.of() : user.roles());
  }

  private static Map<String, String> headers(String origin, boolean allowed) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Cache-Control", "no-store");
    h.put("Vary", "Origin");
    if (allowed) {
      h.put("Access-Control-Allow-Origin", origin);
      h.put("Access-Control-Allow-Credentials", "true");
    }
    return h;
  }

  /** The single, well-formed recording id in {@code rawQuery}, or {@code null}. */
  private String recordingId(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty() || rawQuery.length() > 4096) {
      return null;
    }
    String found = null;
    int count = 0;
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!name.equals(DEFAULT_RECORDING_PARAMETER)) {
        continue;
      }
      count++;
      try {
        found = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return count == 1 && DEFAULT_RECORDING_ID.matcher(found).matches() ? found : null;
  }

  /** The token in {@code Basic base64(user:token)}, or {@code null} when malformed. */
  static String token(String header) {
    if (header.length() > MAX_AUTHORIZATION_LENGTH) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
      return null;
    }
    String encoded = header.substring(space + 1).trim();
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String credentials = new String(decoded, StandardCharsets.UTF_8);
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String token = credentials.substring(colon + 1);
    return FlexTokens.isCompactJwe(token) ? token : null;
  }

  private boolean usable(String url) {
    if (url.isEmpty() || url.length() > MAX_MEDIA_URL_LENGTH) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)
          || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        return false;
      }
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.isAbsolute() && uri.getHost() != null && uri.getRawUserInfo() == null
          && (scheme.equals("https") || allowHttpMediaUrls && scheme.equals("http"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "RecordingUrlProvider[origins=" + new java.util.TreeSet<>(allowedOrigins) + "]";
  }

  /** Options of {@link RecordingUrlProvider}; every one has a default. */
  public static final class Builder {
    private final FlexTokenValidator validator;
    private final RecordingResolver resolver;
    private PlaybackAuthorizer authorizer = PlaybackAuthorizer.insights();
    private PlaybackAudit audit = PlaybackAudit.log();
    private final Set<String> allowedOrigins = new LinkedHashSet<>(DEFAULT_ALLOWED_ORIGINS);
    private boolean allowHttpMediaUrls;
    private Clock clock = Clock.systemUTC();

    private Builder(FlexTokenValidator validator, RecordingResolver resolver) {
      this.validator = Objects.requireNonNull(validator, "validator");
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Who may hear which recording.
     *
     * @param authorizer the authorizer
     * @return this builder
     */
    public Builder authorizer(PlaybackAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /**
     * Where every decision goes.
     *
     * @param audit the access log
     * @return this builder
     */
    public Builder audit(PlaybackAudit audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /**
     * Replaces the allowed origins (scheme, host and port, no path, e.g. {@code
     * https://flex.twilio.com} or your self-hosted Flex's origin).
     *
     * @param origins the origins the player may call from
     * @return this builder
     * @throws ConfigurationException naming the rule when an origin is not of that form
     */
    public Builder allowedOrigins(String... origins) {
      List<String> checked = new ArrayList<>();
      for (String o : origins) {
        if (o == null || !ORIGIN.matcher(o).matches()) {
          throw new ConfigurationException("allowedOrigins",
              "each origin must be scheme://host[:port] in lower case, without a path",
              "allowedOrigins: each origin must be scheme://host[:port] in lower case, without a path");
        }
        checked.add(o);
      }
      allowedOrigins.clear();
      allowedOrigins.addAll(checked);
      return this;
    }

    /**
     * Lets the resolver return plain {@code http} media URLs: for loopback tests and demos only.
     *
     * @return this builder
     */
    public Builder allowHttpMediaUrls() {
      this.allowHttpMediaUrls = true;
      return this;
    }

    /**
     * The clock stamped on audit events.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public RecordingUrlProvider build() {
      return new RecordingUrlProvider(this);
    }
  }
}
