package fr.apl.io.csv;

/**
 * Signals bad input data, with the file and line it was found at.
 *
 * <p>The message reads like a compiler's: {@code times.csv:1289: travel time must be finite and >=
 * 0, given: -3.0 (01001 -> 01004)}. Line 0 means the file as a whole (an empty file, a missing
 * column).
 *
 * <p>A reader that goes on after a bad row may attach the further problems it found in the same
 * file ({@link #others()}), so that all of them can be fixed in one go.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file name as the user gave it. */
  private final String source;

  /** The 1-based line, or 0 for the whole file. */
  private final long line;

  /** What is wrong, without the file and line. */
  private final String problem;

  /** The further problems found in the same file, in file order; immutable. */
  private final java.util.List<InputException> others;

  /**
   * Creates the exception.
   *
   * @param source the file name as the user gave it
   * @param line 1-based line number, or 0 for the whole file
   * @param problem what is wrong, with the value given
   */
  public InputException(String source, long line, String problem) {
    this(source, line, problem, java.util.List.of());
  }

  private InputException(
      String source, long line, String problem, java.util.List<InputException> others) {
    super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
    this.source = source;
    this.line = line;
    this.problem = problem;
    this.others = others;
  }

  /**
   * Returns the first of several problems, carrying the others.
   *
   * @param problems at least one, in file order
   * @return the first problem, carrying a copy of the rest as {@link #others()}
   */
  public static InputException of(java.util.List<InputException> problems) {
    InputException first = problems.get(0);
    return new InputException(
        first.source,
        first.line,
        first.problem,
        java.util.List.copyOf(problems.subList(1, problems.size())));
  }

  /**
   * Returns the errors of a validation as one exception: the first, carrying the others (at most
   * those listed).
   *
   * @param validation a validation with at least one error, non-null
   * @return the first error, carrying the other listed errors as {@link #others()}
   * @throws IllegalArgumentException when the validation has no error
   */
  public static InputException of(fr.apl.problem.Validation validation) {
    java.util.List<InputException> errors = new java.util.ArrayList<>();
    for (fr.apl.problem.Problem p : validation.errorList()) {
      errors.add(new InputException(p.file(), p.line(), p.problemText()));
    }
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("the validation has no error");
    }
    return of(errors);
  }

  /** {@return the further problems found after this one (often none); immutable} */
  public java.util.List<InputException> others() {
    return others;
  }

  /** {@return the file name as the user gave it} */
  public String source() {
    return source;
  }

  /** {@return the 1-based line number, or 0 for the whole file} */
  public long line() {
    return line;
  }

  /** {@return what is wrong, without the file and line} */
  public String problem() {
    return problem;
  }
}
