package io.github.flexmedia.twilio.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.twilio.playback.PlaybackEvent.Decision;
import io.github.flexmedia.twilio.testing.FlexTokenEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The account's validation budget, measured where it is spent: the emulator's request count, the
 * provider and validators wired as users wire them.
 */
@Timeout(60)
class ValidationBudgetTest {
  static final String FLEX = "https://flex.twilio.com";
  static final String RE = "RE0123456789abcdef0123456789abcdef";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final List<PlaybackEvent> audit = new CopyOnWriteArrayList<>();
  private FlexTokenEmulator twilio;
  private RecordingUrlProvider provider;

  @BeforeEach
  void start() {
    twilio = FlexTokenEmulator.start(FlexTokenEmulator.DEFAULT_ACCOUNT_SID, FlexTokenEmulator.DEFAULT_AUTH_TOKEN, clock);
    provider = provider(twilio.validatorBuilder().clock(clock).build());
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  private RecordingUrlProvider provider(FlexTokenValidator validator) {
    return RecordingUrlProvider.builder(FlexTokenValidator.cached(validator, 1000, Duration.ofMinutes(1), clock),
            (id, user) -> Optional.of("https://storage.example.com/" + id + ".wav?sig=x"))
        .audit(audit::add).clock(clock).build();
  }

  private PlaybackResponse play(String credentials) {
    return provider.handle(PlaybackRequest.of("GET", "recording=" + RE, Map.of("Origin", List.of(FLEX),
        "Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(
            credentials.getBytes(StandardCharsets.UTF_8))))));
  }

  @Test
  void sixtyJunkRequestsOfNoJweShapeCostNoValidationCall() {
    List<String> junk = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      switch (i % 6) {
        case 0: junk.add("token:" + "A".repeat(i + 1)); break;
        case 1: junk.add("token:a.b.c.d." + i); break;
        case 2: junk.add("token:" + Jwe.HEADER + ".." + i + ".x"); break;
        case 3: junk.add("token:eyJhbGciOiJkaXIifQ..a.b." + i); break;      // header without enc
        case 4: junk.add("token:bm90IGpzb24..a.b." + i); break;             // header not JSON
        default: junk.add("token:" + Jwe.HEADER + "..a=.b.c" + i); break;  // '=' is not base64url
      }
    }
    for (String credentials : junk) {
      assertThat(play(credentials).status()).as(credentials).isEqualTo(401);
    }
    assertThat(twilio.requestCount()).isZero();
    assertThat(audit).hasSize(60).extracting(PlaybackEvent::decision).containsOnly(Decision.MALFORMED_CREDENTIALS);
  }

  @Test
  void oneRefusedJweShapedTokenTwentyTimesCostsOneCall() {
    for (int i = 0; i < 20; i++) {
      assertThat(play("token:" + Jwe.junk(42)).status()).isEqualTo(401);
    }
    assertThat(twilio.requestCount()).isEqualTo(1);
    assertThat(audit).extracting(PlaybackEvent::decision).containsOnly(Decision.INVALID_TOKEN);
  }

  @Test
  void sixteenSimultaneousFirstUsesOfOneTokenShareOneCall() throws Exception {
    String token = twilio.issue("sam@example.com", "supervisor");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Thread> threads = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(16);
    twilio.hold();
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> {
          threads.add(Thread.currentThread());
          started.countDown();
          return play("token:" + token).status();
        }));
      }
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      // All sixteen are inside handle() and parked: one on Twilio's held answer, fifteen on it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
          || t.getState() == Thread.State.TIMED_WAITING) || twilio.requestCount() < 1) {
        assertThat(System.nanoTime()).as("all callers parked").isLessThan(deadline);
        Thread.onSpinWait();
      }
      twilio.resume();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      twilio.resume();
      pool.shutdownNow();
    }
    assertThat(twilio.requestCount()).isEqualTo(1);
    assertThat(audit).hasSize(16).extracting(PlaybackEvent::decision).containsOnly(Decision.GRANTED);
  }

  @Test
  void aFloodOfDistinctJweShapedJunkNeverExceedsTheCap() {
    provider = provider(twilio.validatorBuilder().maxCallsPerSecond(3).clock(clock).build());
    int[] byStatus = new int[600];
    for (int second = 0; second < 4; second++) {
      for (int i = 0; i < 100; i++) {
        byStatus[play("token:" + Jwe.junk(second * 1000 + i)).status()]++;
      }
      assertThat(twilio.requestCount()).as("after second %s", second).isEqualTo(3 * (second + 1));
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(byStatus[401]).isEqualTo(12);
    assertThat(byStatus[503]).isEqualTo(388);
    String token = twilio.issue("sam@example.com", "supervisor");
    assertThat(play("token:" + token).status()).as("a real user after the flood").isEqualTo(200);
  }
}
