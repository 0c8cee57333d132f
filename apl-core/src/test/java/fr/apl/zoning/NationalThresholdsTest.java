package fr.apl.zoning;

import static fr.apl.zoning.Worlds.territory;
import static fr.apl.zoning.Worlds.values;
import static fr.apl.zoning.Worlds.withoutRegions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 2017 national thresholds (arrêté du 13 novembre 2017): APL ≤ 2.5 zip, 2.5 &lt; APL ≤ 4
 * vivier, above hors_zonage. Territories are built directly with the APL under test, so that
 * values on and next to the thresholds are exactly those written.
 */
class NationalThresholdsTest {

  /** Territories on, just below and just above each threshold, and one with no population. */
  private static final List<TerritoryApl> EDGES = List.of(
      territory("T1", null, 100, 2.4999999),
      territory("T2", null, 200, 2.5),
      territory("T3", null, 300, 2.5000001),
      territory("T4", null, 400, 4.0),
      territory("T5", null, 500, 4.0000001),
      territory("T6", null, 0, Double.NaN),
      territory("T7", null, 1000, 0.5));

  @Test
  void defaultsAreThe2017Thresholds() {
    NationalThresholds r = NationalThresholds.of2017();
    assertEquals(2.5, r.zipMax());
    assertEquals(4.0, r.vivierMax());
    assertTrue(r.upperInclusive());
    assertEquals(List.of("zip", "vivier", "hors_zonage"), r.classes());
  }

  @Test
  void thresholdsAreInclusiveAsInTheArrete() {
    Classification c = NationalThresholds.of2017().classify(EDGES);
    Map<String, String> k = c.classByTerritory();
    assertEquals("zip", k.get("T1"));
    // 2.5 ≤ 2.5: zip.
    assertEquals("zip", k.get("T2"));
    assertEquals("vivier", k.get("T3"));
    // 4 ≤ 4: vivier.
    assertEquals("vivier", k.get("T4"));
    assertEquals("hors_zonage", k.get("T5"));
    assertEquals("zip", k.get("T7"));
    // No population, no APL: left unclassified rather than put in a class by NaN comparisons.
    assertFalse(k.containsKey("T6"));
    assertEquals(6, k.size());
  }

  @Test
  void exclusiveThresholdsMoveTheTerritoriesOnTheEdge() {
    Map<String, String> k =
        new NationalThresholds(2.5, 4.0, false).classify(EDGES).classByTerritory();
    assertEquals("zip", k.get("T1"));
    // 2.5 < 2.5 is false: vivier.
    assertEquals("vivier", k.get("T2"));
    assertEquals("vivier", k.get("T3"));
    // 4 < 4 is false: hors_zonage.
    assertEquals("hors_zonage", k.get("T4"));
    assertEquals("hors_zonage", k.get("T5"));
    assertFalse(k.containsKey("T6"));
  }

  @Test
  void summariesCountPopulationShareAndAplRange() {
    List<ClassSummary> s = NationalThresholds.of2017().classify(EDGES).summaries();
    assertEquals(3, s.size());
    // Classified population: 100 + 200 + 300 + 400 + 500 + 1000 = 2500 (T6 weighs 0 anyway).
    // zip: T1, T2, T7 = 100 + 200 + 1000 = 1300, share 1300 / 2500 = 0.52, APL 0.5 … 2.5.
    assertEquals(new ClassSummary("zip", 3, 1300, 0.52, 0.5, 2.5), s.get(0));
    // vivier: T3, T4 = 300 + 400 = 700, share 0.28, APL 2.5000001 … 4.
    assertEquals(new ClassSummary("vivier", 2, 700, 0.28, 2.5000001, 4.0), s.get(1));
    // hors_zonage: T5 alone, 500, share 0.2.
    assertEquals(new ClassSummary("hors_zonage", 1, 500, 0.2, 4.0000001, 4.0000001), s.get(2));
  }

  @Test
  void anEmptyClassHasNoAplRange() {
    List<ClassSummary> s = NationalThresholds.of2017()
        .classify(List.of(territory("T1", null, 30, 1.0), territory("T2", null, 10, 5.0)))
        .summaries();
    ClassSummary vivier = s.get(1);
    assertEquals(0, vivier.territories());
    assertEquals(0.0, vivier.population());
    assertEquals(0.0, vivier.share());
    assertTrue(Double.isNaN(vivier.minApl()) && Double.isNaN(vivier.maxApl()), vivier.toString());
    // 30 / (30 + 10) = 0.75 and 10 / 40 = 0.25.
    assertEquals(0.75, s.get(0).share());
    assertEquals(0.25, s.get(2).share());
  }

  @Test
  void theOrderOfTheTerritoriesDoesNotMatter() {
    List<TerritoryApl> reversed = new java.util.ArrayList<>(EDGES);
    java.util.Collections.reverse(reversed);
    assertEquals(
        NationalThresholds.of2017().classify(EDGES),
        NationalThresholds.of2017().classify(reversed));
  }

  @Test
  void aMeanOfExactly2Point5FromTheAggregationIsZip() {
    // (1·2 + 1·3) / 2 = 2.5 exactly in binary: the aggregation must not push it over.
    Aggregation a = Aggregation.of(
        values("A", 2.0, "B", 3.0), values("A", 1, "B", 1), withoutRegions("A", "T", "B", "T"));
    assertEquals(2.5, a.territories().get(0).apl());
    assertEquals(
        "zip",
        NationalThresholds.of2017().classify(a.territories()).classByTerritory().get("T"));
  }

  @Test
  void thresholdsMustBeFiniteAndIncreasing() {
    assertThrows(IllegalArgumentException.class, () -> new NationalThresholds(4.0, 2.5, true));
    assertThrows(
        IllegalArgumentException.class, () -> new NationalThresholds(Double.NaN, 4.0, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NationalThresholds(2.5, Double.POSITIVE_INFINITY, true));
    // Equal thresholds leave the vivier empty, which is a legitimate choice.
    assertEquals(3.0, new NationalThresholds(3.0, 3.0, true).vivierMax());
  }
}
