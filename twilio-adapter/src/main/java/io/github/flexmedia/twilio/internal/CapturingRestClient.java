package io.github.flexmedia.twilio.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.auth_strategy.AuthStrategy;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.util.List;

/**
 * A {@link TwilioRestClient} that delegates everything to the caller's client and remembers, per
 * thread, the last response it returned.
 *
 * <p>twilio-java's {@code ApiException} carries no response headers (so no {@code Retry-After}),
 * and {@code HttpClient.getLastResponse()} is one field shared by every thread using the client.
 * Every twilio-java resource call goes through {@link #request(Request)} on the calling thread, so
 * a thread-local captured here belongs to exactly the call that just failed.
 */
public final class CapturingRestClient extends TwilioRestClient {
  private static final ThreadLocal<Response> LAST = new ThreadLocal<>();

  private final TwilioRestClient delegate;

  /** Wraps {@code delegate}; requests still go through its HTTP client and credentials. */
  public CapturingRestClient(TwilioRestClient delegate) {
    // The superclass is only a shell: every method used by the resource classes is overridden.
    super(new TwilioRestClient.Builder("ACunused", "unused").httpClient(delegate.getHttpClient()));
    this.delegate = delegate;
  }

  @Override
  public Response request(Request request) {
    LAST.remove();
    Response response = delegate.request(request);
    LAST.set(response);
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
}
