package fr.apl.io.csv;

/**
 * Parses decimal numbers as written in CSV files: {@code 12}, {@code -3.5}, {@code 9,6} (decimal
 * comma), {@code 1.5e3}. Hexadecimal, {@code NaN}, {@code Infinity} and Java suffixes
 * ({@code 1d}) are refused, unlike {@link Double#parseDouble}.
 *
 * <p>The result is the double nearest to the decimal written, as {@link Double#parseDouble} gives.
 */
final class Numbers {

  /** 10^0 … 10^22: every power of ten that a double holds exactly. */
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int k = 0; k < POW10.length; k++) {
      POW10[k] = p;
      p *= 10;
    }
  }

  private Numbers() {}

  /**
   * Parses a number.
   *
   * @return the value, or NaN when the text is not a decimal number
   */
  public static double parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return Double.NaN;
    }
    boolean dot = t.indexOf('.') >= 0;
    int comma = t.indexOf(',');
    if (comma >= 0) {
      if (dot || t.indexOf(',', comma + 1) >= 0) {
        return Double.NaN;
      }
      t = t.replace(',', '.');
    }
    return parseAscii(t);
  }

  /**
   * Parses bytes {@code b[from..to)} as a decimal number, '.' or ',' as decimal separator.
   *
   * @return the value, or NaN when the bytes are not a decimal number
   */
  public static double parse(byte[] b, int from, int to) {
    while (from < to && (b[from] == ' ' || b[from] == '\t')) {
      from++;
    }
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
      to--;
    }
    if (from == to) {
      return Double.NaN;
    }
    // Fast path (Clinger): at most 15 significant digits and 22 decimals are exact in a double,
    // so one correctly rounded division gives the nearest double, as parseDouble would.
    int k = from;
    boolean negative = false;
    if (b[k] == '-' || b[k] == '+') {
      negative = b[k] == '-';
      k++;
    }
    long mantissa = 0;
    int digits = 0;
    int decimals = 0;
    boolean separator = false;
    boolean any = false;
    for (; k < to; k++) {
      byte c = b[k];
      if (c >= '0' && c <= '9') {
        any = true;
        if (digits > 0 || c != '0') {
          digits++;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (separator) {
          decimals++;
        }
      } else if ((c == '.' || c == ',') && !separator) {
        separator = true;
      } else {
        break;
      }
    }
    if (k == to && any && digits <= 15 && decimals <= 22) {
      double v = mantissa / POW10[decimals];
      return negative ? -v : v;
    }
    char[] chars = new char[to - from];
    for (int q = 0; q < chars.length; q++) {
      chars[q] = (char) (b[from + q] & 0xff);
    }
    return parse(new String(chars));
  }

  private static double parseAscii(String t) {
    int k = 0;
    int n = t.length();
    if (k < n && (t.charAt(k) == '-' || t.charAt(k) == '+')) {
      k++;
    }
    int digits = 0;
    while (k < n && Character.isDigit(t.charAt(k)) && t.charAt(k) < 128) {
      k++;
      digits++;
    }
    if (k < n && t.charAt(k) == '.') {
      k++;
      while (k < n && t.charAt(k) >= '0' && t.charAt(k) <= '9') {
        k++;
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (k < n && (t.charAt(k) == 'e' || t.charAt(k) == 'E')) {
      k++;
      if (k < n && (t.charAt(k) == '-' || t.charAt(k) == '+')) {
        k++;
      }
      int exp = 0;
      while (k < n && t.charAt(k) >= '0' && t.charAt(k) <= '9') {
        k++;
        exp++;
      }
      if (exp == 0) {
        return Double.NaN;
      }
    }
    if (k != n) {
      return Double.NaN;
    }
    return Double.parseDouble(t);
  }
}
