package fr.apl.io.csv;

import java.nio.charset.StandardCharsets;

/**
 * Splits CSV lines held as bytes into fields without allocating: the byte-level readers of the
 * times table (the fast reader and the validating pass) share it. Stateless and thread-safe.
 */
final class ByteFields {

  private ByteFields() {}

  /**
   * Splits {@code buf[from..to)} into fields separated by {@code sep}; a field in double quotes
   * loses its quotes. Positions are recorded for the first {@code start.length} fields.
   *
   * @return the number of fields of the line
   */
  public static int split(byte[] buf, int from, int to, byte sep, int[] start, int[] end) {
    int f = 0;
    int k = from;
    while (true) {
      int s;
      int e;
      if (k < to && buf[k] == '"') {
        s = k + 1;
        int q = s;
        while (q < to && !(buf[q] == '"' && (q + 1 == to || buf[q + 1] == sep))) {
          q++;
        }
        e = q;
        k = q < to ? q + 1 : to;
      } else {
        s = k;
        while (k < to && buf[k] != sep) {
          k++;
        }
        e = k;
      }
      if (f < start.length) {
        start[f] = s;
        end[f] = e;
      }
      f++;
      if (k >= to) {
        return f;
      }
      k++;
      if (k == to) {
        if (f < start.length) {
          start[f] = to;
          end[f] = to;
        }
        return f + 1;
      }
    }
  }

  /** Returns {@code buf[from..to)} as UTF-8 text for a message, cut to 80 characters. */
  public static String text(byte[] buf, int from, int to) {
    String s = new String(buf, from, to - from, StandardCharsets.UTF_8);
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
