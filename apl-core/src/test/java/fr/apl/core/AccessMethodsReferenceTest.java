package fr.apl.core;

import static fr.apl.core.RelativeAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.decay.DistanceDecay;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every access method against {@link NaiveMethods} on 30 seeded random worlds, under the
 * DREES bands and a continuous decay: 1e-12 relative (sums of positive terms in another order
 * differ by a few ulps; a wrong weight moves a value by percents), the same bits on 1 and 3
 * threads, and conservation of supply for the methods that promise it.
 */
class AccessMethodsReferenceTest {

  private static final double TOL = 1e-12;

  /** A linear decay, 1 - t/25 within 25 minutes: continuous, not a step function. */
  private static final Decay LINEAR = new Decay() {
    @Override
    public double weight(double minutes) {
      return minutes < 25 ? 1 - minutes / 25 : 0;
    }

    @Override
    public double maxMinutes() {
      return 25;
    }
  };

  /** A decay under test, with the reference's own description of it. */
  enum DecayCase {
    DREES(
        DistanceDecay.dreesGeneralPractitioners(BandEdges.HALF_OPEN),
        new NaiveApl.Decay(
            "DREES", new double[] {10, 15, 20}, new double[] {1, 2.0 / 3.0, 1.0 / 3.0}, false)),
    CONTINUOUS(LINEAR, t -> t < 25 ? 1 - t / 25 : 0);

    final Decay main;
    final DoubleUnaryOperator reference;

    DecayCase(Decay main, DoubleUnaryOperator reference) {
      this.main = main;
      this.reference = reference;
    }
  }

  static Stream<Arguments> worlds() {
    return LongStream.rangeClosed(1, 30)
        .boxed()
        .flatMap(seed -> AccessMethod.names().stream()
            .flatMap(m -> Stream.of(DecayCase.values()).map(d -> Arguments.of(seed, m, d))));
  }

  @ParameterizedTest(name = "seed {0}, {1}, {2}")
  @MethodSource("worlds")
  void gathersMatchTheDenseReference(long seed, String name, DecayCase decay) {
    RandomWorld w = RandomWorld.generate(seed);
    String where = "seed " + seed + ", " + name + ", " + decay;
    AccessMethod method = AccessMethod.of(name);
    double[] expected = NaiveMethods.access(
        name, NaiveMethods.weights(w.minutes, decay.reference), w.population, w.supply);
    List<Variant> variants = List.of(Variant.of("v", w.supplyValues()));
    AplResult one =
        Apl.prepare(w.matrix(), decay.main, 1).compute(w.populationValues(), variants, method, 1);
    AplResult three =
        Apl.prepare(w.matrix(), decay.main, 3).compute(w.populationValues(), variants, method, 3);
    assertTrue(one.size() > 0, where);
    for (int k = 0; k < one.size(); k++) {
      String code = one.code(k);
      double actual = one.apl(0, k);
      assertClose(expected[w.index(code)], actual, TOL, () -> where + ", access of " + code);
      assertEquals(
          Double.doubleToLongBits(actual),
          Double.doubleToLongBits(three.apl(0, k)),
          where + ", " + code + ": 1 and 3 threads differ");
    }
    if (method.conservesSupply()) {
      double error = one.diagnostics().variants().get(0).conservationRelativeError();
      assertTrue(error < 1e-12, where + ": conservation relative error " + error);
    }
  }

  @Test
  void methodsByName() {
    assertEquals(
        List.of("e2sfca", "3sfca", "m2sfca", "bfca", "cumulative", "ratio"), AccessMethod.names());
    for (String name : AccessMethod.names()) {
      assertEquals(
          name, AccessMethod.of(name.toUpperCase(java.util.Locale.ROOT)).name());
    }
    assertTrue(AccessMethod.of("e2sfca") == AccessMethod.e2sfca());
    assertTrue(AccessMethod.of("e2sfca").conservesSupply());
    assertTrue(AccessMethod.of("3sfca").conservesSupply());
    for (String name : List.of("m2sfca", "bfca", "cumulative", "ratio")) {
      assertTrue(!AccessMethod.of(name).conservesSupply(), name);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AccessMethod.of("4sfca"));
    assertTrue(e.getMessage().contains("4sfca") && e.getMessage().contains("bfca"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AccessMethod.of(null));
  }
}
