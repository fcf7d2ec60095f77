package io.github.flexmedia.examples;

import com.twilio.http.TwilioRestClient;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.jdbc.JdbcAttachStore;
import io.github.flexmedia.twilio.MediaAttacher;
import io.github.flexmedia.twilio.RateLimiter;
import io.github.flexmedia.twilio.TwilioTaskRouterClient;
import io.github.flexmedia.twilio.events.AttachQueue;
import io.github.flexmedia.twilio.events.PendingAttach;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;

/**
 * One instance of the {@link Fleet} example, in a JVM of its own, as a service instance would be:
 * its own connection pool, a {@link JdbcAttachStore} on the shared database, an {@link AttachQueue}
 * writing to the TaskRouter emulator. Its "webhook" is standard input: {@code offer ID TASK LINK}
 * is answered {@code ok ID} once the attach is committed (a 202) or {@code err ID} (a 503); {@code
 * stats} is answered {@code stats TAKEN_OVER}. Every outcome it reports is printed as {@code
 * outcome STATUS}.
 */
public final class FleetInstance {
  private FleetInstance() {}

  /**
   * Runs until standard input closes or the process is killed.
   *
   * @param args the JDBC URL, the emulator's port, this instance's name
   * @throws Exception when standard input breaks
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(config);
    HttpHost emulator = new HttpHost("http", "127.0.0.1", Integer.parseInt(args[1]));
    TwilioRestClient rest = new TwilioRestClient.Builder(
        LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(
            TwilioTaskRouterClient.defaultHttpClientBuilder()
                .setRoutePlanner((target, context) -> new HttpRoute(emulator))))
        .build();
    MediaAttacher attacher = MediaAttacher.builder(new TwilioTaskRouterClient(rest))
        .rateLimiter(RateLimiter.adaptive()).build();
    // A short lease and poll, so that the example shows a take-over within seconds; the defaults
    // (60 s, 1 s) suit production.
    AttachQueue queue = AttachQueue.builder(attacher)
        .store(JdbcAttachStore.builder(pool).build())
        .owner(args[2]).workers(4)
        .lease(Fleet.LEASE).pollInterval(Duration.ofMillis(500))
        .listener(o -> out.println("outcome " + o.status()))
        .build();
    out.println("ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] f = line.split(" ");
      if (f[0].equals("stats")) {
        out.println("stats " + queue.takenOverCount());
        continue;
      }
      boolean saved;
      try {
        saved = queue.offer(new PendingAttach(f[1], Fleet.WORKSPACE, Fleet.task(Integer.parseInt(f[2])),
            link(Integer.parseInt(f[3])), Instant.now().plus(Duration.ofMinutes(2))));
      } catch (RuntimeException e) {
        saved = false;
      }
      out.println((saved ? "ok " : "err ") + f[1]);
    }
    queue.shutdown(Duration.ofSeconds(5));
    pool.close();
  }

  /** The media of attach number {@code n}: one CRM link. */
  static MediaAttributes link(int n) {
    return MediaAttributes.builder()
        .media(MediaLink.referenced(Fleet.url(n), "Case " + n))
        .build();
  }
}
