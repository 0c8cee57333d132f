package fr.apl.matrix;

/**
 * Signals that one origin–destination pair was given twice with different travel times.
 *
 * <p>Carries the positions (0-based, in the order the pairs were given) of both records, so a
 * reader can turn them into file line numbers.
 */
public final class DuplicatePairException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The 0-based position of the earlier record of the pair. */
  private final long firstRecord;

  /** The 0-based position of the later record of the pair. */
  private final long secondRecord;

  DuplicatePairException(
      String origin,
      String destination,
      double firstMinutes,
      double secondMinutes,
      long firstRecord,
      long secondRecord) {
    super("pair " + origin + " -> " + destination + " is given twice with different times: "
        + firstMinutes + " and " + secondMinutes + " minutes");
    this.firstRecord = firstRecord;
    this.secondRecord = secondRecord;
  }

  /** {@return the 0-based position of the earlier record of the pair} */
  public long firstRecord() {
    return firstRecord;
  }

  /** {@return the 0-based position of the later record of the pair} */
  public long secondRecord() {
    return secondRecord;
  }
}
