package io.github.flexmedia.twilio.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read deadline behind the JDK webhook endpoint's executor, without a server: a task still
 * reading when its deadline passes is interrupted and told so; one that finished reading is left
 * alone; the threads are daemons that end when idle.
 */
@Timeout(60)
class ReadDeadlineExecutorTest {
  private final ReadDeadlineExecutor executor =
      new ReadDeadlineExecutor(1, Duration.ofMillis(50));

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aTaskStillReadingWhenItsDeadlinePassesIsInterruptedAndItsReadCompleteFails()
      throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicReference<Throwable> completing = new AtomicReference<>();
    executor.execute(() -> {
      try {
        new CountDownLatch(1).await(); // a read that never ends
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
      try {
        ReadDeadlineExecutor.readComplete();
      } catch (IOException e) {
        completing.set(e);
      }
      done.countDown();
    });

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).isTrue();
    assertThat(completing.get()).isInstanceOf(IOException.class)
        .hasMessage("the request was not read within the read timeout");
  }

  @Test
  void aTaskThatFinishedReadingIsNotInterruptedWhenItsDeadlinePasses() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    executor.execute(() -> {
      try {
        ReadDeadlineExecutor.readComplete();
        Thread.sleep(500); // ten deadlines: the alarm has long fired
      } catch (InterruptedException e) {
        interrupted.set(true);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      done.countDown();
    });

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).isFalse();
  }

  @Test
  void onlyItsOwnTasksAreGuardedAndItsThreadsAreDaemonsThatEndWhenIdle() throws Exception {
    AtomicBoolean guarded = new AtomicBoolean();
    AtomicBoolean daemon = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    executor.execute(() -> {
      guarded.set(ReadDeadlineExecutor.guarded());
      daemon.set(Thread.currentThread().isDaemon());
      done.countDown();
    });

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(guarded).isTrue();
    assertThat(daemon).isTrue();
    assertThat(ReadDeadlineExecutor.guarded()).isFalse();
    assertThat(executor.allowsCoreThreadTimeOut()).isTrue();
  }

  @Test
  void readCompleteOnAnotherThreadDoesNothing() {
    assertThatThrownBy(() -> {
      ReadDeadlineExecutor.readComplete();
      throw new IllegalStateException("returned");
    }).hasMessage("returned");
  }
}
