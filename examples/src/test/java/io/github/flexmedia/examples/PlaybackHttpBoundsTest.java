package io.github.flexmedia.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Example 12's JDK wrapper refuses oversized bodies unread and drops clients that send slowly. */
@Timeout(60)
class PlaybackHttpBoundsTest {
  private final AtomicInteger validations = new AtomicInteger();
  private final RecordingUrlProvider provider = RecordingUrlProvider.builder(token -> {
    validations.incrementAndGet();
    throw new IllegalStateException("not reached in these tests");
  }, (id, user) -> Optional.empty()).build();

  private static Socket send(int port, String text) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(30_000);
    s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  @Test
  void aHugeBodyIsRefusedFromItsLengthWithoutBeingRead() throws IOException {
    try (PlaybackHttp http = PlaybackHttp.start(provider, "/recordings");
        Socket s = send(http.port(), "GET /recordings?r=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Length: 629145600\r\n\r\n")) {
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      assertThat(line.toString()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    }
    assertThat(validations).hasValue(0);
  }

  @Test
  void aClientThatNeverFinishesItsHeadersIsDisconnectedAfterTheReadTimeout() throws IOException {
    try (PlaybackHttp http = PlaybackHttp.start(provider, "/recordings");
        Socket s = send(http.port(), "GET /recordings?r=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sl")) {
      // the server closes the connection, unanswered, once READ_TIMEOUT (5 s) has passed
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    } catch (java.net.SocketException reset) {
      // a reset is a disconnection too
    }
    assertThat(validations).hasValue(0);
  }
}
