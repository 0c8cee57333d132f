package fr.apl.cli;

import fr.apl.problem.Check;
import fr.apl.problem.Problem;
import fr.apl.problem.Validation;
import java.io.PrintWriter;

/**
 * Prints the problems of a run, one per line, in the words of the command line: the library
 * names concepts ("the column mapping", "a code history"), the command line the options that set
 * them ({@code --columns}, {@code --cog-map}).
 */
final class InputCheck {

  /** Library phrases and the options that say the same on the command line, in order. */
  private static final String[][] FLAGS = {
    {"in the column mapping: ", "with --columns "},
    {"(column mapping)", "(--columns)"},
    {"(a code history)", "(--cog-map)"},
    {"with a code history", "with --cog-map"},
    {"give the encoding", "give --encoding"},
    {"(the time column)", "(--time-column)"},
    {"or the time column", "or --time-column"},
    {"give doctors to compute", "give --doctors to compute"},
    {"age cap ", "--age-caps "},
    {"leave out the age cap", "leave out --age-caps"},
    {"the compared age weights", "--compare-age-weights"}
  };

  private InputCheck() {}

  /** Returns a library message in the words of the command line. */
  static String flags(String message) {
    String m = message;
    for (String[] f : FLAGS) {
      m = m.replace(f[0], f[1]);
    }
    return m;
  }

  /** Returns a problem as printed: {@code file:line: error: message (value) — hint}. */
  static String format(Problem p) {
    return flags(p.format());
  }

  /** Prints every problem kept, a line on those not kept, and the summary line. */
  static void list(PrintWriter w, Validation v) {
    for (Problem p : v.problems()) {
      w.println(format(p));
    }
    if (v.notListed() > 0) {
      w.println("(" + v.notListed() + " more problems not listed: at most "
          + Validation.LISTED_PER_CHECK + " of each kind are)");
    }
    w.println(v.summary());
  }

  /** Returns the exit code of a validation: 0 without errors, 66 for a missing file, else 65. */
  static int exitCode(Validation v) {
    if (v.count(Check.FILE_NOT_FOUND) > 0) {
      return ExitCodes.NO_INPUT;
    }
    return v.hasErrors() ? ExitCodes.DATA : ExitCodes.OK;
  }

  /**
   * Before a computation: on errors, lists every problem on {@code err} and returns the exit
   * code; otherwise prints the warnings that the computation's summary does not already give and
   * returns null.
   */
  static Integer refuse(PrintWriter err, Validation v) {
    if (v.hasErrors()) {
      list(err, v);
      err.println("apl: nothing computed: fix the errors above (apl validate lists them with the"
          + " same options)");
      return exitCode(v);
    }
    for (Problem p : v.problems()) {
      if (!p.check().inComputeSummary()) {
        err.println(format(p));
      }
    }
    return null;
  }
}
