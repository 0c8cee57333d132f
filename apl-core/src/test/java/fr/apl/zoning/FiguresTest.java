package fr.apl.zoning;

import static fr.apl.zoning.Worlds.pairs;
import static fr.apl.zoning.Worlds.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.place.CommuneValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Figures by area on a hand-made set. Area 11 has six communes weighing 100 in all:
 *
 * <pre>
 *   commune  APL  weight  class
 *   c01      0.5  10      zip
 *   c02      2.0  20      zip
 *   c03      2.5  30      vivier
 *   c04      3.0  15      vivier
 *   c05      4.0  25      hors_zonage
 *   c06      1.0   0      zip
 * </pre>
 *
 * Area 84 has c08 (APL 6, weight 50, hors_zonage); area 93 has c10 (APL 2, weight 0); c09 is in
 * no area.
 */
class FiguresTest {

  private static final double EPS = 1e-12;
  private static final List<String> CLASSES = List.of("zip", "vivier", "hors_zonage");

  private static final CommuneValues APL = values(
      "c01", 0.5, "c02", 2.0, "c03", 2.5, "c04", 3.0, "c05", 4.0, "c06", 1.0, "c08", 6.0, "c09",
      0.1, "c10", 2.0);
  private static final CommuneValues APL_65 = values(
      "c01", 0.4, "c02", 0.9, "c03", 2.4, "c04", 2.6, "c05", 3.9, "c06", 0.5, "c08", 5.0, "c09",
      1.0, "c10", 2.0);
  private static final CommuneValues WEIGHT = values(
      "c01", 10, "c02", 20, "c03", 30, "c04", 15, "c05", 25, "c06", 0, "c08", 50, "c09", 1000,
      "c10", 0);

  /** Areas given out of code order (84 first), c09 left out. */
  private static Map<String, String> areas() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("c08", "84");
    m.put("c10", "93");
    for (String c : List.of("c01", "c02", "c03", "c04", "c05", "c06")) {
      m.put(c, "11");
    }
    return m;
  }

  private static final Map<String, String> CLASS_OF_COMMUNE = pairs(
      "c01",
      "zip",
      "c02",
      "zip",
      "c03",
      "vivier",
      "c04",
      "vivier",
      "c05",
      "hors_zonage",
      "c06",
      "zip",
      "c08",
      "hors_zonage",
      "c10",
      "zip");

  private static List<AreaFigures> figures() {
    Map<String, CommuneValues> variants = new LinkedHashMap<>();
    variants.put("apl", APL);
    variants.put("apl_moins65", APL_65);
    return Figures.byArea("department", areas(), variants, WEIGHT, CLASS_OF_COMMUNE, CLASSES);
  }

  @Test
  void areasComeInCodeOrderAndCommunesOutsideAnyAreaAreLeftOut() {
    List<AreaFigures> f = figures();
    assertEquals(3, f.size());
    assertEquals("11", f.get(0).code());
    assertEquals("84", f.get(1).code());
    assertEquals("93", f.get(2).code());
    assertEquals("department", f.get(0).level());
    // c09 (weight 1000) is in no area: 6 communes and 10 + 20 + 30 + 15 + 25 + 0 = 100.
    assertEquals(6, f.get(0).communes());
    assertEquals(100.0, f.get(0).population());
    assertEquals(1, f.get(1).communes());
    assertEquals(50.0, f.get(1).population());
  }

  @Test
  void countsAndPopulationStrictlyBelowEachThreshold() {
    AreaFigures.VariantFigures v = figures().get(0).variants().get(0);
    assertEquals("apl", v.variant());
    assertArrayEquals(new double[] {1.0, 2.5, 4.0}, v.thresholds());
    // Below 1: c01 (0.5) only; c06 at exactly 1 is not below. 1 commune, 10 inhabitants.
    // Below 2.5: c01, c06, c02 (c03 at 2.5 is not): 3 communes, 10 + 0 + 20 = 30.
    // Below 4: all but c05 (at 4): 5 communes, 100 − 25 = 75.
    assertArrayEquals(new int[] {1, 3, 5}, v.communesBelow());
    assertArrayEquals(new double[] {10, 30, 75}, v.populationBelow());
    // 75 / 100.
    assertEquals(0.75, v.shareBelow(2, 100), EPS);
  }

  @Test
  void meanIsWeightedByPopulation() {
    AreaFigures a = figures().get(0);
    // (0.5·10 + 2·20 + 2.5·30 + 3·15 + 4·25 + 1·0) / 100 = (5 + 40 + 75 + 45 + 100) / 100 = 2.65.
    assertEquals(2.65, a.variants().get(0).mean(), EPS);
    // Second variant: (0.4·10 + 0.9·20 + 2.4·30 + 2.6·15 + 3.9·25) / 100
    // = (4 + 18 + 72 + 39 + 97.5) / 100 = 2.305.
    AreaFigures.VariantFigures v65 = a.variants().get(1);
    assertEquals("apl_moins65", v65.variant());
    assertEquals(2.305, v65.mean(), EPS);
    // Below 1: c01, c02, c06 → 3 communes, 30; below 2.5: + c03 → 4, 60; below 4: all 6, 100.
    assertArrayEquals(new int[] {3, 4, 6}, v65.communesBelow());
    assertArrayEquals(new double[] {30, 60, 100}, v65.populationBelow());
  }

  /**
   * D_q is the lowest APL at which the cumulative weight reaches q · 100. Sorted by APL: c01 0.5
   * (cum 10), c06 1.0 (10), c02 2.0 (30), c03 2.5 (60), c04 3.0 (75), c05 4.0 (100).
   */
  @Test
  void decilesAreWeighted() {
    double[] d = figures().get(0).variants().get(0).deciles();
    // D1: 10 reached exactly at c01 → 0.5. D2: 20, c06 weighs 0 so still 10; c02 → 2.0.
    // D3: 30 reached exactly at c02 → 2.0. D4, D5: 40, 50 → c03 2.5. D6: 60 exactly at c03 → 2.5.
    // D7: 70 → c04 3.0. D8, D9: 80, 90 → c05 4.0.
    assertArrayEquals(new double[] {0.5, 2.0, 2.0, 2.5, 2.5, 2.5, 3.0, 4.0, 4.0}, d);
  }

  @Test
  void aSingleCommuneIsEveryDecile() {
    AreaFigures a = figures().get(1);
    assertArrayEquals(
        new double[] {6, 6, 6, 6, 6, 6, 6, 6, 6}, a.variants().get(0).deciles());
    assertEquals(6.0, a.variants().get(0).mean());
    assertArrayEquals(new int[] {0, 0, 0}, a.variants().get(0).communesBelow());
  }

  @Test
  void classSharesAreWeighted() {
    Map<String, Double> s = figures().get(0).classShares();
    // Rule order is kept.
    assertEquals(CLASSES, List.copyOf(s.keySet()));
    // zip: c01 + c02 + c06 = 10 + 20 + 0 = 30 → 0.3; vivier: 30 + 15 = 45 → 0.45;
    // hors_zonage: 25 → 0.25.
    assertEquals(0.3, s.get("zip"), EPS);
    assertEquals(0.45, s.get("vivier"), EPS);
    assertEquals(0.25, s.get("hors_zonage"), EPS);
    // Area 84: c08 is all of it, hors_zonage.
    Map<String, Double> s84 = figures().get(1).classShares();
    assertEquals(0.0, s84.get("zip"));
    assertEquals(1.0, s84.get("hors_zonage"));
  }

  @Test
  void anAreaWithoutPopulationHasNoMeanNorDecilesNorShares() {
    AreaFigures a = figures().get(2);
    assertEquals(1, a.communes());
    assertEquals(0.0, a.population());
    AreaFigures.VariantFigures v = a.variants().get(0);
    assertTrue(Double.isNaN(v.mean()), "mean " + v.mean());
    for (double d : v.deciles()) {
      assertTrue(Double.isNaN(d), "decile " + d);
    }
    assertTrue(Double.isNaN(v.shareBelow(0, a.population())));
    assertTrue(Double.isNaN(a.classShares().get("zip")));
    // The commune is still counted below 2.5 and 4 (APL 2), with no population.
    assertArrayEquals(new int[] {0, 1, 1}, v.communesBelow());
  }

  @Test
  void noClassesGiveNoShares() {
    List<AreaFigures> f = Figures.byArea(
        "france",
        Map.of("c01", "FR", "c02", "FR"),
        Map.of("apl", APL),
        WEIGHT,
        Map.of(),
        List.of());
    assertEquals(1, f.size());
    assertEquals("FR", f.get(0).code());
    assertEquals(Map.of(), f.get(0).classShares());
    // (0.5·10 + 2·20) / 30 = 45 / 30 = 1.5.
    assertEquals(1.5, f.get(0).variants().get(0).mean(), EPS);
  }
}
