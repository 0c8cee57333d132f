package fr.apl.decay;

import static fr.apl.decay.BandEdges.CLOSED_UPPER;
import static fr.apl.decay.BandEdges.HALF_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each continuous decay against its formula, written out again here: at 0, mid-range, just
 * below, at and just above the cutoff, in both edge conventions. Weights are compared bit for bit
 * (the same double expression), and checked finite and >= 0.
 */
class ContinuousDecaysTest {

  private static final double E = Math.exp(-0.5);

  /** A decay in both conventions, its formula, and its cutoff. */
  static Stream<Arguments> decays() {
    return Stream.of(
        Arguments.of(
            "gaussian:10 cutoff 30",
            GaussianDecay.of(10, 30, HALF_OPEN),
            GaussianDecay.of(10, 30, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> Math.exp(-(t * t) / (2 * 10.0 * 10.0)),
            30.0),
        Arguments.of(
            "kd2sfca:25",
            KernelDensityDecay.of(25, HALF_OPEN),
            KernelDensityDecay.of(25, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> (Math.exp(-0.5 * (t / 25) * (t / 25)) - E) / (1 - E),
            25.0),
        Arguments.of(
            "kd2sfca:25 cutoff 20 (min(M, T0) = M)",
            KernelDensityDecay.of(25, 20, HALF_OPEN),
            KernelDensityDecay.of(25, 20, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> (Math.exp(-0.5 * (t / 25) * (t / 25)) - E) / (1 - E),
            20.0),
        Arguments.of(
            "kd2sfca:25 cutoff 40 (min(M, T0) = T0)",
            KernelDensityDecay.of(25, 40, HALF_OPEN),
            KernelDensityDecay.of(25, 40, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> (Math.exp(-0.5 * (t / 25) * (t / 25)) - E) / (1 - E),
            25.0),
        Arguments.of(
            "exponential:0.1 cutoff 30",
            ExponentialDecay.of(0.1, 30, HALF_OPEN),
            ExponentialDecay.of(0.1, 30, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> Math.exp(-0.1 * t),
            30.0),
        Arguments.of(
            "power:1.5 cutoff 30",
            PowerDecay.of(1.5, 1, 30, HALF_OPEN),
            PowerDecay.of(1.5, 1, 30, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> Math.pow(Math.max(t, 1), -1.5),
            30.0),
        Arguments.of(
            "power:2:0.5 cutoff 30",
            PowerDecay.of(2, 0.5, 30, HALF_OPEN),
            PowerDecay.of(2, 0.5, 30, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> Math.pow(Math.max(t, 0.5), -2),
            30.0),
        Arguments.of(
            "linear:25 cutoff 20",
            LinearDecay.of(25, 20, HALF_OPEN),
            LinearDecay.of(25, 20, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> 1 - t / 25,
            20.0),
        Arguments.of(
            "linear:25",
            LinearDecay.of(25, HALF_OPEN),
            LinearDecay.of(25, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> 1 - t / 25,
            25.0),
        Arguments.of(
            "logistic:15:3 cutoff 40",
            LogisticDecay.of(15, 3, 40, HALF_OPEN),
            LogisticDecay.of(15, 3, 40, CLOSED_UPPER),
            (DoubleUnaryOperator) t -> 1 / (1 + Math.exp((t - 15) / 3)),
            40.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decays")
  void eachDecayFollowsItsFormulaUpToItsCutoff(
      String name, Decay halfOpen, Decay closedUpper, DoubleUnaryOperator f, double cutoff) {
    double below = Math.nextDown(cutoff);
    double above = Math.nextUp(cutoff);
    for (double t : new double[] {0, 0.5, 1, cutoff / 2, below}) {
      assertEquals(f.applyAsDouble(t), halfOpen.weight(t), name + " half-open at " + t);
      assertEquals(f.applyAsDouble(t), closedUpper.weight(t), name + " closed-upper at " + t);
      assertTrue(halfOpen.weight(t) >= 0 && Double.isFinite(halfOpen.weight(t)), name);
    }
    // Half-open drops the cutoff itself, closed-upper keeps it; nothing beyond in either.
    assertEquals(0.0, halfOpen.weight(cutoff), name + " half-open at the cutoff");
    assertEquals(f.applyAsDouble(cutoff), closedUpper.weight(cutoff), name + " closed at it");
    assertEquals(0.0, halfOpen.weight(above), name);
    assertEquals(0.0, closedUpper.weight(above), name);
    assertEquals(0.0, closedUpper.weight(1e6), name);
    assertEquals(cutoff, halfOpen.maxMinutes(), name);
    assertEquals(cutoff, closedUpper.maxMinutes(), name);
  }

  @Test
  void handComputedValues() {
    // exp(-100 / 200) = exp(-1/2) ≈ 0.6065: one sigma.
    assertEquals(0.6065306597126334, GaussianDecay.of(10, 30, HALF_OPEN).weight(10), 1e-15);
    // At T0 the kernel is exactly 0; at 0 exactly 1.
    assertEquals(0.0, KernelDensityDecay.of(25, CLOSED_UPPER).weight(25));
    assertEquals(1.0, KernelDensityDecay.of(25, CLOSED_UPPER).weight(0));
    assertEquals(0.0, LinearDecay.of(25, CLOSED_UPPER).weight(25));
    // 1 / (1 + e^0) = 1/2 at the inflection point.
    assertEquals(0.5, LogisticDecay.of(15, 3, 40, HALF_OPEN).weight(15));
    // 4^-1.5 = 1/8; under the floor of 1 minute, 1.
    assertEquals(0.125, PowerDecay.of(1.5, 1, 30, HALF_OPEN).weight(4));
    assertEquals(1.0, PowerDecay.of(1.5, 1, 30, HALF_OPEN).weight(0));
    // beta 0: every time in reach weighs 1.
    assertEquals(1.0, ExponentialDecay.of(0, 30, HALF_OPEN).weight(29));
    assertEquals(1.0, PowerDecay.of(0, 1, 30, HALF_OPEN).weight(29));
  }

  static Stream<Arguments> badParameters() {
    return Stream.of(
        Arguments.of((Runnable) () -> GaussianDecay.of(0, 30, HALF_OPEN), "sigma"),
        Arguments.of((Runnable) () -> GaussianDecay.of(Double.NaN, 30, HALF_OPEN), "sigma"),
        Arguments.of((Runnable) () -> GaussianDecay.of(-1, 30, HALF_OPEN), "sigma"),
        Arguments.of((Runnable) () -> GaussianDecay.of(10, 0, HALF_OPEN), "cutoff"),
        Arguments.of(
            (Runnable) () -> GaussianDecay.of(10, Double.POSITIVE_INFINITY, HALF_OPEN), "cutoff"),
        Arguments.of((Runnable) () -> GaussianDecay.of(10, Double.NaN, HALF_OPEN), "cutoff"),
        Arguments.of((Runnable) () -> GaussianDecay.of(10, 30, null), "edges"),
        Arguments.of((Runnable) () -> KernelDensityDecay.of(0, HALF_OPEN), "T0"),
        Arguments.of((Runnable) () -> KernelDensityDecay.of(25, -1, HALF_OPEN), "cutoff"),
        Arguments.of((Runnable) () -> ExponentialDecay.of(-0.1, 30, HALF_OPEN), "beta"),
        Arguments.of(
            (Runnable) () -> ExponentialDecay.of(Double.POSITIVE_INFINITY, 30, HALF_OPEN), "beta"),
        Arguments.of((Runnable) () -> PowerDecay.of(-1, 1, 30, HALF_OPEN), "beta"),
        Arguments.of((Runnable) () -> PowerDecay.of(1, 0, 30, HALF_OPEN), "MIN"),
        Arguments.of((Runnable) () -> LinearDecay.of(0, HALF_OPEN), "T"),
        Arguments.of((Runnable) () -> LinearDecay.of(25, Double.NaN, HALF_OPEN), "cutoff"),
        Arguments.of((Runnable) () -> LogisticDecay.of(0, 3, 40, HALF_OPEN), "T"),
        Arguments.of((Runnable) () -> LogisticDecay.of(15, 0, 40, HALF_OPEN), "SD"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badParameters")
  void parametersOutOfRangeAreRefusedNamingThem(Runnable make, String concept) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
    assertTrue(e.getMessage().contains(concept), e.getMessage());
  }

  @Test
  void farTailsUnderflowToZeroNotBelow() {
    // exp(-1e6 / 2) underflows to 0.0: finite and >= 0 as the contract asks.
    assertEquals(0.0, GaussianDecay.of(1, 2000, HALF_OPEN).weight(1000));
    assertEquals(0.0, LogisticDecay.of(1, 0.001, 2000, HALF_OPEN).weight(1000));
    assertTrue(PowerDecay.of(1, 1e-300, 30, HALF_OPEN).weight(0) < Double.POSITIVE_INFINITY);
  }
}
