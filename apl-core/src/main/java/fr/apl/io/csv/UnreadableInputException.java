package fr.apl.io.csv;

import fr.apl.problem.Check;
import java.io.IOException;

/**
 * Signals bytes that no reader can make a table of: a damaged or cut gzip stream, UTF-16 text, a
 * line longer than the bound, a file too large to hold. It is bad data (the readers report it as
 * a problem of the file), not a failure to read.
 */
final class UnreadableInputException extends IOException {
  private static final long serialVersionUID = 1L;

  private final Check check;
  private final long line;
  private final String hint;

  /**
   * @param line the line the reader was at (1-based), or 0 for the file as a whole
   */
  UnreadableInputException(Check check, long line, String message, String hint) {
    super(message);
    this.check = check;
    this.line = line;
    this.hint = hint;
  }

  /** Returns a damaged gzip stream's exception in these words. */
  static UnreadableInputException gzip(IOException e, long bytesOut) {
    boolean cut = e instanceof java.io.EOFException;
    return new UnreadableInputException(
        Check.DAMAGED_FILE,
        0,
        cut
            ? "the gzip file is cut short after " + bytesOut + " bytes of data"
            : "the gzip data is damaged after " + bytesOut + " bytes of data: " + e.getMessage(),
        "copy or download the file again (gzip -t tests it)");
  }

  /** Reports this to a context's collector, for a file. */
  void report(ReadContext ctx, String file) {
    ctx.problems().add(check, file, line, null, getMessage(), hint);
  }

  /**
   * Returns this problem as the fail-fast readers throw problems.
   *
   * @param file the file as the user named it
   * @return an input exception naming the file, the line (0 for the file) and what is wrong
   */
  InputException toInputException(String file) {
    return new InputException(file, line, getMessage() + " \u2014 " + hint);
  }
}
