package fr.apl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.core.AccessMethod;
import fr.apl.core.Apl;
import fr.apl.core.AplResult;
import fr.apl.core.Catchments;
import fr.apl.core.Variant;
import fr.apl.decay.BandEdges;
import fr.apl.decay.Decay;
import fr.apl.decay.Decays;
import fr.apl.demand.Population;
import fr.apl.engine.Kernel;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.Supply;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark engine against the local engine on seeded random worlds: every method, bands and a
 * continuous decay, 1, 3 and 16 partitions, two variants computed together. The expected figures
 * are the local engine's; the Spark engine must give them to 1e-12 relative (it sums in the same
 * order, so in practice to the bit: the largest difference is asserted to be 0 too).
 */
class SparkEngineWorldsTest {

  static Stream<Arguments> worlds() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (long seed = 7000; seed < 7006; seed++) {
      for (int partitions : new int[] {1, 3, 16}) {
        b.add(Arguments.of(seed, partitions));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0}, {1} partitions")
  @MethodSource("worlds")
  void sparkGivesTheLocalFigures(long seed, int partitions) {
    World w = new World(seed);
    // Blocks of a few pairs on one seed of two: many blocks a partition, cut between keys.
    SparkKernel.blockPairs = seed % 2 == 0 ? 7 : PairBlock.BLOCK_PAIRS;
    try {
      for (Decay decay : List.of(
          Decays.parse("10:1,15:2/3,20:1/3", null, BandEdges.HALF_OPEN),
          Decays.parse("gaussian:8", 25.0, BandEdges.HALF_OPEN))) {
        Catchments c = Apl.prepare(w.matrix, decay);
        try (Kernel spark = new SparkEngine(LocalSpark.get(), partitions).kernel(c, 1)) {
          for (String name : AccessMethod.names()) {
            AccessMethod m = AccessMethod.of(name);
            String where =
                "seed " + seed + ", " + partitions + " partitions, " + decay + ", " + name;
            AplResult expected = c.compute(w.population, w.variants, m, 1);
            AplResult actual = Apl.compute(spark, w.population, w.variants, m);
            assertSame(expected, actual, where);
          }
        }
      }
    } finally {
      SparkKernel.blockPairs = PairBlock.BLOCK_PAIRS;
    }
  }

  /** Asserts the figures to 1e-12 relative, the largest difference 0, and the diagnostics. */
  static double assertSame(AplResult expected, AplResult actual, String where) {
    assertEquals(expected.size(), actual.size(), where);
    assertEquals(expected.variants(), actual.variants(), where);
    double worst = 0;
    for (int v = 0; v < expected.variants().size(); v++) {
      for (int k = 0; k < expected.size(); k++) {
        double e = expected.apl(v, k);
        double a = actual.apl(v, k);
        assertTrue(Double.isFinite(a), where + ": " + actual.code(k) + " is " + a);
        double rel = e == a ? 0 : Math.abs(a - e) / Math.max(Math.abs(e), Double.MIN_NORMAL);
        assertTrue(
            rel <= 1e-12,
            where + ", " + expected.variants().get(v) + ", commune " + expected.code(k) + ": local "
                + e + ", spark " + a);
        worst = Math.max(worst, rel);
        assertEquals(
            expected.practicesInReach(k), actual.practicesInReach(k), where + ", practices");
      }
    }
    assertEquals(0.0, worst, where + ": the same order of summation gives the same bits");
    assertEquals(expected.diagnostics(), actual.diagnostics(), where + ": diagnostics");
    return worst;
  }

  /**
   * A seeded world: 20 to 400 communes, sparse times of 0-30 minutes (a third on band edges),
   * some self pairs missing or beyond reach, communes of the population or supply outside the
   * matrix, zero populations and supplies.
   */
  static final class World {
    final TravelTimeMatrix matrix;
    final Population population;
    final List<Variant> variants;

    World(long seed) {
      Random rnd = new Random(seed);
      int n = 20 + rnd.nextInt(381);
      TreeSet<String> set = new TreeSet<>();
      while (set.size() < n) {
        set.add(String.format(Locale.ROOT, "%02d%03d", 1 + rnd.nextInt(95), rnd.nextInt(1000)));
      }
      String[] codes = set.toArray(new String[0]);
      double[] edges = {0, 10, 15, 20, 25};
      TravelTimeMatrix.Builder m = TravelTimeMatrix.builder();
      double density = 0.02 + 0.2 * rnd.nextDouble();
      for (int i = 0; i < n - 3; i++) {
        m.commune(codes[i]);
        for (int j = 0; j < n - 3; j++) {
          boolean self = i == j && rnd.nextDouble() < 0.7;
          if (self || (i != j && rnd.nextDouble() < density)) {
            double t = rnd.nextDouble() < 0.3
                ? edges[rnd.nextInt(edges.length)]
                : Math.round(300 * rnd.nextDouble()) / 10.0;
            m.add(codes[i], codes[j], self && rnd.nextDouble() < 0.8 ? 0.0 : t);
          }
        }
      }
      matrix = m.build();
      CommuneValues.Builder p = CommuneValues.builder();
      CommuneValues.Builder s = CommuneValues.builder();
      CommuneValues.Builder s2 = CommuneValues.builder();
      for (int i = 0; i < n; i++) {
        if (rnd.nextDouble() < 0.9) {
          p.add(codes[i], rnd.nextDouble() < 0.1 ? 0.0 : 5000 * rnd.nextDouble());
        }
        if (rnd.nextDouble() < 0.4) {
          double v = rnd.nextDouble() < 0.1 ? 0.0 : 40000 * rnd.nextDouble();
          s.add(codes[i], v);
          s2.add(codes[i], rnd.nextBoolean() ? v : 0.5 * v);
        }
      }
      population = Population.standardised(p.build());
      variants = List.of(
          Variant.of("apl", Supply.of(s.build())), Variant.of("apl_other", Supply.of(s2.build())));
    }
  }
}
