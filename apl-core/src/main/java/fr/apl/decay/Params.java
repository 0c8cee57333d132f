package fr.apl.decay;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks, parses and writes the parameters of decays; messages name the parameter. */
final class Params {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private Params() {}

  /** Returns {@code value} when finite and > 0; otherwise throws naming {@code what}. */
  static double positive(String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be finite and > 0, given: " + text(value));
    }
    return value;
  }

  /** Returns {@code value} when finite and >= 0; otherwise throws naming {@code what}. */
  static double nonNegative(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0, given: " + text(value));
    }
    return value;
  }

  /**
   * Parses a plain decimal ({@code 10}, {@code 2.5}, {@code 1e-3}); no hexadecimal, NaN or
   * Infinity, which {@link Double#parseDouble} would take.
   */
  static double number(String what, String text) {
    String s = text.trim();
    if (!DECIMAL.matcher(s).matches()) {
      throw new IllegalArgumentException(what + ": '" + s + "' is not a number");
    }
    return Double.parseDouble(s);
  }

  /** Writes a number as short as it reads back: {@code 10}, not {@code 10.0}; 2.5 as 2.5. */
  static String text(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** Writes an edge convention as the CLI spells it: {@code half-open}, {@code closed-upper}. */
  static String text(BandEdges edges) {
    return edges.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
