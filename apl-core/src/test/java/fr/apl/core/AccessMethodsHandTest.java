package fr.apl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.decay.DistanceDecay;
import fr.apl.demand.Population;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.supply.Supply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One three-commune world computed by hand for every method. DREES bands (1 under 10 minutes,
 * 2/3 from 10 to 15, 1/3 from 15 to 20, 0 from 20), self pairs at 0 minutes (weight 1):
 *
 * <pre>
 *   A ⇄ B 12 min (2/3), B ⇄ C 5 min (1), A ⇄ C 25 min (0)
 *
 *   W =     A    B    C        P: A 300, B 600, C 100
 *       A   1   2/3   0        S: A 900, B   0, C 600   (reached supply 1500)
 *       B  2/3   1    1
 *       C   0    1    1
 * </pre>
 */
class AccessMethodsHandTest {

  private static final double EPS = 1e-12;

  private static AplResult compute(String method) {
    TravelTimeMatrix m = TravelTimeMatrix.builder()
        .add("A", "B", 12)
        .add("B", "A", 12)
        .add("B", "C", 5)
        .add("C", "B", 5)
        .add("A", "C", 25)
        .add("C", "A", 25)
        .build();
    return Apl.prepare(m, DistanceDecay.dreesGeneralPractitioners())
        .compute(
            Population.standardised(CatchmentsTest.values("A", 300, "B", 600, "C", 100)),
            List.of(Variant.of("v", Supply.of(CatchmentsTest.values("A", 900, "C", 600)))),
            AccessMethod.of(method),
            1);
  }

  private static void assertAccess(AplResult r, double a, double b, double c) {
    assertEquals(a, r.apl("v", "A"), EPS, "A");
    assertEquals(b, r.apl("v", "B"), EPS, "B");
    assertEquals(c, r.apl("v", "C"), EPS, "C");
  }

  /** {@code Σ_i P_i A_i}. */
  private static double weightedSum(AplResult r) {
    return 300 * r.apl("v", "A") + 600 * r.apl("v", "B") + 100 * r.apl("v", "C");
  }

  @Test
  void e2sfca() {
    AplResult r = compute("e2sfca");
    // D_A = 300 + 2/3·600 = 700, D_C = 600 + 100 = 700; R_A = 9/7, R_B = 0, R_C = 6/7.
    // A_A = 9/7; A_B = 2/3·9/7 + 6/7 = 12/7; A_C = 6/7.
    assertAccess(r, 9.0 / 7, 12.0 / 7, 6.0 / 7);
    // Σ P A = (2700 + 7200 + 600) / 7 = 1500.
    assertEquals(1500, weightedSum(r), 1e-9);
  }

  @Test
  void threeStep() {
    AplResult r = compute("3sfca");
    // T_i = Σ_k W_ik over A and C (the communes with supply): T_A = 1, T_B = 2/3 + 1 = 5/3,
    // T_C = 1. G_ij W_ij = W_ij² / T_i: row A 1, 4/9, 0; row B 4/15, 3/5, 3/5; row C 0, 1, 1.
    // D_A = 300 + 4/15·600 = 460; D_C = 3/5·600 + 100 = 460; R_A = 45/23, R_C = 30/23.
    // A_A = 45/23; A_B = 4/15·45/23 + 3/5·30/23 = 12/23 + 18/23 = 30/23; A_C = 30/23.
    assertAccess(r, 45.0 / 23, 30.0 / 23, 30.0 / 23);
    // Conserved: (300·45 + 600·30 + 100·30) / 23 = 34500/23 = 1500.
    assertEquals(1500, weightedSum(r), 1e-9);
    assertTrue(r.diagnostics().variants().get(0).conservationRelativeError() < 1e-15);
  }

  @Test
  void modifiedTwoStep() {
    AplResult r = compute("m2sfca");
    // R as E2SFCA: R_A = 9/7, R_C = 6/7. A_i = Σ_j W_ij² R_j:
    // A_A = 9/7; A_B = 4/9·9/7 + 6/7 = 10/7; A_C = 6/7.
    assertAccess(r, 9.0 / 7, 10.0 / 7, 6.0 / 7);
  }

  @Test
  void balanced() {
    AplResult r = compute("bfca");
    // Row sums U = column sums V (W is symmetric): A 5/3, B 8/3, C 2.
    // D_A = 300/(5/3) + 2/3·600/(8/3) = 180 + 150 = 330; D_C = 600/(8/3) + 100/2 = 275;
    // R_A = 900/330 = 30/11, R_C = 600/275 = 24/11; R_j / V_j: A 18/11, C 12/11.
    // A_A = 18/11; A_B = 2/3·18/11 + 12/11 = 24/11; A_C = 12/11.
    assertAccess(r, 18.0 / 11, 24.0 / 11, 12.0 / 11);
    // What BFCA conserves: Σ_i A_i = Σ_j R_j = 54/11 (columns of W'' sum to 1) ...
    assertEquals(54.0 / 11, r.apl("v", "A") + r.apl("v", "B") + r.apl("v", "C"), EPS);
    // ... and not the supply: Σ P A = (5400 + 14400 + 1200) / 11 = 21000/11 ≈ 1909 ≠ 1500.
    assertEquals(21000.0 / 11, weightedSum(r), 1e-9);
    assertTrue(r.diagnostics().variants().get(0).conservationRelativeError() > 0.27);
  }

  @Test
  void cumulative() {
    AplResult r = compute("cumulative");
    // A_A = 900; A_B = 2/3·900 + 600 = 1200; A_C = 600.
    assertAccess(r, 900, 1200, 600);
  }

  @Test
  void ratio() {
    AplResult r = compute("ratio");
    // Population in reach: A 300 + 2/3·600 = 700; B 2/3·300 + 600 + 100 = 900; C 700.
    // A_A = 900/700 = 9/7; A_B = 1200/900 = 4/3; A_C = 600/700 = 6/7.
    assertAccess(r, 9.0 / 7, 4.0 / 3, 6.0 / 7);
  }
}
