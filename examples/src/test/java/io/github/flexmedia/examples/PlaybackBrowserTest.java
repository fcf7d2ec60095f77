package io.github.flexmedia.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.PlaybackEvent;
import io.github.flexmedia.twilio.playback.PlaybackEvent.Decision;
import io.github.flexmedia.twilio.playback.RecordingUrlProvider;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The {@code url_provider} exchange in a real browser, as the Insights player makes it: a page on
 * one loopback origin fetches the provider on another origin with an {@code Authorization}
 * header (so Chromium sends a CORS preflight first), then plays the returned {@code media_url} in
 * an {@code <audio>} element. Headless Chromium from Debian's packages through {@code
 * /usr/bin/chromedriver}; with {@code CI=true} a missing Chromium fails, elsewhere it skips.
 */
@Timeout(180)
class PlaybackBrowserTest {
  static final String RECORDING = "RE0123456789abcdef0123456789abcdef";
  static final String PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>player</title></head>"
      + "<body><audio id=\"player\" preload=\"auto\"></audio></body></html>";
  /** The player's part: preflight and GET by fetch, then the audio element plays media_url. */
  static final String PLAY = String.join("\n",
      "const url = arguments[0], token = arguments[1], done = arguments[arguments.length - 1];",
      "fetch(url, {headers: {'Authorization': 'Basic ' + btoa('token:' + token)}})",
      "  .then(r => r.json().then(body => ({status: r.status, body: body})))",
      "  .then(res => {",
      "    const a = document.getElementById('player');",
      "    if (res.status !== 200) { done({status: res.status}); return; }",
      "    a.addEventListener('ended', () => done({status: res.status, mediaUrl: res.body.media_url,",
      "        ended: true, currentTime: a.currentTime, duration: a.duration}));",
      "    a.addEventListener('error', () => done({status: res.status, error: 'audio error ' + (a.error && a.error.code)}));",
      "    a.src = res.body.media_url;",
      "    a.play().catch(e => done({status: res.status, error: 'play() ' + e.name}));",
      "  })",
      "  .catch(e => done({fetchError: e.name}));");

  private static ChromeDriver driver;
  private static Path profile;
  // JUnit deletes it after @AfterAll has quit the browser: no Chromium profile is left in /tmp.
  @TempDir static Path profiles;
  private static HttpServer allowedPage;
  private static HttpServer otherPage;
  private static FlexTokenEmulator twilio;
  private static SignedStorage storage;
  private static PlaybackHttp provider;
  private static final List<PlaybackEvent> AUDIT = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    if (!new File(PreviewBrowserTest.CHROMIUM).canExecute() || !new File(PreviewBrowserTest.CHROMEDRIVER).canExecute()) {
      String how = "Chromium was not found at " + PreviewBrowserTest.CHROMIUM + " / " + PreviewBrowserTest.CHROMEDRIVER
          + ": install it with `apt-get install -y chromium chromium-driver` (.ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(how);
      }
      Assumptions.abort(how);
    }
    allowedPage = page();
    otherPage = page();
    twilio = FlexTokenEmulator.start();
    storage = SignedStorage.start("browser-test-key".getBytes(StandardCharsets.UTF_8), Clock.systemUTC(),
        Duration.ofMinutes(5)).put(RECORDING, SignedStorage.tone(400));
    provider = PlaybackHttp.start(RecordingUrlProvider.builder(
            FlexTokenValidator.twilio(twilio.restClient()), storage.resolver())
        .allowedOrigins(origin(allowedPage))
        .allowHttpMediaUrls()
        .audit(AUDIT::add)
        .build(), "/recordings");

    profile = Files.createTempDirectory(profiles, "flex-media-chromium-playback");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(PreviewBrowserTest.CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(PreviewBrowserTest.CHROMEDRIVER)).usingAnyFreePort().build(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    for (AutoCloseable c : new AutoCloseable[] {provider, storage, twilio}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing loopback servers; nothing to report
      }
    }
    for (HttpServer s : new HttpServer[] {allowedPage, otherPage}) {
      if (s != null) {
        s.stop(0);
      }
    }
  }

  @BeforeEach
  void clearAudit() {
    AUDIT.clear();
  }

  private static HttpServer page() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    s.createContext("/", exchange -> {
      byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      exchange.close();
    });
    s.start();
    return s;
  }

  private static String origin(HttpServer s) {
    return "http://127.0.0.1:" + s.getAddress().getPort();
  }

  /** The link's url_provider with its host mapped to the loopback provider (another origin). */
  private static String providerUrl() {
    URI link = URI.create(RecordingUrlProvider.providerUrl("https://playback.example.com/recordings", RECORDING));
    return "http://127.0.0.1:" + provider.port() + link.getRawPath() + "?" + link.getRawQuery();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> playFrom(HttpServer page, String token) {
    driver.get(origin(page) + "/player.html");
    return (Map<String, Object>) driver.executeAsyncScript(PLAY, providerUrl(), token);
  }

  @Test
  void fromAnAllowedOriginThePreflightPassesAndTheAudioPlays() {
    int servedBefore = storage.served();

    Map<String, Object> result = playFrom(allowedPage, twilio.issue("sam@example.com", "supervisor"));

    assertThat(result).containsEntry("status", 200L).containsEntry("ended", true).doesNotContainKey("error");
    assertThat((String) result.get("mediaUrl")).startsWith("http://127.0.0.1:").contains("/media/" + RECORDING + ".wav?expires=");
    assertThat(((Number) result.get("currentTime")).doubleValue()).isGreaterThan(0.3);
    assertThat(((Number) result.get("duration")).doubleValue()).isBetween(0.39, 0.41);
    assertThat(AUDIT).extracting(PlaybackEvent::decision, PlaybackEvent::origin).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Decision.PREFLIGHT_ALLOWED, origin(allowedPage)),
        org.assertj.core.groups.Tuple.tuple(Decision.GRANTED, origin(allowedPage)));
    assertThat(storage.served()).isGreaterThan(servedBefore);
  }

  @Test
  void fromAnotherOriginThePreflightFailsAndNoGetIsSent() {
    int validationsBefore = twilio.requestCount();

    Map<String, Object> result = playFrom(otherPage, twilio.issue("sam@example.com", "supervisor"));

    assertThat(result).containsEntry("fetchError", "TypeError");
    assertThat(AUDIT).extracting(PlaybackEvent::decision, PlaybackEvent::origin).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Decision.PREFLIGHT_REFUSED, origin(otherPage)));
    assertThat(twilio.requestCount()).isEqualTo(validationsBefore);
  }
}
