package fr.apl.supply;

/**
 * Says what a practitioners' file measures in its activity column, and so which column it needs.
 */
public enum Activity {
  /** Acts of the year: consultations, visits and teleconsultations (column {@code acts}). */
  ACTS("acts"),
  /** Full-time equivalents of the year, already computed (column {@code fte}, also {@code etp}). */
  FTE("fte");

  private final String column;

  Activity(String column) {
    this.column = column;
  }

  /** {@return the usual name of the column, {@code acts} or {@code fte}} */
  public String column() {
    return column;
  }
}
