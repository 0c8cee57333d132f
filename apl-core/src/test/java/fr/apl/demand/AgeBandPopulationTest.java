package fr.apl.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.place.CommuneValues;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AgeBandPopulationTest {

  private static final int B0_4 = 0;
  private static final int B30_34 = 6;
  private static final int B75_79 = 15;
  private static final int B90P = 18;

  /**
   * A: 100 under 5 and 50 aged 90+, 150 residents; B: 10 in each of the 19 bands, 190 residents;
   * C: 200 aged 30–34 and 100 aged 75–79, 300 residents.
   */
  private static AgeBandPopulation threeCommunes() {
    double[] a = new double[19];
    a[B0_4] = 100;
    a[B90P] = 50;
    double[] b = new double[19];
    Arrays.fill(b, 10);
    double[] c = new double[19];
    c[B30_34] = 200;
    c[B75_79] = 100;
    return AgeBandPopulation.builder().add("C", c).add("A", a).add("B", b).build();
  }

  @Test
  void weights2023AsPublished() {
    // The DREES 2023 "Paramètres" sheet, band by band.
    assertArrayEquals(
        new double[] {
          1.12, 0.58, 0.51, 0.60, 0.75, 0.79, 0.82, 0.85, 0.89, 0.93, 1.03, 1.15, 1.18, 1.23, 1.46,
          1.57, 1.63, 1.89, 2.26
        },
        AgeWeights.drees2023().weights());
    assertEquals(0.93, AgeWeights.drees2022().weight(0));
    assertEquals(2.39, AgeWeights.drees2022().weight(18));
    assertEquals("90+", AgeWeights.BAND_LABELS.get(18));
  }

  @Test
  void standardisedByHandWith2023Weights() {
    Population p = threeCommunes().standardise(AgeWeights.drees2023(), Rescaling.none());
    CommuneValues s = p.standardised();
    // A: 100·1.12 + 50·2.26 = 112 + 113 = 225.
    assertEquals(225.0, s.get("A"), 1e-9);
    // B: 10 · (sum of the 19 weights) = 10 · 21.24 = 212.4.
    assertEquals(212.4, s.get("B"), 1e-9);
    // C: 200·0.82 + 100·1.57 = 164 + 157 = 321.
    assertEquals(321.0, s.get("C"), 1e-9);
    assertEquals(150.0, p.residents().get("A"));
    assertEquals(190.0, p.residents().get("B"));
    assertEquals(300.0, p.residents().get("C"));
    assertTrue(p.hasResidents());
    assertTrue(p.provenance().contains("DREES 2023"), p.provenance());
    assertTrue(p.provenance().contains("not rescaled"), p.provenance());
  }

  @Test
  void rescalingToTotalMakesTheSumsEqual() {
    Population p = threeCommunes().standardise(AgeWeights.drees2023(), Rescaling.toTotal());
    // Residents 150 + 190 + 300 = 640; weighted 225 + 212.4 + 321 = 758.4;
    // factor 640 / 758.4 = 0.843881856…, so A = 225 · 640 / 758.4 = 189.873417…
    assertEquals(640.0, p.standardised().sum(), 640.0 * 1e-12);
    assertEquals(p.residents().sum(), p.standardised().sum(), 640.0 * 1e-12);
    assertEquals(225.0 * 640.0 / 758.4, p.standardised().get("A"), 1e-9);
    assertEquals(321.0 * 640.0 / 758.4, p.standardised().get("C"), 1e-9);
    // The provenance states the factor to 6 decimals, with a point whatever the locale
    // (surefire runs with a French one), and the resident total.
    assertTrue(p.provenance().contains("rescaled by 0.843882"), p.provenance());
    assertTrue(p.provenance().contains("640 residents"), p.provenance());
  }

  @Test
  void givenFactor() {
    Population p = threeCommunes().standardise(AgeWeights.drees2023(), Rescaling.factor(1.5));
    // A: 225 · 1.5 = 337.5.
    assertEquals(337.5, p.standardised().get("A"), 1e-9);
    assertTrue(p.provenance().contains("rescaled by the given factor 1.5"), p.provenance());
  }

  @Test
  void rescalingAZeroPopulationKeepsFactorOne() {
    Population p = AgeBandPopulation.builder()
        .add("A", new double[19])
        .build()
        .standardise(AgeWeights.drees2023(), Rescaling.toTotal());
    assertEquals(0.0, p.standardised().get("A"));
    assertTrue(p.standardised().contains("A"));
  }

  @Test
  void builderValidation() {
    AgeBandPopulation.Builder b = AgeBandPopulation.builder();
    assertThrows(IllegalArgumentException.class, () -> b.add("A", new double[18]));
    double[] negative = new double[19];
    negative[3] = -1;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.add("A", negative));
    assertTrue(e.getMessage().contains("band 15-19"), e.getMessage());
    double[] nan = new double[19];
    nan[0] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> b.add("A", nan));
    assertThrows(IllegalArgumentException.class, () -> b.add("", new double[19]));
    b.add("A", new double[19]);
    assertThrows(IllegalArgumentException.class, () -> b.add("A", new double[19]));
  }

  @Test
  void builderCopiesTheBands() {
    double[] bands = new double[19];
    bands[0] = 10;
    AgeBandPopulation pop = AgeBandPopulation.builder().add("A", bands).build();
    bands[0] = 99;
    assertEquals(10.0, pop.bands("A")[0]);
    pop.bands("A")[0] = 99;
    assertEquals(10.0, pop.bands("A")[0]);
    assertNull(pop.bands("Z"));
    assertEquals(1, pop.size());
  }

  @Test
  void weightsAndRescalingValidation() {
    assertThrows(IllegalArgumentException.class, () -> AgeWeights.of("short", new double[18]));
    double[] w = new double[19];
    w[5] = -0.1;
    assertThrows(IllegalArgumentException.class, () -> AgeWeights.of("negative", w));
    assertThrows(IllegalArgumentException.class, () -> Rescaling.factor(0));
    assertThrows(IllegalArgumentException.class, () -> Rescaling.factor(-2));
    assertThrows(IllegalArgumentException.class, () -> Rescaling.factor(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Rescaling.factor(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new Rescaling(null, 1));
  }

  @Test
  void populationGivenStandardised() {
    Population p = Population.standardised(CommuneValues.builder().add("A", 10).build());
    assertFalse(p.hasResidents());
    assertThrows(IllegalStateException.class, p::residents);
    assertThrows(
        IllegalArgumentException.class,
        () -> Population.standardised(CommuneValues.builder().add("A", -1).build()));
  }
}
