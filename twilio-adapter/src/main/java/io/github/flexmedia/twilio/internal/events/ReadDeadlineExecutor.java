package io.github.flexmedia.twilio.internal.events;

import io.github.flexmedia.twilio.events.JdkWebhookEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor behind {@link JdkWebhookEndpoint#executor()}: a fixed number of threads, and a read
 * deadline on every task. The JDK server runs one task per request, and that task reads the
 * request line and headers on a blocking channel before any handler sees them; so a client that
 * sends them slowly holds a thread, and the server's own timeouts are JVM-wide system properties
 * ({@code sun.net.httpserver.maxReqTime}). Here a watchdog interrupts a task still reading when its
 * deadline passes: interrupting a thread blocked on a {@code SocketChannel} closes the channel
 * ({@link java.nio.channels.InterruptibleChannel}), the server drops the connection, and the thread
 * is free. A handler calls {@link #readComplete()} once it has read the body; from then on it is
 * never interrupted.
 */
public final class ReadDeadlineExecutor extends ThreadPoolExecutor {
  private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final long deadlineNanos;
  private final ScheduledExecutorService watchdog;

  public ReadDeadlineExecutor(int threads, Duration readTimeout) {
    super(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons("webhook"));
    allowCoreThreadTimeOut(true);
    this.deadlineNanos = readTimeout.toNanos();
    ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, daemons("webhook-watchdog"));
    w.setRemoveOnCancelPolicy(true);
    this.watchdog = w;
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "flex-media-" + name + "-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void execute(Runnable task) {
    super.execute(() -> {
      Guard guard = new Guard(Thread.currentThread());
      CURRENT.set(guard);
      ScheduledFuture<?> alarm = watchdog.schedule(guard::expire, deadlineNanos, TimeUnit.NANOSECONDS);
      try {
        task.run();
      } finally {
        alarm.cancel(false);
        guard.finish();
        CURRENT.remove();
        Thread.interrupted();   // an alarm that fired late must not reach the next task
      }
    });
  }

  @Override
  protected void terminated() {
    watchdog.shutdownNow();
  }

  /** Whether the current thread runs a task of such an executor, still under its read deadline. */
  public static boolean guarded() {
    return CURRENT.get() != null;
  }

  /**
   * Ends the read deadline of the current task.
   *
   * @throws IOException if the deadline already passed (the connection is then closed)
   */
  public static void readComplete() throws IOException {
    Guard guard = CURRENT.get();
    if (guard != null && !guard.complete()) {
      throw new IOException("the request was not read within the read timeout");
    }
  }

  private static final class Guard {
    private final Thread thread;
    private boolean reading = true;
    private boolean expired;

    Guard(Thread thread) {
      this.thread = thread;
    }

    synchronized void expire() {
      if (reading) {
        expired = true;
        thread.interrupt();
      }
    }

    synchronized boolean complete() {
      reading = false;
      return !expired;
    }

    synchronized void finish() {
      reading = false;
    }
  }
}
