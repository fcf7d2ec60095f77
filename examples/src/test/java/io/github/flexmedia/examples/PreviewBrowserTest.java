package io.github.flexmedia.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.MediaPolicy;
import io.github.flexmedia.MediaPreview;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The preview in a real browser: headless Chromium from Debian's packages, driven by Selenium
 * through {@code /usr/bin/chromedriver}, loading pages served on loopback. In CI it must run: a
 * missing Chromium fails the build with the command that installs it; elsewhere it is skipped.
 */
@Timeout(180)
class PreviewBrowserTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final String XSS = "<img src=x onerror=alert(1)>";
  static final String CHAT = "CH0123456789abcdef0123456789abcdef";
  static final String WR = "WR0123456789abcdef0123456789abcdef";

  private static HttpServer server;
  private static ChromeDriver driver;
  private static final Map<String, byte[]> PAGES = new ConcurrentHashMap<>();
  private static Path profile;
  // JUnit deletes it after @AfterAll has quit the browser: no Chromium profile is left in /tmp.
  @TempDir static Path profiles;

  @BeforeAll
  static void start() throws IOException {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      String how = "Chromium was not found at " + CHROMIUM + " / " + CHROMEDRIVER
          + ": install it with `apt-get install -y chromium chromium-driver` (.ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(how);
      }
      Assumptions.abort(how);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      byte[] body = PAGES.get(exchange.getRequestURI().getPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().set("Content-Type",
            path.endsWith(".wav") ? "audio/wav" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();

    profile = Files.createTempDirectory(profiles, "flex-media-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1200,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static MediaAttributes media() {
    MediaPolicy lab = MediaPolicy.builder().allowInsecureHttp().build();
    return MediaAttributes.builder().policy(lab)
        .media(
            new MediaLink.Embedded(URI.create(base() + "/ticket.html"), XSS),
            new MediaLink.Referenced(URI.create(base() + "/case.html"), "Case 7"),
            new MediaLink.VoiceRecording(URI.create(base() + "/call.wav"), null, null,
                List.of(io.github.flexmedia.RecordingChannel.CUSTOMER, io.github.flexmedia.RecordingChannel.OTHERS), "Call"),
            new MediaLink.VoiceRecording(URI.create(base() + "/second.wav"), null, null, null, null),
            MediaLink.chatTranscript(CHAT))
        .reservationMedia(WR,
            new MediaLink.Raw(URI.create(base() + "/crm.html"), "CRM"),
            new MediaLink.Referenced(URI.create(base() + "/hidden.html"), "Hidden"))
        .build();
  }

  private static void load(MediaAttributes media) {
    PAGES.put("/ticket.html", "<!DOCTYPE html><html><body><p id=\"inside\">EMBEDDED TICKET PAGE</p></body></html>"
        .getBytes(StandardCharsets.UTF_8));
    PAGES.put("/call.wav", wav());
    PAGES.put("/preview.html", MediaPreview.html(media).getBytes(StandardCharsets.UTF_8));
    driver.get(base() + "/preview.html");
  }

  private static WebElement pane(String id) {
    return driver.findElement(By.id(id + "-pane"));
  }

  private static void select(String id) {
    driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
  }

  @Test
  void switchesBetweenLinksAndShowsEachTheWayFlexDoes() throws IOException {
    load(media());

    // 1. Embedded: in an iframe, and the framed page really loads under the page's CSP.
    WebElement iframe = pane("t-0").findElement(By.tagName("iframe"));
    assertThat(iframe.isDisplayed()).isTrue();
    assertThat(iframe.getAttribute("src")).isEqualTo(base() + "/ticket.html");
    driver.switchTo().frame(iframe);
    assertThat(driver.findElement(By.id("inside")).getText()).isEqualTo("EMBEDDED TICKET PAGE");
    driver.switchTo().defaultContent();
    assertThat(pane("t-1").isDisplayed()).isFalse();

    // 2. Referenced: a link.
    select("t-1");
    assertThat(pane("t-0").isDisplayed()).isFalse();
    WebElement link = pane("t-1").findElement(By.cssSelector("a.referenced"));
    assertThat(link.isDisplayed()).isTrue();
    assertThat(link.getAttribute("href")).isEqualTo(base() + "/case.html");
    assertThat(link.getText()).isEqualTo("Case 7");

    // 3. The first recording: an audio player.
    select("t-2");
    WebElement audio = pane("t-2").findElement(By.tagName("audio"));
    assertThat(audio.isDisplayed()).isTrue();
    assertThat(audio.getAttribute("src")).isEqualTo(base() + "/call.wav");
    assertThat(pane("t-2").getText()).contains("Channels: customer, others");

    // 4. The second recording: marked, no player.
    select("t-3");
    assertThat(pane("t-3").findElements(By.tagName("audio"))).isEmpty();
    assertThat(pane("t-3").getText()).contains("Not playable in Flex");

    // 5. The transcript placeholder names the channel.
    select("t-4");
    assertThat(pane("t-4").getText()).contains(CHAT);

    // The reservation's list starts with Raw: shown as "opens in a new tab", the rest unreachable.
    WebElement segment = driver.findElement(By.cssSelector("section[data-reservation='" + WR + "']"));
    assertThat(segment.getText()).contains("Conversation Screen does not open");
    assertThat(segment.findElement(By.cssSelector("a.raw")).getAttribute("href")).isEqualTo(base() + "/crm.html");
    assertThat(segment.findElement(By.cssSelector("ul.unreachable")).getText()).contains("Hidden");

    // Lint warnings on top.
    assertThat(driver.findElements(By.cssSelector("#warnings li")))
        .extracting(e -> e.getAttribute("data-code"))
        .contains("EMBEDDED_OVER_HTTP", "ONLY_FIRST_RECORDING_PLAYS", "RAW_FIRST_HIDES_OTHERS",
            "RESERVATION_HIDES_TASK_MEDIA");

    // The page's own style applied: its CSP hash matches.
    select("t-0");
    String selected = driver.findElement(By.cssSelector("label[for='t-0']")).getCssValue("background-color");
    assertThat(selected).isIn("rgba(2, 99, 224, 1)", "rgb(2, 99, 224)");

    Path shot = Path.of("target/preview-screenshot.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  @Test
  void anAttackersTitleRendersAsTextAndRunsNoScript() {
    load(media());

    WebElement label = driver.findElement(By.cssSelector("label[for='t-0']"));
    assertThat(label.getText()).isEqualTo("1. Embedded: " + XSS);
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThat(driver.findElements(By.tagName("script"))).isEmpty();
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  /** 0.1 s of silence, 8 kHz mono 8-bit PCM: enough for an audio element to load. */
  private static byte[] wav() {
    int samples = 800;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples)
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples);
    for (int i = 0; i < samples; i++) {
      b.put((byte) 128);
    }
    return b.array();
  }
}
