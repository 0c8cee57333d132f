package fr.apl.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Demand weighted by sex ({@link DemandWeights}) and the bands by sex of {@link AgeBandPopulation}. */
class DemandBySexTest {

  /** Bands 15–19 (3) to 45–49 (9): the women midwives count. */
  private static final int B15_19 = 3;

  private static final int B45_49 = 9;

  private static final double[] ZEROS = new double[19];

  /** Midwife-style weights: 1 for women aged 15–49, 0 for every other woman and every man. */
  private static DemandWeights midwives() {
    double[] w = new double[19];
    for (int a = B15_19; a <= B45_49; a++) {
      w[a] = 1;
    }
    return DemandWeights.bySex(
        "midwives", AgeWeights.of("women 15-49", w), AgeWeights.of("0", ZEROS));
  }

  /**
   * A: women 10, 20, …, 70 in the bands 15–19 to 45–49 (280), 5 under 5 and 8 aged 50–54: 293
   * women; men 100 aged 15–19 and 7 aged 90+: 107 men; 400 residents. B: 1 woman and 2 men in
   * each of the 19 bands: 19 women, 38 men, 57 residents.
   */
  private static AgeBandPopulation twoCommunesBySex(boolean withBoth) {
    double[] fa = new double[19];
    for (int a = B15_19; a <= B45_49; a++) {
      fa[a] = 10 * (a - B15_19 + 1);
    }
    fa[0] = 5;
    fa[10] = 8;
    double[] ha = new double[19];
    ha[B15_19] = 100;
    ha[18] = 7;
    double[] fb = new double[19];
    Arrays.fill(fb, 1);
    double[] hb = new double[19];
    Arrays.fill(hb, 2);
    return AgeBandPopulation.builder()
        .add("B", withBoth ? sum(fb, hb) : null, fb, hb)
        .add("A", withBoth ? sum(fa, ha) : null, fa, ha)
        .build();
  }

  private static double[] sum(double[] x, double[] y) {
    double[] s = new double[x.length];
    for (int a = 0; a < x.length; a++) {
      s[a] = x[a] + y[a];
    }
    return s;
  }

  @Test
  void midwifeWeightsCountTheWomenAged15To49() {
    Population p = twoCommunesBySex(false).standardise(midwives(), Rescaling.none());
    // A: 10 + 20 + 30 + 40 + 50 + 60 + 70 = 280 women aged 15–49; the 5 girls under 5, the 8
    // women aged 50–54 and the 107 men weigh 0.
    assertEquals(280.0, p.standardised().get("A"));
    // B: one woman in each of the 7 bands 15–19 … 45–49 = 7.
    assertEquals(7.0, p.standardised().get("B"));
    // Residents are both sexes: A 293 + 107 = 400, B 19 + 38 = 57.
    assertEquals(400.0, p.residents().get("A"));
    assertEquals(57.0, p.residents().get("B"));
    assertEquals(
        "standardised from age bands by sex with the midwives weights, not rescaled",
        p.provenance());
  }

  @Test
  void rescalingToTotalReachesTheResidentsOfBothSexes() {
    Population p = twoCommunesBySex(true).standardise(midwives(), Rescaling.toTotal());
    // Weighted 280 + 7 = 287, residents 400 + 57 = 457: factor 457 / 287.
    assertEquals(457.0, p.standardised().sum(), 457.0 * 1e-12);
    assertEquals(280.0 * 457.0 / 287.0, p.standardised().get("A"), 1e-9);
    assertTrue(p.provenance().contains("by sex"), p.provenance());
    assertTrue(p.provenance().contains("457 residents"), p.provenance());
  }

  @Test
  void bothSexesAreTheSumWhenNotGiven() {
    AgeBandPopulation pop = twoCommunesBySex(false);
    assertTrue(pop.hasWomen());
    assertTrue(pop.hasMen());
    double[] a = pop.bands("A");
    // 15–19: 10 women + 100 men; 90+: 0 women + 7 men.
    assertEquals(110.0, a[B15_19]);
    assertEquals(7.0, a[18]);
    assertEquals(100.0, pop.men("A")[B15_19]);
    assertEquals(10.0, pop.women("A")[B15_19]);
    // Copies: changing one changes nothing inside.
    pop.women("A")[B15_19] = 99;
    assertEquals(10.0, pop.women("A")[B15_19]);
    assertNull(pop.women("Z"));
    assertNull(pop.men("Z"));
  }

  @Test
  void aSexWithZeroWeightsNeedsNoBands() {
    // Women and both sexes given, no men's bands: midwife weights need none.
    double[] f = new double[19];
    f[5] = 12;
    f[12] = 3;
    double[] p = new double[19];
    p[5] = 20;
    p[12] = 10;
    p[18] = 4;
    AgeBandPopulation pop = AgeBandPopulation.builder().add("A", p, f, null).build();
    assertTrue(pop.hasWomen());
    assertFalse(pop.hasMen());
    assertNull(pop.men("A"));
    Population s = pop.standardise(midwives(), Rescaling.none());
    // 12 women aged 25–29 (band 5) weigh 1; the 3 aged 60–64 weigh 0.
    assertEquals(12.0, s.standardised().get("A"));
    // Residents: 20 + 10 + 4 = 34, from the bands of both sexes.
    assertEquals(34.0, s.residents().get("A"));
    assertTrue(midwives().needsWomen());
    assertFalse(midwives().needsMen());
  }

  @Test
  void aNeededSexMissingIsRefusedByName() {
    double[] p = new double[19];
    p[5] = 20;
    AgeBandPopulation bothOnly = AgeBandPopulation.builder().add("A", p).build();
    assertFalse(bothOnly.hasWomen());
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> bothOnly.standardise(midwives(), Rescaling.none()));
    assertTrue(
        e.getMessage()
            .startsWith("the demand weighs women apart (midwives): the population needs the"
                + " women's age bands f_0_4 … f_90p"),
        e.getMessage());

    double[] ones = new double[19];
    Arrays.fill(ones, 1);
    DemandWeights menToo =
        DemandWeights.bySex("all", AgeWeights.of("w", ones), AgeWeights.of("m", ones));
    AgeBandPopulation womenOnly =
        AgeBandPopulation.builder().add("A", p, p, null).build();
    e = assertThrows(
        IllegalArgumentException.class, () -> womenOnly.standardise(menToo, Rescaling.none()));
    assertTrue(e.getMessage().contains("men's age bands h_0_4 … h_90p"), e.getMessage());
    assertTrue(e.getMessage().contains("(all)"), e.getMessage());
  }

  @Test
  void weightsBySexOnBothBandsGiveTheSameDemandUpToRounding() {
    // Equal weights for women and men give the both-sexes demand: A 400 residents weighted
    // band by band with DREES 2023, computed both ways (the sums run in another order, so
    // equal within rounding, not bit for bit).
    AgeWeights w = AgeWeights.drees2023();
    AgeBandPopulation pop = twoCommunesBySex(true);
    double together = pop.standardise(w, Rescaling.none()).standardised().get("A");
    double bySex = pop.standardise(DemandWeights.bySex("same", w, w), Rescaling.none())
        .standardised()
        .get("A");
    assertEquals(together, bySex, together * 1e-12);
  }

  @Test
  void weightsForBothSexesAreBitIdenticalToTheReference() {
    // Against a copy of the loop as it stood before weights by sex: Σ_a bands[a]·c[a] in band
    // order, then times the factor. Seeded, random counts with fractions (so that the order of
    // the sum shows in the last bits), every rescaling.
    long seed = 20_231_124L;
    Random random = new Random(seed);
    AgeWeights weights = AgeWeights.drees2022();
    AgeBandPopulation.Builder builder = AgeBandPopulation.builder();
    Map<String, double[]> byCode = new TreeMap<>();
    for (int i = 0; i < 500; i++) {
      double[] b = new double[19];
      for (int a = 0; a < 19; a++) {
        b[a] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * Math.pow(10, random.nextInt(5));
      }
      String code = String.format(java.util.Locale.ROOT, "%05d", random.nextInt(100_000));
      if (byCode.putIfAbsent(code, b) == null) {
        builder.add(code, b);
      }
    }
    AgeBandPopulation pop = builder.build();
    for (Rescaling r :
        new Rescaling[] {Rescaling.none(), Rescaling.toTotal(), Rescaling.factor(1.7)}) {
      Population viaSet = pop.standardise(DemandWeights.of(weights), r);
      Population viaAge = pop.standardise(weights, r);
      double weightedTotal = 0;
      double residentTotal = 0;
      Map<String, Double> weighted = new TreeMap<>();
      for (Map.Entry<String, double[]> e : byCode.entrySet()) {
        double w = 0;
        double res = 0;
        for (int a = 0; a < 19; a++) {
          w += e.getValue()[a] * weights.weight(a);
          res += e.getValue()[a];
        }
        weighted.put(e.getKey(), w);
        weightedTotal += w;
        residentTotal += res;
        assertEquals(
            Double.doubleToLongBits(res),
            Double.doubleToLongBits(viaSet.residents().get(e.getKey())),
            "seed " + seed + ", residents of " + e.getKey());
      }
      double factor = r.mode() == Rescaling.Mode.NONE
          ? 1.0
          : r.mode() == Rescaling.Mode.TO_TOTAL ? residentTotal / weightedTotal : r.factor();
      for (Map.Entry<String, Double> e : weighted.entrySet()) {
        double expected = factor == 1.0 ? e.getValue() : e.getValue() * factor;
        long bits = Double.doubleToLongBits(expected);
        String where = "seed " + seed + ", " + r + ", commune " + e.getKey();
        assertEquals(bits, Double.doubleToLongBits(viaSet.standardised().get(e.getKey())), where);
        assertEquals(bits, Double.doubleToLongBits(viaAge.standardised().get(e.getKey())), where);
      }
      assertEquals(viaAge.provenance(), viaSet.provenance());
      assertTrue(
          viaSet
              .provenance()
              .startsWith("standardised from age bands with the DREES 2022" + " weights, "),
          viaSet.provenance());
    }
  }

  @Test
  void builderValidatesBandsBySex() {
    double[] ok = new double[19];
    double[] negative = new double[19];
    negative[3] = -2;
    AgeBandPopulation.Builder b = AgeBandPopulation.builder();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.add("A", null, ok, null));
    assertTrue(e.getMessage().contains("commune A"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.add("A", null, negative, ok));
    assertTrue(e.getMessage().startsWith("women of commune A in band 15-19"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.add("A", ok, ok, new double[18]));
    assertTrue(e.getMessage().contains("19 age bands of men, given: 18"), e.getMessage());
    double[] nan = new double[19];
    nan[0] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> b.add("A", ok, nan, ok));
    assertEquals(0, b.build().size());
    // The first row sets the layout: women and men; a later row without the men is refused,
    // naming its commune, and so is one with bands of both sexes only.
    b.add("A", null, ok, ok);
    e = assertThrows(IllegalArgumentException.class, () -> b.add("B", ok, ok, null));
    assertTrue(e.getMessage().startsWith("commune B gives the women's bands only"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.add("C", ok));
    assertTrue(e.getMessage().startsWith("commune C gives no bands by sex"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.add("A", ok, ok, ok));
    assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    assertEquals(1, b.build().size());
    // And the reverse: bands of both sexes first, then a row by sex.
    AgeBandPopulation.Builder c = AgeBandPopulation.builder().add("A", ok);
    assertThrows(IllegalArgumentException.class, () -> c.add("B", ok, ok, ok));
    AgeBandPopulation empty = AgeBandPopulation.builder().build();
    assertFalse(empty.hasWomen());
    assertFalse(empty.hasMen());
  }

  @Test
  void demandWeightsAccessorsAndEquality() {
    AgeWeights w = AgeWeights.drees2023();
    DemandWeights both = DemandWeights.of(w);
    assertFalse(both.bySex());
    assertSame(w, both.both());
    assertNull(both.women());
    assertNull(both.men());
    assertEquals("DREES 2023", both.name());
    assertFalse(both.needsWomen());
    assertFalse(both.needsMen());
    assertEquals(both, DemandWeights.of(AgeWeights.drees2023()));
    assertEquals(both.hashCode(), DemandWeights.of(AgeWeights.drees2023()).hashCode());
    assertNotEquals(both, DemandWeights.of(AgeWeights.drees2022()));
    assertNotEquals(both, DemandWeights.bySex("DREES 2023", w, w));
    assertTrue(both.toString().contains("DREES 2023"), both.toString());

    DemandWeights m = midwives();
    assertTrue(m.bySex());
    assertNull(m.both());
    assertEquals("midwives", m.name());
    assertArrayEquals(ZEROS, m.men().weights());
    assertEquals(1.0, m.women().weight(B45_49));
    assertEquals(m, midwives());
    assertEquals(m.hashCode(), midwives().hashCode());
    assertTrue(m.toString().contains("midwives by sex"), m.toString());
    // Men only: needs the men, not the women.
    DemandWeights men = DemandWeights.bySex("men", AgeWeights.of("0", ZEROS), w);
    assertFalse(men.needsWomen());
    assertTrue(men.needsMen());

    assertThrows(IllegalArgumentException.class, () -> DemandWeights.of(null));
    assertThrows(IllegalArgumentException.class, () -> DemandWeights.bySex(null, w, w));
    assertThrows(IllegalArgumentException.class, () -> DemandWeights.bySex("x", null, w));
    assertThrows(IllegalArgumentException.class, () -> DemandWeights.bySex("x", w, null));
  }
}
