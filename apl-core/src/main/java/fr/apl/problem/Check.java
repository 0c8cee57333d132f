package fr.apl.problem;

/**
 * Names each rule that the readers and the checks across files apply, with the severity of what
 * it finds. Tests and tools can count problems by check ({@link Validation#count(Check)}).
 */
public enum Check {
  /** An input file does not exist or cannot be opened. */
  FILE_NOT_FOUND(Severity.ERROR),
  /** The file has no header line. */
  EMPTY_FILE(Severity.ERROR),
  /** The file has a header and no data. */
  HEADER_ONLY(Severity.ERROR),
  /** A column the input needs is not in the header. */
  MISSING_COLUMN(Severity.ERROR),
  /** A header name appears twice. */
  DUPLICATE_COLUMN(Severity.ERROR),
  /** A row has another field count than the header, or an unclosed quote. */
  MALFORMED_ROW(Severity.ERROR),
  /** The bytes cannot be read as a table: damaged gzip, UTF-16, a line or file too long. */
  DAMAGED_FILE(Severity.ERROR),
  /** The file is not in the encoding asked for. */
  ENCODING(Severity.ERROR),
  /** The file is not UTF-8 and was read as Windows-1252. */
  ENCODING_GUESSED(Severity.WARNING),
  /** A commune code is empty or not an INSEE commune code. */
  INVALID_CODE(Severity.ERROR),
  /** A commune code lost its leading zero ({@code 1001} for {@code 01001}). */
  LEADING_ZERO(Severity.ERROR),
  /** A Corsican commune is written with department 20. */
  CORSICA_20(Severity.ERROR),
  /** A number field is not a number. */
  NOT_A_NUMBER(Severity.ERROR),
  /** A number is NaN or infinite. */
  NOT_FINITE(Severity.ERROR),
  /** A count or a time is negative. */
  NEGATIVE(Severity.ERROR),
  /** A value is beyond any real one (a population above 10^9, supply above 10^8 acts). */
  ABSURD_VALUE(Severity.ERROR),
  /** The population totals 0: every APL would be 0. */
  NO_POPULATION(Severity.ERROR),
  /** A result is not finite, or supply is not conserved: the inputs' magnitudes overflow. */
  NOT_FINITE_RESULT(Severity.ERROR),
  /** Communes are beyond the decay's reach from themselves (a self pair of 30 minutes). */
  SELF_OUT_OF_REACH(Severity.WARNING),
  /** A travel time is longer than a day (seconds given for minutes?). */
  ABSURD_TIME(Severity.ERROR),
  /** A travel-time pair is given twice with different times. */
  DUPLICATE_PAIR(Severity.ERROR),
  /** A travel-time pair is given twice with the same time (kept once). */
  REPEATED_PAIR(Severity.WARNING),
  /** Communes of the times table have no pair to themselves (0 minutes assumed). */
  MISSING_SELF_PAIRS(Severity.WARNING),
  /** A commune (or a doctor's practice) is given twice in one file. */
  DUPLICATE_COMMUNE(Severity.ERROR),
  /** A field has a value outside its allowed set (age, mode, flag, capped supply). */
  INVALID_VALUE(Severity.ERROR),
  /** The rows of one doctor disagree on age, mode or new installation. */
  INCONSISTENT_DOCTOR(Severity.ERROR),
  /** A doctor has no act in the year. */
  ZERO_ACTS(Severity.WARNING),
  /** Paris, Lyon or Marseille appears both as a whole and by arrondissement. */
  ARRONDISSEMENTS_AND_WHOLE(Severity.ERROR),
  /** A scenario changes a commune that no input lists (its supply may reach no one). */
  UNKNOWN_COMMUNE(Severity.WARNING),
  /** Population communes that the times table never mentions. */
  POPULATION_NOT_IN_TIMES(Severity.WARNING),
  /** The population and the times table have no commune in common. */
  NO_COMMON_COMMUNE(Severity.ERROR),
  /** Supply in communes that no population commune reaches. */
  SUPPLY_UNREACHED(Severity.WARNING),
  /** The times table stops before the last band of the decay: far pairs are missing. */
  DECAY_BEYOND_TIMES(Severity.WARNING),
  /** A point is farther from the nearest road than allowed, or has no road near it: not routed. */
  FAR_FROM_ROAD(Severity.WARNING),
  /** A routed point reaches no other point within the time bound (an island, a cut network). */
  UNREACHED_POINT(Severity.WARNING);

  private final Severity severity;

  Check(Severity severity) {
    this.severity = severity;
  }

  /** {@return the severity of what this check finds} */
  public Severity severity() {
    return severity;
  }

  /**
   * Returns true for the facts that {@code apl compute} counts in its own summary (repeated
   * pairs, missing self pairs, communes missing from the times, unreached supply), so that it
   * need not list them twice.
   *
   * @return true for {@link #REPEATED_PAIR}, {@link #MISSING_SELF_PAIRS}, {@link
   *     #POPULATION_NOT_IN_TIMES} and {@link #SUPPLY_UNREACHED}
   */
  public boolean inComputeSummary() {
    return this == REPEATED_PAIR
        || this == MISSING_SELF_PAIRS
        || this == POPULATION_NOT_IN_TIMES
        || this == SUPPLY_UNREACHED;
  }
}
