package io.github.flexmedia.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.twilio.testing.LocalTaskRouterServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the example the way the README does (its main class, the emulators profile) on a free
 * port, and uses it over HTTP as a CRM would.
 */
class ExampleApplicationSmokeTest {
  private static final String WS = "WS00000000000000000000000000000001";

  @Test
  void theExampleStartsAgainstTheEmulatorsAndAttachesATicket() throws Exception {
    try (ConfigurableApplicationContext app = SpringApplication.run(ExampleApplication.class,
        "--spring.profiles.active=emulators", "--server.port=0", "--server.address=127.0.0.1")) {
      String port = app.getEnvironment().getProperty("local.server.port");
      LocalTaskRouterServer emulator = app.getBean(LocalTaskRouterServer.class);

      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tasks/"
                  + Emulators.DEMO_TASK + "/tickets"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"42\"}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"changed\":true");
      String attributes = emulator.router().attributes(WS, Emulators.DEMO_TASK);
      assertThat(MediaAttributes.fromTaskAttributes(attributes).taskMedia()).containsExactly(
          MediaLink.referenced("https://crm.example.com/tickets/42", "Ticket 42"));
      assertThat(attributes).contains("\"customers\":{\"name\":\"Ada Lovelace\"}");
    }
  }
}
