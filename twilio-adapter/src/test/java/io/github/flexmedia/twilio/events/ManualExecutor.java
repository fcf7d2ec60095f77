package io.github.flexmedia.twilio.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** Runs nothing until {@link #runAll()}: the test decides when the workers work. */
final class ManualExecutor implements Executor {
  private final Deque<Runnable> tasks = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable command) {
    tasks.add(command);
  }

  synchronized int queued() {
    return tasks.size();
  }

  void runAll() {
    while (true) {
      Runnable r;
      synchronized (this) {
        r = tasks.poll();
      }
      if (r == null) {
        return;
      }
      r.run();
    }
  }
}
