package fr.apl.core;

import static fr.apl.core.RelativeAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.apl.decay.BandEdges;
import fr.apl.decay.DistanceDecay;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the sparse kernel against {@link NaiveApl} on 50 seeded random worlds under three
 * decays: both DREES edge conventions and a custom four-band decay. 1e-9 relative leaves room
 * for sums taken in another order (a few 1e-14 seen) while catching any wrong weight, which moves
 * an APL by several percent.
 */
class CatchmentsReferenceTest {

  private static final double TOL = 1e-9;

  /** A decay under test, with the reference's own description of it. */
  enum DecayCase {
    DREES_HALF_OPEN(
        DistanceDecay.dreesGeneralPractitioners(BandEdges.HALF_OPEN),
        new double[] {10, 15, 20},
        new double[] {1, 2.0 / 3.0, 1.0 / 3.0},
        false),
    DREES_CLOSED_UPPER(
        DistanceDecay.dreesGeneralPractitioners(BandEdges.CLOSED_UPPER),
        new double[] {10, 15, 20},
        new double[] {1, 2.0 / 3.0, 1.0 / 3.0},
        true),
    CUSTOM(
        DistanceDecay.parse("5:1,7.5:0.8,15:1/2,25:1/4", BandEdges.CLOSED_UPPER),
        new double[] {5, 7.5, 15, 25},
        new double[] {1, 0.8, 0.5, 0.25},
        true);

    final DistanceDecay main;
    final NaiveApl.Decay reference;

    DecayCase(DistanceDecay main, double[] upper, double[] weights, boolean closedUpper) {
      this.main = main;
      this.reference = new NaiveApl.Decay(name(), upper, weights, closedUpper);
    }
  }

  static Stream<Arguments> worlds() {
    return LongStream.rangeClosed(1, 50)
        .boxed()
        .flatMap(seed -> Stream.of(DecayCase.values()).map(d -> Arguments.of(seed, d)));
  }

  @ParameterizedTest(name = "seed {0}, {1}")
  @MethodSource("worlds")
  void sparseKernelMatchesDenseReference(long seed, DecayCase decay) {
    RandomWorld w = RandomWorld.generate(seed);
    String where = "seed " + seed + ", " + decay;
    NaiveApl ref = new NaiveApl(w.minutes, w.population, w.supply, decay.reference);
    AplResult r = Apl.prepare(w.matrix(), decay.main)
        .compute(w.populationValues(), List.of(Variant.of("apl", w.supplyValues())), 1);

    int rows = 0;
    int zeroRows = 0;
    double zeroPopulation = 0;
    for (int i = 0; i < w.size(); i++) {
      if (w.inPopulation[i]) {
        rows++;
        if (ref.apl[i] == 0) {
          zeroRows++;
          zeroPopulation += w.population[i];
        }
      }
    }
    assertEquals(rows, r.size(), where);
    for (int k = 0; k < r.size(); k++) {
      String code = r.code(k);
      int i = w.index(code);
      assertClose(ref.apl[i], r.apl(0, k), TOL, () -> where + ", APL of " + code);
      assertEquals(
          ref.practicesInReach(i),
          r.practicesInReach(k),
          where + ", practices in reach of " + code);
    }

    List<String> populationNotInTimes = new ArrayList<>();
    List<String> supplyNotInTimes = new ArrayList<>();
    List<String> supplyNotInPopulation = new ArrayList<>();
    List<String> unreached = new ArrayList<>();
    int timesNotInPopulation = 0;
    long pairsInReach = 0;
    double total = 0;
    double reached = 0;
    double unreachedSupply = 0;
    for (int i = 0; i < w.size(); i++) {
      if (w.inPopulation[i] && !w.inMatrix[i]) {
        populationNotInTimes.add(w.codes[i]);
      }
      if (w.inMatrix[i] && !w.inPopulation[i]) {
        timesNotInPopulation++;
      }
      if (w.supply[i] > 0 && !w.inMatrix[i]) {
        supplyNotInTimes.add(w.codes[i]);
      }
      if (w.supply[i] > 0 && !w.inPopulation[i]) {
        supplyNotInPopulation.add(w.codes[i]);
      }
      total += w.supply[i];
      if (ref.demand[i] > 0) {
        reached += w.supply[i];
      } else if (w.supply[i] > 0) {
        unreached.add(w.codes[i]);
        unreachedSupply += w.supply[i];
      }
      for (int j = 0; j < w.size(); j++) {
        if (w.inMatrix[i] && w.inMatrix[j] && ref.weight[i][j] > 0) {
          pairsInReach++;
        }
      }
    }
    Diagnostics d = r.diagnostics();
    assertEquals(rows, d.communes(), where);
    assertEquals(w.distinctPairs(), d.pairs(), where + ", pairs");
    assertEquals(w.repeatedRecords, d.duplicatePairs(), where + ", repeated records");
    assertEquals(w.selfPairsMissing(), d.selfPairsAdded(), where + ", self pairs added");
    assertEquals(pairsInReach, d.pairsInReach(), where + ", pairs in reach");
    assertEquals(populationNotInTimes, d.populationNotInTimes(), where);
    assertEquals(supplyNotInTimes, d.supplyNotInTimes(), where);
    assertEquals(supplyNotInPopulation, d.supplyNotInPopulation(), where);
    assertEquals(timesNotInPopulation, d.timesNotInPopulation(), where);

    VariantDiagnostics v = d.variants().get(0);
    final double totalSupply = total;
    final double reachedSupply = reached;
    final double unreachedTotal = unreachedSupply;
    final double zeroPop = zeroPopulation;
    assertClose(totalSupply, v.totalSupply(), TOL, () -> where + ", total supply");
    assertClose(reachedSupply, v.reachedSupply(), TOL, () -> where + ", reached supply");
    assertClose(unreachedTotal, v.unreachedSupply(), TOL, () -> where + ", unreached supply");
    assertEquals(unreached, v.unreachedSupplyCommunes(), where);
    // The generator always plants one practice that no one reaches.
    assertEquals(true, unreached.contains(w.codes[w.isolatedPractice]), where);
    assertEquals(zeroRows, v.communesWithoutSupply(), where);
    assertClose(zeroPop, v.populationWithoutSupply(), TOL, () -> where + ", population at 0");
  }
}
