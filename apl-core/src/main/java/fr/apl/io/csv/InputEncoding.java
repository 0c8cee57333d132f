package fr.apl.io.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Says how the bytes of an input file are decoded. INSEE and spreadsheet exports are UTF-8 or
 * Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on a French Windows machine).
 */
public enum InputEncoding {
  /** UTF-8, with or without byte order mark; a byte sequence that is not UTF-8 is an error. */
  UTF_8,
  /** Windows-1252 (a superset of ISO-8859-1 with the euro sign and French œ). */
  WINDOWS_1252,
  /**
   * UTF-8 when the whole file decodes as UTF-8, otherwise Windows-1252. A pure ASCII file is
   * UTF-8. Costs one extra pass over the file.
   */
  AUTO;

  /** The Windows-1252 charset (always present in a JDK). */
  public static final Charset CP1252 = Charset.forName("windows-1252");

  /**
   * Parses {@code utf-8}, {@code windows-1252} (also {@code cp1252}, {@code latin1}) or
   * {@code auto}, ignoring case.
   *
   * @param name the encoding as an option gives it, non-null; surrounding spaces ignored
   * @return the encoding
   * @throws IllegalArgumentException on any other name
   */
  public static InputEncoding parse(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "utf-8":
      case "utf8":
        return UTF_8;
      case "windows-1252":
      case "cp1252":
      case "latin1":
      case "iso-8859-1":
        return WINDOWS_1252;
      case "auto":
        return AUTO;
      default:
        throw new IllegalArgumentException(
            "encoding must be utf-8, windows-1252 or auto, given: " + name);
    }
  }

  /** {@return the charset of a fixed encoding, or null for {@link #AUTO}} */
  public Charset charset() {
    switch (this) {
      case UTF_8:
        return StandardCharsets.UTF_8;
      case WINDOWS_1252:
        return CP1252;
      default:
        return null;
    }
  }
}
