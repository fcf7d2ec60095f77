package io.github.flexmedia.jdbc;

import com.twilio.http.TwilioRestClient;
import com.zaxxer.hikari.HikariDataSource;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
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
 * One instance of the fleet in {@link FleetCrashTest}, as a child JVM: a pool, a {@link
 * JdbcAttachStore}, an {@link AttachQueue} writing to the parent's {@link LocalTaskRouterServer}
 * through the production twilio-java stack. Reads {@code offer ID TASK LINK} lines on stdin and
 * answers {@code ok ID} once the attach is saved or {@code err ID TYPE}, as a webhook would answer
 * 202 or 503; prints {@code outcome ID STATUS} for every outcome it reports.
 */
public final class FleetWorker {
  private FleetWorker() {}

  /**
   * Runs until stdin closes or the process is killed.
   *
   * @param args the JDBC URL, the TaskRouter server's port, this instance's name
   * @throws Exception on a broken pipe
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int port = Integer.parseInt(args[1]);
    String name = args[2];
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    HikariDataSource pool = Postgres.pool(url, 6);
    HttpHost local = new HttpHost("http", "127.0.0.1", port);
    TwilioRestClient rest = new TwilioRestClient.Builder(
        LocalTaskRouterServer.DEFAULT_ACCOUNT_SID, LocalTaskRouterServer.DEFAULT_AUTH_TOKEN)
        .httpClient(TwilioTaskRouterClient.singleAttemptHttpClient(
            TwilioTaskRouterClient.defaultHttpClientBuilder()
                .setRoutePlanner((target, context) -> new HttpRoute(local))))
        .build();
    AttachQueue queue = AttachQueue.builder(new TwilioTaskRouterClient(rest))
        .store(JdbcAttachStore.builder(pool).build())
        .owner(name).workers(4).attacher(b -> b.rateLimiter(RateLimiter.adaptive())).lease(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(200))
        .listener(o -> {
          synchronized (out) {
            out.println("outcome " + o.attach().id() + " " + o.status());
          }
        })
        .build();
    out.println("ready " + name);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] f = line.split(" ");
      String id = f[1];
      int task = Integer.parseInt(f[2]);
      String answer;
      try {
        boolean taken = queue.offer(new PendingAttach(id, FleetCrashTest.WS, FleetCrashTest.task(task),
            media(task, Integer.parseInt(f[3])), Instant.now().plus(Duration.ofMinutes(10))));
        answer = taken ? "ok " + id : "err " + id + " full";
      } catch (RuntimeException e) {
        answer = "err " + id + " " + e.getClass().getSimpleName();
      }
      synchronized (out) {
        out.println(answer);
      }
    }
    queue.shutdown(Duration.ofSeconds(5));
    pool.close();
  }

  static MediaAttributes media(int task, int link) {
    return MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/t" + task + "/l" + link, "Case"))
        .build();
  }
}
