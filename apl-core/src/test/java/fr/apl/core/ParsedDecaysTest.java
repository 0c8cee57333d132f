package fr.apl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.decay.Decays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The continuous decays of {@link Decays} go through the catchments' table of distinct weights:
 * on seeded random worlds the APL equals the dense reference computed with the same function, to
 * 1e-12 relative, and does not depend on the thread count.
 */
class ParsedDecaysTest {

  @ParameterizedTest(name = "{0} within {1} ({2}), seed {3}")
  @CsvSource({
    "gaussian:10,   25, HALF_OPEN,    1",
    "gaussian:10,   25, CLOSED_UPPER, 2",
    "gaussian:7.5,  20, HALF_OPEN,    17",
    "gaussian:10,   25, HALF_OPEN,    2026",
    "power:1.5,     25, HALF_OPEN,    3",
    "power:2:0.5,   25, CLOSED_UPPER, 42",
    "power:1,       20, HALF_OPEN,    2026",
    "kd2sfca:22,    25, HALF_OPEN,    5",
    "logistic:12:3, 25, CLOSED_UPPER, 6",
  })
  void aParsedDecayMatchesTheDenseReference(
      String spec, double maxMinutes, BandEdges edges, long seed) {
    Decay decay = Decays.parse(spec, maxMinutes, edges);
    RandomWorld w = RandomWorld.generate(seed);
    NaiveApl ref = new NaiveApl(w.minutes, w.population, w.supply, decay::weight);
    AplResult one = Apl.prepare(w.matrix(), decay, 1)
        .compute(w.populationValues(), List.of(Variant.of("apl", w.supplyValues())), 1);
    AplResult three = Apl.prepare(w.matrix(), decay, 3)
        .compute(w.populationValues(), List.of(Variant.of("apl", w.supplyValues())), 3);
    for (int k = 0; k < one.size(); k++) {
      int i = w.index(one.code(k));
      double expected = ref.apl[i];
      double actual = one.apl(0, k);
      // The same sums in another order: a few ulps apart at most.
      assertEquals(
          expected,
          actual,
          1e-12 * Math.max(1, Math.abs(expected)),
          "seed " + seed + ", " + spec + ", " + one.code(k));
      assertEquals(
          Double.doubleToLongBits(actual),
          Double.doubleToLongBits(three.apl(0, k)),
          "seed " + seed + ": threads change nothing");
    }
  }
}
