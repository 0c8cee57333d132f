package fr.apl.io.csv;

/**
 * Signals bad input data, with the file and line it was found at.
 *
 * <p>The message reads like a compiler's: {@code times.csv:1289: travel time must be finite and >=
 * 0, given: -3.0 (01001 -> 01004)}. Line 0 means the file as a whole (an empty file, a missing
 * column).
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source the file name as the user gave it
   * @param line 1-based line number, or 0 for the whole file
   * @param problem what is wrong, with the value given
   */
  public InputException(String source, long line, String problem) {
    super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
    this.source = source;
    this.line = line;
    this.problem = problem;
  }

  /** Returns the file name. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line number, or 0 for the whole file. */
  public long line() {
    return line;
  }

  /** Returns what is wrong, without the file and line. */
  public String problem() {
    return problem;
  }
}
