package fr.apl.zoning;

import static fr.apl.zoning.Worlds.territory;
import static fr.apl.zoning.Worlds.values;
import static fr.apl.zoning.Worlds.withRegions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.zoning.RegionalCeilings.Ceiling;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 2021 regional ceilings: in each region, territories ranked by APL fill zip up to a share of
 * the regional population, then zac, the rest is hors_zonage. Populations are round numbers so
 * that every running sum and ceiling is written out in the comments.
 */
class RegionalCeilingsTest {

  /** Region R1, 1000 inhabitants: a 100, b 200, c 300, d 400, ranked a, b, c, d by APL. */
  private static final List<TerritoryApl> R1 = List.of(
      territory("d", "R1", 400, 4.0),
      territory("b", "R1", 200, 2.0),
      territory("a", "R1", 100, 1.0),
      territory("c", "R1", 300, 3.0));

  private static Map<String, String> classify(
      List<TerritoryApl> territories, Map<String, Ceiling> ceilings, boolean includeCrossing) {
    return new RegionalCeilings(ceilings, includeCrossing).classify(territories).classByTerritory();
  }

  @Test
  void aCeilingMetExactlyCountsAsFitting() {
    // zip ceiling 0.3 · 1000 = 300, zac 0.5 · 1000 = 500.
    // a: zip 100 ≤ 300, zip. b: zip 100 + 200 = 300 ≤ 300 (met exactly), zip.
    // c: zip 600 > 300, zip closes; zac 300 ≤ 500, zac.
    // d: zac 300 + 400 = 700 > 500, hors_zonage.
    Map<String, String> k = classify(R1, Map.of("R1", new Ceiling(0.3, 0.5)), false);
    assertEquals(Map.of("a", "zip", "b", "zip", "c", "zac", "d", "hors_zonage"), k);
  }

  @Test
  void aCeilingMetExactlyCountsAsFittingDespiteRounding() {
    // Region of 100: a 29 (APL 1), b 57 (APL 2), c 14 (APL 3); ceilings 29 % and 57 %.
    // In binary 0.29 · 100 = 28.999999999999996 and 0.57 · 100 = 56.99999999999999, both just
    // under the populations that meet them exactly: a must still be zip and b zac.
    List<TerritoryApl> ts = List.of(
        territory("a", "R1", 29, 1.0),
        territory("b", "R1", 57, 2.0),
        territory("c", "R1", 14, 3.0));
    Map<String, String> k = classify(ts, Map.of("R1", new Ceiling(0.29, 0.57)), false);
    assertEquals(Map.of("a", "zip", "b", "zac", "c", "hors_zonage"), k);
  }

  @Test
  void aTerritoryAcrossTheCeilingIsLeftOutByDefault() {
    // zip ceiling 0.25 · 1000 = 250, zac 0.35 · 1000 = 350.
    // a: 100 ≤ 250, zip. b: 300 > 250, the ceiling falls inside b: left out, zip closes;
    // zac 200 ≤ 350, zac. c: zac 500 > 350, hors_zonage. d: hors_zonage.
    Map<String, String> k = classify(R1, Map.of("R1", new Ceiling(0.25, 0.35)), false);
    assertEquals(Map.of("a", "zip", "b", "zac", "c", "hors_zonage", "d", "hors_zonage"), k);
  }

  @Test
  void aTerritoryAcrossTheCeilingIsTakenInOnRequest() {
    // Same ceilings, 250 and 350, crossing territories included.
    // a: zip 100. b: 100 < 250, the ceiling falls inside b: zip, 300. c: 300 ≥ 250, zip closes;
    // zac 300 ≤ 350, zac. d: zac 700 > 350 but 300 < 350, the ceiling falls inside d: zac.
    Map<String, String> k = classify(R1, Map.of("R1", new Ceiling(0.25, 0.35)), true);
    assertEquals(Map.of("a", "zip", "b", "zip", "c", "zac", "d", "zac"), k);
  }

  @Test
  void aCeilingMetExactlyIsNotCrossedWhenCrossingIsAllowed() {
    // Ceiling 0.3 · 1000 = 300, reached exactly after a and b: c must not enter zip on the
    // strength of "zip < ceiling" (300 < 300 is false).
    Map<String, String> k = classify(R1, Map.of("R1", new Ceiling(0.3, 0.5)), true);
    assertEquals("zip", k.get("b"));
    assertEquals("zac", k.get("c"));
  }

  @Test
  void ranksAreStrict() {
    // R1, 1010 inhabitants: a 100 (APL 1), b 500 (2), c 50 (3), d 350 (4), e 10 (5).
    // zip ceiling 0.2 · 1010 = 202, zac 0.8 · 1010 = 808.
    // a: zip 100. b: 600 > 202, zip closes; zac 500. c: 150 would fit under 202, but zip is
    // closed: zac 550. d: zac 900 > 808, zac closes, hors_zonage. e: 560 would fit under 808,
    // but zac is closed: hors_zonage.
    List<TerritoryApl> ts = List.of(
        territory("a", "R1", 100, 1.0),
        territory("b", "R1", 500, 2.0),
        territory("c", "R1", 50, 3.0),
        territory("d", "R1", 350, 4.0),
        territory("e", "R1", 10, 5.0));
    Map<String, String> k = classify(ts, Map.of("R1", new Ceiling(0.2, 0.8)), false);
    assertEquals(
        Map.of("a", "zip", "b", "zac", "c", "zac", "d", "hors_zonage", "e", "hors_zonage"), k);
  }

  @Test
  void eachRegionUsesItsOwnPopulationAndCeilings() {
    // R1 as above with 0.3 / 0.5: a, b zip; c zac; d hors_zonage.
    // R2, 200 inhabitants: "T10" and "T9" both APL 2, 100 each, ceilings 0.5 / 0.5, so zip 100
    // and zac 100. Tie broken by code in string order: "T10" < "T9", so T10 zip (100 ≤ 100),
    // T9 zac. With the national population (1200) as base, R2's zip ceiling would be 600 and
    // both would be zip.
    List<TerritoryApl> ts = new java.util.ArrayList<>(R1);
    ts.add(territory("T9", "R2", 100, 2.0));
    ts.add(territory("T10", "R2", 100, 2.0));
    Map<String, String> k =
        classify(ts, Map.of("R1", new Ceiling(0.3, 0.5), "R2", new Ceiling(0.5, 0.5)), false);
    assertEquals(
        Map.of("a", "zip", "b", "zip", "c", "zac", "d", "hors_zonage", "T10", "zip", "T9", "zac"),
        k);
  }

  @Test
  void aTerritoryCountsWholeInTheRegionHoldingMostOfItsPopulation() {
    // T1: A in R1 (60) and B in R2 (40), both APL 1: T1 is in R1 (60 > 40) with all its 100
    // inhabitants. T2: C in R2 (100), APL 2. R1 puts everything in zip, R2 nothing in zip and
    // everything in zac. T1 is zip by R1's ceilings; placed in R2 it would have been zac.
    Aggregation a = Aggregation.of(
        values("A", 1.0, "B", 1.0, "C", 2.0),
        values("A", 60, "B", 40, "C", 100),
        withRegions("A", "T1", "R1", "B", "T1", "R2", "C", "T2", "R2"));
    Map<String, String> k = classify(
        a.territories(), Map.of("R1", new Ceiling(1.0, 0.0), "R2", new Ceiling(0.0, 1.0)), false);
    assertEquals(Map.of("T1", "zip", "T2", "zac"), k);
  }

  @Test
  void summariesShareTheNationalClassifiedPopulation() {
    // R1 with 0.3 / 0.5: zip a + b = 300 of 1000 (0.3), zac c 300 (0.3), hors d 400 (0.4).
    List<ClassSummary> s = new RegionalCeilings(Map.of("R1", new Ceiling(0.3, 0.5)), false)
        .classify(R1)
        .summaries();
    assertEquals(new ClassSummary("zip", 2, 300, 0.3, 1.0, 2.0), s.get(0));
    assertEquals(new ClassSummary("zac", 1, 300, 0.3, 3.0, 3.0), s.get(1));
    assertEquals(new ClassSummary("hors_zonage", 1, 400, 0.4, 4.0, 4.0), s.get(2));
  }

  @Test
  void territoriesWithoutPopulationAreNotClassifiedNorNeedARegion() {
    List<TerritoryApl> ts = new java.util.ArrayList<>(R1);
    ts.add(territory("e", null, 0, Double.NaN));
    Map<String, String> k = classify(ts, Map.of("R1", new Ceiling(0.3, 0.5)), false);
    assertFalse(k.containsKey("e"));
    assertEquals(4, k.size());
  }

  @Test
  void missingRegionCeilingsAreAllNamed() {
    List<TerritoryApl> ts = List.of(
        territory("a", "R3", 10, 1.0),
        territory("b", "R2", 10, 1.0),
        territory("c", "R1", 10, 1.0));
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> classify(ts, Map.of("R2", new Ceiling(0.3, 0.5)), false));
    assertTrue(e.getMessage().contains("R1, R3"), e.getMessage());
    assertFalse(e.getMessage().contains("R2"), e.getMessage());
  }

  @Test
  void aTerritoryWithoutRegionIsRefused() {
    List<TerritoryApl> ts =
        List.of(territory("a", "R1", 10, 1.0), territory("orphan", null, 10, 2.0));
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> classify(ts, Map.of("R1", new Ceiling(0.3, 0.5)), false));
    assertTrue(e.getMessage().contains("orphan"), e.getMessage());
  }

  @Test
  void ceilingsAreSharesAddingUpToAtMostOne() {
    assertThrows(IllegalArgumentException.class, () -> new Ceiling(-0.1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Ceiling(0.5, -0.1));
    // 0.6 + 0.5 = 1.1 > 1.
    assertThrows(IllegalArgumentException.class, () -> new Ceiling(0.6, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Ceiling(Double.NaN, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new Ceiling(0.1, Double.NaN));
    // The 2021 Auvergne-Rhône-Alpes example, 20.3 % zip and 51.7 % zac, and the ends.
    assertEquals(0.203, new Ceiling(0.203, 0.517).zipShare());
    assertEquals(1.0, new Ceiling(1.0, 0.0).zipShare());
    assertEquals(0.0, new Ceiling(0.0, 0.0).zacShare());
    // 0.3 + 0.7 is 1 up to rounding.
    assertEquals(0.7, new Ceiling(0.3, 0.7).zacShare());
  }
}
