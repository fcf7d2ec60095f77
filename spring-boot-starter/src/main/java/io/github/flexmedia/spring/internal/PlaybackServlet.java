package io.github.flexmedia.spring.internal;

import io.github.flexmedia.twilio.playback.PlaybackRequest;
import io.github.flexmedia.twilio.playback.PlaybackResponse;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The {@code url_provider} endpoint: every method (the CORS preflight's {@code OPTIONS}
 * included) goes to the framework-neutral {@link RecordingUrlProvider}, whose answer — status,
 * CORS headers, JSON body — goes back as it is.
 */
public final class PlaybackServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient RecordingUrlProvider provider;

  /**
   * Serves {@code provider}.
   *
   * @param provider the provider
   */
  public PlaybackServlet(RecordingUrlProvider provider) {
    this.provider = provider;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PlaybackResponse answer = provider.handle(PlaybackRequest.of(
        request.getMethod(), request.getQueryString(), ServletExchange.headers(request))
        .from(request.getRemoteAddr(), request.getHeader("User-Agent")));
    ServletExchange.write(response, answer.status(), answer.headers(), answer.body());
  }
}
