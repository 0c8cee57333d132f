package fr.apl.io.csv;

import fr.apl.commune.CodeHistory;
import fr.apl.problem.Problems;
import java.io.IOException;

/**
 * Says how the readers of one run read and check their files, and where they report: the
 * encoding and column names, whether ids must be INSEE commune codes (an old code of the code
 * history counts as one), and the collector of problems.
 *
 * <p>Not thread-safe, as its collector: two files read on two threads take two contexts
 * ({@link #withProblems(Problems)}), merged in a fixed order.
 *
 * @param options encoding and column names, non-null
 * @param inseeCodes true when ids must be INSEE commune codes; false for free ids (grid cells,
 *     practice points)
 * @param history the code history whose old codes are accepted as codes, non-null
 * @param threads threads a large file may be parsed on, from 1 to {@link #MAX_THREADS}; what is
 *     read does not depend on it
 * @param problems where problems are reported, non-null
 */
public record ReadContext(
    ReadOptions options, boolean inseeCodes, CodeHistory history, int threads, Problems problems) {

  /** The most threads a reader takes: far above any machine this runs on, far below overflow. */
  public static final int MAX_THREADS = 1024;

  /**
   * Checks for nulls and the thread count.
   *
   * @param options encoding and column names, non-null
   * @param inseeCodes true when ids must be INSEE commune codes
   * @param history the code history, non-null
   * @param threads from 1 to {@link #MAX_THREADS}
   * @param problems where problems are reported, non-null
   * @throws IllegalArgumentException on a null or a thread count out of range
   */
  public ReadContext {
    if (options == null || history == null || problems == null) {
      throw new IllegalArgumentException("options, history and problems must not be null");
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "threads must be from 1 to " + MAX_THREADS + ", given: " + threads);
    }
  }

  /**
   * Returns a context with the default options, ids taken as given (any text), no history, the
   * machine's processors and a new collector: what the readers' fail-fast shortcuts use. A run
   * ({@code fr.apl.job.AplJob}) checks INSEE codes when its request asks for them.
   *
   * @return a new context
   */
  public static ReadContext defaults() {
    return of(ReadOptions.defaults());
  }

  /**
   * Returns a context with these options, ids as given, no history, and a new collector.
   *
   * @param options encoding and column names, non-null
   * @return a new context, on the machine's processors (at most {@link #MAX_THREADS})
   */
  public static ReadContext of(ReadOptions options) {
    return new ReadContext(
        options,
        false,
        CodeHistory.none(),
        Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()),
        new Problems());
  }

  /**
   * Returns the same context reporting to another collector.
   *
   * @param other the collector, non-null
   * @return a new context
   */
  public ReadContext withProblems(Problems other) {
    return new ReadContext(options, inseeCodes, history, threads, other);
  }

  /**
   * Returns the same context with another thread count.
   *
   * @param count threads, from 1 to {@link #MAX_THREADS}
   * @return a new context
   * @throws IllegalArgumentException when {@code count} is out of range
   */
  public ReadContext withThreads(int count) {
    return new ReadContext(options, inseeCodes, history, count, problems);
  }

  /**
   * Returns true for a code these rules refuse: not an INSEE code (when required) nor old.
   *
   * @param code a commune code as read, non-null
   * @return true when the code is to be reported
   */
  public boolean isInvalidCode(String code) {
    return Rules.isInvalidCode(inseeCodes, history, code);
  }

  /** Reads with a context, as the readers' fail-fast shortcuts do. */
  @FunctionalInterface
  interface Reading<T> {
    T read(ReadContext ctx) throws IOException;
  }

  /**
   * Reads with a new context of these options ({@link #of(ReadOptions)}) and throws the first
   * error found (carrying the others) as an {@link InputException}: the one ending of every
   * reader's fail-fast shortcut.
   */
  static <T> T failFast(ReadOptions options, Reading<T> reading) throws IOException {
    ReadContext ctx = of(options);
    T value = reading.read(ctx);
    ctx.throwIfErrors();
    return value;
  }

  /**
   * Throws the problems found so far as an {@link InputException} when one is an error: the
   * fail-fast ending of the convenience readers.
   */
  void throwIfErrors() {
    if (problems.hasErrors()) {
      throw InputException.of(problems.build());
    }
  }
}
