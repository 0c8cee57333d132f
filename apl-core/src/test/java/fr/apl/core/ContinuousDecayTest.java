package fr.apl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.decay.Decay;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decay seam: a decay that is any function of minutes (not bands) gives, on seeded random
 * worlds, the APL of the dense reference computed with the same function, and the same result on
 * 1 and 3 threads.
 */
class ContinuousDecayTest {

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

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 17, 42, 2026})
  void aContinuousDecayMatchesTheDenseReference(long seed) {
    RandomWorld w = RandomWorld.generate(seed);
    NaiveApl ref = new NaiveApl(w.minutes, w.population, w.supply, LINEAR::weight);
    AplResult one = Apl.prepare(w.matrix(), LINEAR, 1)
        .compute(w.populationValues(), List.of(Variant.of("apl", w.supplyValues())), 1);
    AplResult three = Apl.prepare(w.matrix(), LINEAR, 3)
        .compute(w.populationValues(), List.of(Variant.of("apl", w.supplyValues())), 3);
    boolean anyPartial = false;
    for (int k = 0; k < one.size(); k++) {
      int i = w.index(one.code(k));
      double expected = ref.apl[i];
      double actual = one.apl(0, k);
      // Same operations in another order: a few ulps apart at most.
      assertEquals(
          expected,
          actual,
          1e-12 * Math.max(1, Math.abs(expected)),
          "seed " + seed + ", " + one.code(k));
      assertEquals(
          Double.doubleToLongBits(actual),
          Double.doubleToLongBits(three.apl(0, k)),
          "seed " + seed + ": threads change nothing");
    }
    for (double[] row : w.minutes) {
      for (double t : row) {
        anyPartial |= t > 0 && t < 25 && t != Math.rint(t);
      }
    }
    assertTrue(anyPartial || w.size() < 3, "the world has times between the steps");
  }

  @ParameterizedTest(name = "weight {0}")
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
  void aDecayGivingABadWeightIsRefused(double bad) {
    Decay broken = new Decay() {
      @Override
      public double weight(double minutes) {
        return minutes > 5 ? bad : 1;
      }

      @Override
      public double maxMinutes() {
        return 30;
      }
    };
    RandomWorld w = RandomWorld.generate(7);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Apl.prepare(w.matrix(), broken));
    assertTrue(e.getMessage().contains("a weight must be finite and >= 0"), e.getMessage());
  }
}
