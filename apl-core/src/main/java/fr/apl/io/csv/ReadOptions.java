package fr.apl.io.csv;

/**
 * Says how the readers decode and interpret an input file: its encoding and the names of its
 * columns.
 *
 * @param encoding how bytes are decoded, non-null
 * @param columns column names that differ from the usual ones, non-null
 */
public record ReadOptions(InputEncoding encoding, ColumnMapping columns) {

  private static final ReadOptions DEFAULTS =
      new ReadOptions(InputEncoding.AUTO, ColumnMapping.none());

  /** Checks for nulls. */
  public ReadOptions {
    if (encoding == null || columns == null) {
      throw new IllegalArgumentException("encoding and columns must not be null");
    }
  }

  /** Returns the options of the plain readers: encoding detected, usual column names. */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }
}
