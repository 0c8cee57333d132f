package fr.apl.problem;

/** Says whether a problem stops a computation. */
public enum Severity {
  /** The input cannot be used as it is: {@code apl compute} refuses to run. */
  ERROR,
  /** The input can be used, with a consequence the user should know (stated in the message). */
  WARNING
}
