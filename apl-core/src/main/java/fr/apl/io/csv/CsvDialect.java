package fr.apl.io.csv;

import java.math.BigDecimal;

/**
 * Says how output CSV is written: separator and decimal mark. Numbers always carry the digits
 * that round-trip to the same double ({@link Double#toString}), in plain notation (no exponent),
 * whatever the machine's locale.
 */
public enum CsvDialect {
  /** {@code ,} separator, {@code .} decimal point: the default, read by every tool. */
  STANDARD(',', '.'),
  /** {@code ;} separator, {@code ,} decimal comma: what a French spreadsheet opens directly. */
  FRENCH(';', ',');

  private final char separator;
  private final char decimal;

  CsvDialect(char separator, char decimal) {
    this.separator = separator;
    this.decimal = decimal;
  }

  /** {@return the field separator} */
  public char separator() {
    return separator;
  }

  /**
   * Returns a number as written in this dialect.
   *
   * @param v the number
   * @return its text in {@link java.util.Locale#ROOT} digits, with this dialect's decimal mark
   */
  public String number(double v) {
    String s = Double.toString(v);
    if (s.indexOf('E') >= 0) {
      s = new BigDecimal(s).toPlainString();
    }
    return decimal == '.' ? s : s.replace('.', decimal);
  }
}
