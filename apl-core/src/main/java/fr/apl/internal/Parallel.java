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

  /** Daemon worker threads, created on demand and ended after 30 s idle. */
  private static final java.util.concurrent.ExecutorService POOL =
      new java.util.concurrent.ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          java.util.concurrent.TimeUnit.SECONDS,
          new java.util.concurrent.SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "apl-worker");
            t.setDaemon(true);
            return t;
          });

  private Parallel() {}

  /**
   * Waits for a task and returns its value; what the task threw is rethrown as it was (an
   * {@link java.io.IOException}, a runtime exception or an error), so that a caller's handling
   * does not depend on which thread did the work.
   *
   * @param doing what the task does, for the message of an interruption ("reading the times")
   */
  public static <T> T await(java.util.concurrent.Future<T> task, String doing)
      throws java.io.IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while " + doing);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.io.IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Runs a task that returns a value on one of the pool's daemon threads. */
  public static <T> java.util.concurrent.Future<T> submit(java.util.concurrent.Callable<T> task) {
    return POOL.submit(task);
  }

  /** Runs a task on one of the pool's daemon threads. */
  public static java.util.concurrent.Future<?> submit(Runnable task) {
    return POOL.submit(task);
  }

  /**
   * Runs {@code body} over {@code 0..n-1} on at most {@code threads} threads (the caller's thread
   * included) and returns when all ranges are done.
   *
   * @throws RuntimeException the first exception a task threw
   */
  public static void forRange(int n, int threads, RangeBody body) {
    forRange(n, threads, CHUNK, body);
  }

  /**
   * Runs {@code body} over {@code 0..n-1} in ranges of {@code chunk} indices, on at most {@code
   * threads} threads (the caller's thread included), and returns when all ranges are done.
   *
   * @throws RuntimeException the first exception a task threw
   */
  public static void forRange(int n, int threads, int chunk, RangeBody body) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be >= 1, given: " + chunk);
    }
    int tasks = (n + chunk - 1) / chunk;
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
        body.run(t * chunk, Math.min(n, (t + 1) * chunk));
      }
    };
    // Helpers come from a pool of daemon threads kept alive between calls (a scenario sweep calls
    // this twice per variant): starting threads each time would cost more than a France gather.
    java.util.concurrent.Future<?>[] helpers = new java.util.concurrent.Future<?>[workers - 1];
    for (int w = 0; w < helpers.length; w++) {
      helpers[w] = POOL.submit(() -> {
        try {
          loop.run();
        } catch (Throwable e) {
          synchronized (failure) {
            if (failure[0] == null) {
              failure[0] = e;
            }
          }
        }
      });
    }
    try {
      loop.run();
    } finally {
      boolean interrupted = false;
      for (java.util.concurrent.Future<?> h : helpers) {
        while (true) {
          try {
            h.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (java.util.concurrent.ExecutionException e) {
            break; // the task records its own failure above
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
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
