package io.github.flexmedia.twilio.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.auth_strategy.AuthStrategy;
import com.twilio.auth_strategy.NoAuthStrategy;
import com.twilio.constant.EnumConstants;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.net.URL;
import java.util.List;

/**
 * A {@link TwilioRestClient} that delegates to the caller's client, remembers per thread the last
 * response it returned, and, when the caller's HTTP client is not a {@link
 * SingleAttemptHttpClient}, sends each request once instead of through twilio-java's 5xx loop.
 *
 * <p>twilio-java's {@code ApiException} carries no response headers (so no {@code Retry-After}),
 * and {@code HttpClient.getLastResponse()} is one field shared by every thread using the client.
 * Every twilio-java resource call goes through {@link #request(Request)} on the calling thread, so
 * a thread-local captured here belongs to exactly the call that just failed.
 *
 * <p>Bypassing the loop: {@code TwilioRestClient.request} sets the credentials, region, edge and
 * user-agent extensions on the request, then calls {@code HttpClient.reliableRequest}, which
 * repeats any 5xx three times. For a plain {@code TwilioRestClient} (not a subclass, whose {@code
 * request} may do more) this class does the same preparation itself and calls {@code
 * HttpClient.makeRequest} once. The credentials are not readable from the client; they are
 * learnt once, at construction, by handing it a request that records {@code setAuth(..)} and
 * cannot be sent (it throws as soon as anything asks for its method or URL).
 */
public final class CapturingRestClient extends TwilioRestClient {
  private static final ThreadLocal<Response> LAST = new ThreadLocal<>();

  private final TwilioRestClient delegate;
  private final Probe direct; // null: every request goes through delegate.request

  /** Wraps {@code delegate}; requests still go through its HTTP client and credentials. */
  public CapturingRestClient(TwilioRestClient delegate) {
    // The superclass is only a shell: every method used by the resource classes is overridden.
    super(new TwilioRestClient.Builder("ACunused", "unused").httpClient(delegate.getHttpClient()));
    this.delegate = delegate;
    this.direct = singleAttempt(delegate) || delegate.getClass() != TwilioRestClient.class
        ? null : Probe.learn(delegate);
  }

  /** Whether {@code client}'s HTTP client makes one exchange per call. */
  public static boolean singleAttempt(TwilioRestClient client) {
    return client.getHttpClient() instanceof SingleAttemptHttpClient;
  }

  /** Whether requests skip twilio-java's 5xx loop although the HTTP client has it. */
  public boolean bypassesTwilioRetries() {
    return direct != null;
  }

  @Override
  public Response request(Request request) {
    LAST.remove();
    Response response = direct == null ? delegate.request(request) : sendOnce(request);
    LAST.set(response);
    return response;
  }

  /** What {@code TwilioRestClient.request} does, with one {@code makeRequest} for the loop. */
  private Response sendOnce(Request request) {
    AuthStrategy strategy = delegate.getAuthStrategy();
    if (request.getAuthStrategy() == null) {
      if (direct.username != null && direct.password != null) {
        request.setAuth(direct.username, direct.password);
      } else if (strategy != null) {
        request.setAuth(strategy);
      }
    }
    if (delegate.getRegion() != null) {
      request.setRegion(delegate.getRegion());
    }
    if (delegate.getEdge() != null) {
      request.setEdge(delegate.getEdge());
    }
    if (request.getAuthStrategy() instanceof NoAuthStrategy) {
      request.setRegion(null);
      request.setEdge(null);
    }
    List<String> extensions = delegate.getUserAgentExtensions();
    if (extensions != null && !extensions.isEmpty()) {
      request.setUserAgentExtensions(extensions);
    }
    delegate.logRequest(request);
    HttpClient http = delegate.getHttpClient();
    Response response = http.makeRequest(request);
    // twilio-java sends once more on a 401 under token auth (the token may have been renewed); a
    // 401 was not processed, so this cannot duplicate anything.
    if (response != null && response.getStatusCode() == 401 && strategy != null
        && EnumConstants.AuthType.TOKEN.equals(strategy.getAuthType())) {
      response = http.makeRequest(request);
    }
    return response;
  }

  /** The response of this thread's last request, and forgets it. {@code null} if none. */
  public static Response takeLastResponse() {
    Response r = LAST.get();
    LAST.remove();
    return r;
  }

  @Override
  public void logRequest(Request request) {
    delegate.logRequest(request);
  }

  @Override
  public AuthStrategy getAuthStrategy() {
    return delegate.getAuthStrategy();
  }

  @Override
  public ObjectMapper getObjectMapper() {
    return delegate.getObjectMapper();
  }

  @Override
  public String getAccountSid() {
    return delegate.getAccountSid();
  }

  @Override
  public String getRegion() {
    return delegate.getRegion();
  }

  @Override
  public String getEdge() {
    return delegate.getEdge();
  }

  @Override
  public HttpClient getHttpClient() {
    return delegate.getHttpClient();
  }

  @Override
  public List<String> getUserAgentExtensions() {
    return delegate.getUserAgentExtensions();
  }

  /** A request that records the credentials it is given and can never be sent. */
  static final class Probe extends Request {
    private static final class Stop extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Stop() {
        super(null, null, false, false);
      }
    }

    private String username;
    private String password;

    private Probe() {
      super(HttpMethod.GET, "https://probe.invalid/");
    }

    /** The credentials {@code client} sets on its requests, or {@code null} if it cannot tell. */
    static Probe learn(TwilioRestClient client) {
      Probe probe = new Probe();
      try {
        client.request(probe);
      } catch (Stop expected) {
        return probe;
      } catch (RuntimeException other) {
        return null;
      }
      return null; // it answered without asking for a URL: not the client this class knows
    }

    @Override
    public void setAuth(String username, String password) {
      this.username = username;
      this.password = password;
      throw new Stop();
    }

    @Override
    public void setAuth(AuthStrategy authStrategy) {
      throw new Stop();
    }

    @Override
    public HttpMethod getMethod() {
      throw new Stop();
    }

    @Override
    public URL constructURL() {
      throw new Stop();
    }

    @Override
    public String getUrl() {
      throw new Stop();
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
