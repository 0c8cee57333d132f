package fr.apl.spark;

/**
 * Says that an input read on Spark is wrong (a time that is not a number, a pair given twice
 * with two times, a column missing…): the message names the file, the column, the value and, as
 * Spark reads files in parallel chunks with no line numbers, the record itself.
 */
public final class SparkInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, where
   */
  public SparkInputException(String message) {
    super(message);
  }
}
