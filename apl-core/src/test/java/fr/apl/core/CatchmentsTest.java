package fr.apl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.decay.BandEdges;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import fr.apl.supply.ActivityRules;
import fr.apl.supply.Doctor;
import fr.apl.supply.PracticeMode;
import fr.apl.supply.Supply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tiny worlds computed by hand. Times are residence → practice; weights are 1 under 10 minutes,
 * 2/3 from 10 to 15, 1/3 from 15 to 20, 0 from 20 (half-open edges unless said otherwise).
 * Expected values are fractions worked out in the comment above each assertion; the tolerance
 * 1e-12 only absorbs the rounding of sums in another order.
 */
class CatchmentsTest {

  private static final DistanceDecay DREES = DistanceDecay.dreesGeneralPractitioners();
  private static final double EPS = 1e-12;

  /** Builds values from alternating codes and numbers: {@code values("A", 300, "B", 600)}. */
  static CommuneValues values(Object... codeThenValue) {
    CommuneValues.Builder b = CommuneValues.builder();
    for (int k = 0; k < codeThenValue.length; k += 2) {
      b.add((String) codeThenValue[k], ((Number) codeThenValue[k + 1]).doubleValue());
    }
    return b.build();
  }

  private static AplResult compute(
      TravelTimeMatrix m, DistanceDecay decay, CommuneValues pop, CommuneValues supply) {
    return Apl.prepare(m, decay)
        .compute(Population.standardised(pop), List.of(Variant.of("apl", Supply.of(supply))), 1);
  }

  @Test
  void twoCommunesWithAsymmetricTimes() {
    // A -> B 12 min (2/3), B -> A 5 min (1), no self pair (0 min, weight 1).
    TravelTimeMatrix m =
        TravelTimeMatrix.builder().add("A", "B", 12).add("B", "A", 5).build();
    AplResult r = compute(m, DREES, values("A", 300, "B", 600), values("A", 1200, "B", 400));
    // D_A = 1·300 + 1·600 = 900, R_A = 1200/900 = 4/3;
    // D_B = 2/3·300 + 1·600 = 800, R_B = 400/800 = 1/2.
    // APL_A = 1·4/3 + 2/3·1/2 = 5/3.
    assertEquals(5.0 / 3.0, r.apl("apl", "A"), EPS);
    // APL_B = 1·4/3 + 1·1/2 = 11/6.
    assertEquals(11.0 / 6.0, r.apl("apl", "B"), EPS);
    // Mean weighted by population: (300·5/3 + 600·11/6) / 900 = 1600/900 = 16/9.
    assertEquals(16.0 / 9.0, r.weightedMean("apl"), EPS);
    // Conservation: 300·5/3 + 600·11/6 = 500 + 1100 = 1600 = 1200 + 400.
    VariantDiagnostics v = r.diagnostics().variants().get(0);
    assertEquals(1600.0, v.weightedAplSum(), 1600 * EPS);
    assertEquals(1600.0, v.reachedSupply());
    assertEquals(1600.0, v.totalSupply());
    assertTrue(v.conservationRelativeError() < EPS, "error " + v.conservationRelativeError());
    assertEquals(List.of(), v.unreachedSupplyCommunes());
    assertEquals(0, v.communesWithoutSupply());
    // Both communes reach both practices.
    assertEquals(2, r.practicesInReach(0));
    assertEquals(2, r.practicesInReach(1));
    Diagnostics d = r.diagnostics();
    assertEquals(2, d.communes());
    assertEquals(2, d.pairs());
    // 2 pairs given + 2 self pairs added, all with a non-zero weight.
    assertEquals(4, d.pairsInReach());
    assertEquals(2, d.selfPairsAdded());
  }

  @Test
  void theResidenceToPracticeDirectionCounts() {
    // A -> B 5 min (1), B -> A 25 min (0); P 100 each, S 300 each.
    TravelTimeMatrix m =
        TravelTimeMatrix.builder().add("A", "B", 5).add("B", "A", 25).build();
    AplResult r = compute(m, DREES, values("A", 100, "B", 100), values("A", 300, "B", 300));
    // D_A = 1·100 + 0·100 = 100, R_A = 3; D_B = 1·100 + 1·100 = 200, R_B = 3/2.
    // APL_A = 1·3 + 1·3/2 = 9/2; APL_B = 0·3 + 1·3/2 = 3/2.
    assertEquals(4.5, r.apl("apl", "A"), EPS);
    assertEquals(1.5, r.apl("apl", "B"), EPS);
    // The mirrored matrix swaps the results: times are not symmetric.
    TravelTimeMatrix mirrored =
        TravelTimeMatrix.builder().add("B", "A", 5).add("A", "B", 25).build();
    AplResult s = compute(mirrored, DREES, values("A", 100, "B", 100), values("A", 300, "B", 300));
    assertEquals(1.5, s.apl("apl", "A"), EPS);
    assertEquals(4.5, s.apl("apl", "B"), EPS);
  }

  /**
   * Five communes: C is 25 and 20 minutes from the supply (weight 0 both) and has none of its own;
   * D has 700 consultations and no population, and the only pair towards it is 30 minutes long;
   * E has no population but sits 8 minutes from A.
   */
  @Test
  void noSupplyInReachAndAPracticeNoOneReaches() {
    TravelTimeMatrix m = TravelTimeMatrix.builder()
        .add("A", "B", 12)
        .add("B", "A", 5)
        .add("C", "A", 25)
        .add("C", "B", 20)
        .add("A", "D", 30)
        .add("D", "A", 8)
        .add("E", "A", 8)
        .build();
    AplResult r = compute(
        m,
        DREES,
        values("A", 300, "B", 600, "C", 100, "E", 0),
        values("A", 1200, "B", 400, "D", 700));
    // D_A = 300 + 600 + 0·100 (C, 25 min) + 1·0 (D) + 1·0 (E) = 900, R_A = 4/3;
    // D_B = 2/3·300 + 600 + 0·100 (C, 20 min) = 800, R_B = 1/2;
    // D_D = 0·300 (A, 30 min) + 1·0 (D itself) = 0, so R_D = 0 and D's 700 reach no one.
    // APL_C = 1·R_C + 0·R_A + 0·R_B = 0 + 0 + 0: exactly 0, not a tiny number.
    assertEquals(0.0, r.apl("apl", "C"));
    // APL_A = 4/3 + 2/3·1/2 + 0·R_D = 5/3, as without C, D and E.
    assertEquals(5.0 / 3.0, r.apl("apl", "A"), EPS);
    assertEquals(11.0 / 6.0, r.apl("apl", "B"), EPS);
    // A commune with no population still has an access: APL_E = 1·R_A + 1·R_E = 4/3 + 0.
    assertEquals(4.0 / 3.0, r.apl("apl", "E"), EPS);

    VariantDiagnostics v = r.diagnostics().variants().get(0);
    // Conservation over the reached supply only: 300·5/3 + 600·11/6 + 100·0 + 0·4/3 = 1600 =
    // 1200 + 400; D's 700 are reported, not spread.
    assertEquals(2300.0, v.totalSupply());
    assertEquals(1600.0, v.reachedSupply());
    assertEquals(1600.0, v.weightedAplSum(), 1600 * EPS);
    assertTrue(v.conservationRelativeError() < EPS, "error " + v.conservationRelativeError());
    assertEquals(List.of("D"), v.unreachedSupplyCommunes());
    assertEquals(700.0, v.unreachedSupply());
    // C alone has APL 0, with its 100 inhabitants.
    assertEquals(1, v.communesWithoutSupply());
    assertEquals(100.0, v.populationWithoutSupply());

    Diagnostics d = r.diagnostics();
    assertEquals(4, d.communes());
    assertEquals(7, d.pairs());
    // In reach: A->B, B->A, D->A, E->A and the 5 added self pairs; C->A, C->B, A->D weigh 0.
    assertEquals(9, d.pairsInReach());
    assertEquals(5, d.selfPairsAdded());
    assertEquals(List.of("D"), d.supplyNotInPopulation());
    assertEquals(List.of(), d.supplyNotInTimes());
    assertEquals(List.of(), d.populationNotInTimes());
    assertEquals(1, d.timesNotInPopulation());
    // Rows in code order A, B, C, E: A and B reach A and B; C reaches nothing; E reaches A.
    assertEquals("E", r.code(3));
    assertEquals(2, r.practicesInReach(0));
    assertEquals(2, r.practicesInReach(1));
    assertEquals(0, r.practicesInReach(2));
    assertEquals(1, r.practicesInReach(3));
  }

  @Test
  void missingSelfPairMeansZeroMinutes() {
    // B -> A 5 min; A -> B absent (out of reach); P_A 300, P_B 600; 1200 consultations in A.
    CommuneValues pop = values("A", 300, "B", 600);
    CommuneValues supply = values("A", 1200);
    AplResult missing =
        compute(TravelTimeMatrix.builder().add("B", "A", 5).build(), DREES, pop, supply);
    // No self pair for A: 0 min, weight 1. D_A = 1·300 + 1·600 = 900, R_A = 4/3;
    // APL_A = 1·4/3 = 4/3, APL_B = 1·4/3 = 4/3.
    assertEquals(4.0 / 3.0, missing.apl("apl", "A"), EPS);
    assertEquals(4.0 / 3.0, missing.apl("apl", "B"), EPS);
    assertEquals(2, missing.diagnostics().selfPairsAdded());

    // An explicit 0-minute self pair is the same pair: the same sums in the same order.
    AplResult explicit = compute(
        TravelTimeMatrix.builder().add("B", "A", 5).add("A", "A", 0).build(), DREES, pop, supply);
    assertEquals(missing.apl("apl", "A"), explicit.apl("apl", "A"));
    assertEquals(missing.apl("apl", "B"), explicit.apl("apl", "B"));
    assertEquals(1, explicit.diagnostics().selfPairsAdded());
  }

  @Test
  void explicitSelfPairIsKept() {
    CommuneValues pop = values("A", 300, "B", 600);
    CommuneValues supply = values("A", 1200);
    // A -> A 12 min (2/3): D_A = 2/3·300 + 1·600 = 800, R_A = 3/2;
    // APL_A = 2/3·3/2 = 1, APL_B = 1·3/2 = 3/2.
    AplResult twelve = compute(
        TravelTimeMatrix.builder().add("B", "A", 5).add("A", "A", 12).build(), DREES, pop, supply);
    assertEquals(1.0, twelve.apl("apl", "A"), EPS);
    assertEquals(1.5, twelve.apl("apl", "B"), EPS);
    // A -> A 25 min (0): the town does not reach its own practice. D_A = 0·300 + 600 = 600,
    // R_A = 2; APL_A = 0 exactly, APL_B = 2; conservation 600·2 = 1200.
    AplResult far = compute(
        TravelTimeMatrix.builder().add("B", "A", 5).add("A", "A", 25).build(), DREES, pop, supply);
    assertEquals(0.0, far.apl("apl", "A"));
    assertEquals(2.0, far.apl("apl", "B"), EPS);
    assertEquals(1200.0, far.diagnostics().variants().get(0).weightedAplSum(), 1200 * EPS);
  }

  @Test
  void populationCommuneAbsentFromTheMatrixReachesOnlyItself() {
    // Matrix of A and B only: A -> B 5 min (1), B -> A 12 min (2/3). Z has people and supply but
    // no times; Y has supply only.
    TravelTimeMatrix m =
        TravelTimeMatrix.builder().add("A", "B", 5).add("B", "A", 12).build();
    AplResult r =
        compute(m, DREES, values("A", 100, "B", 100, "Z", 50), values("A", 600, "Z", 100, "Y", 80));
    // D_A = 1·100 + 2/3·100 = 500/3, R_A = 600·3/500 = 18/5; D_B = 200 and S_B = 0, so R_B = 0.
    // APL_A = 18/5 + 1·0 = 18/5.
    assertEquals(18.0 / 5.0, r.apl("apl", "A"), EPS);
    // APL_B = 2/3·18/5 + 0 = 12/5.
    assertEquals(12.0 / 5.0, r.apl("apl", "B"), EPS);
    // Z alone at 0 min: D_Z = 50, R_Z = 100/50 = 2, APL_Z = 2.
    assertEquals(2.0, r.apl("apl", "Z"), EPS);
    // Y: no times, no people, D_Y = 0: its 80 are unreached. Conservation:
    // 100·18/5 + 100·12/5 + 50·2 = 360 + 240 + 100 = 700 = 600 + 100.
    VariantDiagnostics v = r.diagnostics().variants().get(0);
    assertEquals(700.0, v.weightedAplSum(), 700 * EPS);
    assertEquals(700.0, v.reachedSupply());
    assertEquals(780.0, v.totalSupply());
    assertEquals(List.of("Y"), v.unreachedSupplyCommunes());
    assertEquals(80.0, v.unreachedSupply());

    Diagnostics d = r.diagnostics();
    assertEquals(List.of("Z"), d.populationNotInTimes());
    assertEquals(List.of("Y", "Z"), d.supplyNotInTimes());
    assertEquals(List.of("Y"), d.supplyNotInPopulation());
    assertEquals(0, d.timesNotInPopulation());
    // Pairs of the matrix only: A->B, B->A and two self pairs; Z's own pair is not counted.
    assertEquals(4, d.pairsInReach());
    // Rows A, B, Z: A and B reach A only (B has no supply); Z reaches Z.
    assertEquals(1, r.practicesInReach(0));
    assertEquals(1, r.practicesInReach(1));
    assertEquals(1, r.practicesInReach(2));
  }

  /**
   * A -> B takes {@code minutes}; P_A = P_B = 300; 1200 consultations in B; no self pair. With w
   * the weight of the pair: D_B = 300·w + 300, R_B = 4/(w+1), APL_A = 4w/(w+1), APL_B = 4/(w+1).
   * w = 1: 2 and 2; w = 2/3: (8/3)/(5/3) = 8/5 and 4/(5/3) = 12/5; w = 1/3: (4/3)/(4/3) = 1 and
   * 4/(4/3) = 3; w = 0: 0 and 4.
   */
  @ParameterizedTest(name = "{0} min, {1}: APL_A {2}, APL_B {3}")
  @CsvSource({
    "0,    HALF_OPEN,    2/1, 2/1",
    "10,   HALF_OPEN,    8/5, 12/5",
    "15,   HALF_OPEN,    1/1, 3/1",
    "20,   HALF_OPEN,    0/1, 4/1",
    "10,   CLOSED_UPPER, 2/1, 2/1",
    "15,   CLOSED_UPPER, 8/5, 12/5",
    "20,   CLOSED_UPPER, 1/1, 3/1",
    "19.5, HALF_OPEN,    1/1, 3/1",
    "19.5, CLOSED_UPPER, 1/1, 3/1",
    "25,   CLOSED_UPPER, 0/1, 4/1",
  })
  void timeExactlyOnABandEdge(double minutes, BandEdges edges, String aplA, String aplB) {
    TravelTimeMatrix m = TravelTimeMatrix.builder().add("A", "B", minutes).build();
    AplResult r = compute(
        m,
        DistanceDecay.dreesGeneralPractitioners(edges),
        values("A", 300, "B", 300),
        values("B", 1200));
    double expectedA = fraction(aplA);
    if (expectedA == 0) {
      assertEquals(0.0, r.apl("apl", "A"));
    } else {
      assertEquals(expectedA, r.apl("apl", "A"), EPS);
    }
    assertEquals(fraction(aplB), r.apl("apl", "B"), EPS);
  }

  @Test
  void severalVariantsOnOnePreparedCatchments() {
    TravelTimeMatrix m =
        TravelTimeMatrix.builder().add("A", "B", 12).add("B", "A", 5).build();
    Catchments c = Apl.prepare(m, DREES);
    Population pop = Population.standardised(values("A", 300, "B", 600));
    AplResult r = c.compute(
        pop,
        List.of(
            Variant.of("apl", Supply.of(values("A", 1200, "B", 400))),
            Variant.of("apl_moins65", Supply.of(values("A", 600)))),
        2);
    assertEquals(List.of("apl", "apl_moins65"), r.variants());
    // Second variant, same demand D_A = 900: R_A = 600/900 = 2/3, R_B = 0;
    // APL_A = 1·2/3 + 2/3·0 = 2/3 and APL_B = 1·2/3 + 1·0 = 2/3.
    assertEquals(2.0 / 3.0, r.apl("apl_moins65", "A"), EPS);
    assertEquals(2.0 / 3.0, r.apl(1, 1), EPS);
    CommuneValues second = r.apl("apl_moins65");
    assertEquals(2, second.size());
    assertEquals(2.0 / 3.0, second.get("B"), EPS);
    // The first variant is unchanged by the second: 5/3 and 11/6 as in the two-commune test.
    assertEquals(5.0 / 3.0, r.apl(0, 0), EPS);
    assertEquals(11.0 / 6.0, r.apl("apl", "B"), EPS);
    // practicesInReach counts the first variant's supply: A and B both have some.
    assertEquals(2, r.practicesInReach(0));
    assertEquals(600.0, r.diagnostics().variants().get(1).reachedSupply());
    assertEquals("apl_moins65", r.diagnostics().variants().get(1).name());
    // The one-call shortcut gives the same bits as prepare + compute on one thread.
    AplResult shortcut = Apl.compute(m, DREES, pop, Supply.of(values("A", 1200, "B", 400)));
    assertEquals(r.apl("apl", "A"), shortcut.apl("apl", "A"));
    assertEquals(r.apl("apl", "B"), shortcut.apl("apl", "B"));
  }

  @Test
  void customDecayForSpecialists() {
    // 15:1, 30:2/3, 45:1/3: A -> B 40 min weighs 1/3, B -> A 20 min weighs 2/3.
    DistanceDecay specialists = DistanceDecay.parse("15:1,30:2/3,45:1/3", BandEdges.HALF_OPEN);
    TravelTimeMatrix m =
        TravelTimeMatrix.builder().add("A", "B", 40).add("B", "A", 20).build();
    AplResult r = compute(m, specialists, values("A", 300, "B", 600), values("A", 1200, "B", 400));
    // D_A = 1·300 + 2/3·600 = 700, R_A = 12/7; D_B = 1/3·300 + 1·600 = 700, R_B = 4/7.
    // APL_A = 12/7 + 1/3·4/7 = 36/21 + 4/21 = 40/21; APL_B = 2/3·12/7 + 4/7 = 8/7 + 4/7 = 12/7.
    assertEquals(40.0 / 21.0, r.apl("apl", "A"), EPS);
    assertEquals(12.0 / 7.0, r.apl("apl", "B"), EPS);
    // Conservation: 300·40/21 + 600·12/7 = 4000/7 + 7200/7 = 1600.
    assertEquals(1600.0, r.diagnostics().variants().get(0).weightedAplSum(), 1600 * EPS);
  }

  @Test
  void argumentsAreChecked() {
    Catchments c = Apl.prepare(TravelTimeMatrix.builder().add("A", "B", 5).build(), DREES);
    Population pop = Population.standardised(values("A", 1));
    Variant s = Variant.of("apl", Supply.of(values("A", 1)));
    assertThrows(IllegalArgumentException.class, () -> c.compute(pop, List.of(s), 0));
    assertThrows(IllegalArgumentException.class, () -> c.compute(pop, List.of(), 1));
    assertThrows(IllegalArgumentException.class, () -> c.compute(null, List.of(s), 1));
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class, () -> c.compute(pop, List.of(s, s), 1));
    assertTrue(twice.getMessage().contains("variant apl is given twice"), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Variant.of("apl 65", s.supply()));
    assertThrows(IllegalArgumentException.class, () -> Variant.of("apl", null));
    assertThrows(IllegalArgumentException.class, () -> Apl.prepare(null, DREES));
    AplResult r = c.compute(pop, List.of(s), 1);
    assertThrows(IllegalArgumentException.class, () -> r.apl("apl", "B"));
    assertThrows(IllegalArgumentException.class, () -> r.apl("other", "A"));
  }

  /**
   * Regression: Catchments.compute once gave an index only to supply communes with a positive
   * value that the matrix does not know, then looked up every supply commune, zeros included, and
   * threw "commune Z has no index". ActivityRules produces such rows: a doctor with at most 250
   * acts counts 0 but keeps a row for his commune.
   */
  @Test
  void zeroSupplyInACommuneKnownNowhereIsHarmless() {
    // A -> B 5 min, no B -> A. D_A = 1·100 = 100, R_A = 600/100 = 6; APL_A = 6 + 1·R_B = 6.
    TravelTimeMatrix m = TravelTimeMatrix.builder().add("A", "B", 5).build();
    AplResult r = compute(m, DREES, values("A", 100, "B", 100), values("A", 600, "Z", 0));
    assertEquals(6.0, r.apl("apl", "A"), EPS);
    // The same through the activity rules: 200 acts in Z count 0, and Z stays in the supply.
    Supply viaRules = ActivityRules.dreesGeneralPractitioners()
        .supply(List.of(
            new Doctor("d1", "A", 4000, 50, PracticeMode.LIBERAL, false),
            new Doctor("d2", "Z", 200, 50, PracticeMode.LIBERAL, false)));
    AplResult r2 = Apl.prepare(m, DREES)
        .compute(
            Population.standardised(values("A", 100, "B", 100)),
            List.of(Variant.of("apl", viaRules)),
            1);
    // D_A = 100, R_A = 4000/100 = 40, APL_A = 40.
    assertEquals(40.0, r2.apl("apl", "A"), EPS);
  }

  private static double fraction(String pq) {
    String[] parts = pq.split("/");
    return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
  }
}
