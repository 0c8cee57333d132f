package fr.apl.cli;

/** The exit codes of every apl command (BSD sysexits where one fits). */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;
  /** A bug in apl: please report it with the command line. */
  static final int BUG = 1;
  /** Wrong command line: unknown option, missing or conflicting options. */
  static final int USAGE = 2;
  /** apl zoning --check: the zoning differs from the previous one. */
  static final int CHANGED = 3;
  /** Bad input data: the message names the file, line and value. */
  static final int DATA = 65;
  /** The engine asked with --engine is not on the class path (Spark not built, say). */
  static final int UNAVAILABLE = 69;
  /** An input file does not exist or cannot be opened. */
  static final int NO_INPUT = 66;
  /** Reading or writing failed (disk full, permission denied…). */
  static final int IO = 74;

  /** The exit code list at the bottom of every --help (validate, which writes nothing, has its own). */
  static final String HELP = "%nExit codes:%n"
      + "  0   success%n"
      + "  1   internal error (a bug: please report it)%n"
      + "  2   usage error (unknown, missing or conflicting options; an output file that exists"
      + " without --force, that is an input, or that two options name)%n"
      + "  3   apl zoning --check: the zoning changed (the changes are on stderr)%n"
      + "  65  bad input data (every problem listed with file, line and value)%n"
      + "  66  an input file is missing or cannot be opened%n"
      + "  69  apl compute --engine: the engine is not on the class path (spark: build apl-spark)%n"
      + "  74  input/output error while reading or writing (e.g. an output's folder does not"
      + " exist, a full disk, a closed stdout)%n";

  private ExitCodes() {}
}
