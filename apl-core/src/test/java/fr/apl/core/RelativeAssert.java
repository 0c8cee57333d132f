package fr.apl.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;

/** Compares doubles to a relative tolerance, with exact zeros. */
final class RelativeAssert {

  private RelativeAssert() {}

  /**
   * Passes when {@code |expected − actual| <= tol · max(|expected|, |actual|) + 1e-300}; an
   * expected 0 must be exactly 0 (an APL of 0 means "no supply in reach", a decision, not a
   * rounding), and NaN never passes.
   */
  static void assertClose(double expected, double actual, double tol, Supplier<String> where) {
    if (expected == 0.0) {
      if (actual != 0.0) {
        fail(where.get() + ": expected exactly 0.0, got " + actual);
      }
      return;
    }
    double allowed = tol * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-300;
    if (!(Math.abs(expected - actual) <= allowed)) {
      fail(where.get() + ": expected " + expected + ", got " + actual + " (relative gap "
          + Math.abs(expected - actual) / Math.abs(expected) + ", allowed " + tol + ")");
    }
  }
}
