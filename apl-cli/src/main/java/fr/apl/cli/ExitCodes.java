package fr.apl.cli;

/** The exit codes of every apl command (BSD sysexits where one fits). */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;
  /** A bug in apl: please report it with the command line. */
  static final int BUG = 1;
  /** apl zoning --check: the zoning differs from the previous one. */
  static final int CHANGED = 3;
  /** Wrong command line: unknown option, missing or conflicting options. */
  static final int USAGE = 2;
  /** Bad input data: the message names the file, line and value. */
  static final int DATA = 65;
  /** An input file does not exist or cannot be opened. */
  static final int NO_INPUT = 66;
  /** Reading or writing failed (disk full, permission denied…). */
  static final int IO = 74;

  /** The exit code list as shown at the bottom of every --help. */
  static final String HELP = "%nExit codes:%n"
      + "  0   success%n"
      + "  1   internal error (a bug: please report it)%n"
      + "  2   usage error (unknown, missing or conflicting options; an output file that exists"
      + " without --force)%n"
      + "  65  bad input data (every problem listed with file, line and value)%n"
      + "  66  an input file is missing or cannot be opened%n"
      + "  74  input/output error while reading or writing%n";

  private ExitCodes() {}
}
