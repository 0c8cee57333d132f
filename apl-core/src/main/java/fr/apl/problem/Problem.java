package fr.apl.problem;

/**
 * Describes one problem of an input file, at a line, with the value found and what to do.
 *
 * <p>{@link #format()} reads like a compiler's message:
 * {@code times.csv:3: error: travel time must be finite and >= 0 (-3) — fix or remove the row}.
 *
 * @param check the check that found it, non-null
 * @param severity error (stops a computation) or warning, non-null
 * @param file the file name as the user gave it, non-null
 * @param line 1-based line, or 0 for the file as a whole
 * @param value the value found, or null when there is none to show
 * @param message what is wrong, non-null
 * @param hint what to do about it, or null
 */
public record Problem(
    Check check,
    Severity severity,
    String file,
    long line,
    String value,
    String message,
    String hint) {

  /**
   * Checks the fields.
   *
   * @param check the check that found it, non-null
   * @param severity error or warning, non-null
   * @param file the file name as the user gave it, non-null
   * @param line 1-based line, or 0 for the file as a whole
   * @param value the value found, or null
   * @param message what is wrong, non-null
   * @param hint what to do about it, or null
   * @throws IllegalArgumentException on a null check, severity, file or message, or a negative
   *     line
   */
  public Problem {
    if (check == null || severity == null || file == null || message == null) {
      throw new IllegalArgumentException("check, severity, file and message must not be null");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, given: " + line);
    }
  }

  /** {@return true for an error} */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@return {@code file:line: error: message (value) — hint}, without the parts that are null}
   * The line is left out when it is 0.
   */
  public String format() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
    }
    b.append(": ")
        .append(severity == Severity.ERROR ? "error" : "warning")
        .append(": ")
        .append(message);
    if (value != null) {
      b.append(" (").append(value).append(')');
    }
    if (hint != null) {
      b.append(" \u2014 ").append(hint);
    }
    return b.toString();
  }

  /** {@return {@code message (value) — hint}, without file, line and severity} */
  public String problemText() {
    StringBuilder b = new StringBuilder(message);
    if (value != null) {
      b.append(" (").append(value).append(')');
    }
    if (hint != null) {
      b.append(" \u2014 ").append(hint);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
