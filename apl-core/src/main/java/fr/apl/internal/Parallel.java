package fr.apl.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a loop over index ranges on a few threads. Ranges are fixed by the index count alone, and
 * each index is written by exactly one task, so the work split never changes a result.
 * Internal: no compatibility promise.
 */
public final class Parallel {

  /** Indices per task: small enough to balance rows of uneven length, big enough to be cheap. */
  private static final int CHUNK = 2048;

  /** A body that handles indices {@code from..to-1}. */
  @FunctionalInterface
  public interface RangeBody {
    /** Handles indices {@code from..to-1}. */
    void run(int from, int to);
  }

  private Parallel() {}

  /**
   * Runs {@code body} over {@code 0..n-1} on at most {@code threads} threads (the caller's thread
   * included) and returns when all ranges are done.
   *
   * @throws RuntimeException the first exception a task threw
   */
  public static void forRange(int n, int threads, RangeBody body) {
    int tasks = (n + CHUNK - 1) / CHUNK;
    int workers = Math.min(threads, tasks);
    if (workers <= 1) {
      body.run(0, n);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Throwable[] failure = new Throwable[1];
    Runnable loop = () -> {
      int t;
      while ((t = next.getAndIncrement()) < tasks) {
        body.run(t * CHUNK, Math.min(n, (t + 1) * CHUNK));
      }
    };
    Thread[] helpers = new Thread[workers - 1];
    for (int w = 0; w < helpers.length; w++) {
      helpers[w] = new Thread(() -> {
        try {
          loop.run();
        } catch (Throwable e) {
          synchronized (failure) {
            if (failure[0] == null) {
              failure[0] = e;
            }
          }
        }
      }, "apl-worker-" + w);
      helpers[w].setDaemon(true);
      helpers[w].start();
    }
    try {
      loop.run();
    } finally {
      for (Thread h : helpers) {
        boolean interrupted = false;
        while (true) {
          try {
            h.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
    synchronized (failure) {
      if (failure[0] instanceof RuntimeException) {
        throw (RuntimeException) failure[0];
      }
      if (failure[0] instanceof Error) {
        throw (Error) failure[0];
      }
    }
  }
}
