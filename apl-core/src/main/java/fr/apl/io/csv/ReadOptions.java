package fr.apl.io.csv;

/**
 * Says how the readers decode and interpret an input file: its encoding, the names of its columns
 * and the longest line they accept.
 *
 * @param encoding how bytes are decoded, non-null
 * @param columns column names that differ from the usual ones, non-null
 * @param maxLineBytes the longest line a reader accepts, in bytes, from 1 KiB to 1 GiB: a longer
 *     one (a binary file, {@code /dev/zero}, a file with no line ends) is an error of the file,
 *     and bounds the memory a reader needs, whatever the file
 */
public record ReadOptions(InputEncoding encoding, ColumnMapping columns, int maxLineBytes) {

  /** The default longest line: 1 MiB, some ten thousand times a usual row. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private static final ReadOptions DEFAULTS =
      new ReadOptions(InputEncoding.AUTO, ColumnMapping.none());

  /**
   * Checks for nulls and the bound.
   *
   * @param encoding how bytes are decoded, non-null
   * @param columns column names, non-null
   * @param maxLineBytes the longest line, from 1 KiB to 1 GiB
   * @throws IllegalArgumentException on a null or a bound out of range
   */
  public ReadOptions {
    if (encoding == null || columns == null) {
      throw new IllegalArgumentException("encoding and columns must not be null");
    }
    if (maxLineBytes < 1024 || maxLineBytes > 1 << 30) {
      throw new IllegalArgumentException(
          "the longest line must be from 1024 bytes to 1 GiB," + " given: " + maxLineBytes);
    }
  }

  /**
   * Creates options with the default longest line, {@link #DEFAULT_MAX_LINE_BYTES}.
   *
   * @param encoding how bytes are decoded, non-null
   * @param columns column names, non-null
   */
  public ReadOptions(InputEncoding encoding, ColumnMapping columns) {
    this(encoding, columns, DEFAULT_MAX_LINE_BYTES);
  }

  /** {@return the options of the plain readers: encoding detected, usual column names} */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns these options with other column names.
   *
   * @param other the column names, non-null
   * @return new options
   */
  public ReadOptions withColumns(ColumnMapping other) {
    return new ReadOptions(encoding, other, maxLineBytes);
  }
}
