package fr.apl.zoning;

import static fr.apl.zoning.Worlds.values;
import static fr.apl.zoning.Worlds.withRegions;
import static fr.apl.zoning.Worlds.withoutRegions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.place.CommuneValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Aggregation of commune APL to territories, on worlds of a few communes. Weights and APL are
 * chosen so that the weighted means are exact in binary (quarters, halves) or simple fractions;
 * the tolerance 1e-12 only absorbs the order of the sums.
 */
class AggregationTest {

  private static final double EPS = 1e-12;

  @Test
  void territoryAplIsTheMeanWeightedByPopulation() {
    CommuneValues apl = values("A", 2.0, "B", 4.0, "C", 1.0, "D", 1.0, "E", 2.0);
    CommuneValues weight = values("A", 100, "B", 300, "C", 600, "D", 1, "E", 2);
    TerritoryMap map = withoutRegions("A", "T1", "B", "T1", "C", "T2", "D", "T3", "E", "T3");
    Aggregation a = Aggregation.of(apl, weight, map);

    assertEquals(3, a.territories().size());
    TerritoryApl t1 = a.territories().get(0);
    assertEquals("T1", t1.territory());
    // (100·2 + 300·4) / (100 + 300) = 1400 / 400 = 3.5, not the plain mean (2 + 4) / 2 = 3.
    assertEquals(3.5, t1.apl(), EPS);
    assertEquals(400.0, t1.population());
    assertEquals(2, t1.communes());
    assertNull(t1.region(), "no regions in the table");
    TerritoryApl t2 = a.territories().get(1);
    // One commune: its own APL, 1.
    assertEquals(1.0, t2.apl(), EPS);
    assertEquals(600.0, t2.population());
    TerritoryApl t3 = a.territories().get(2);
    // (1·1 + 2·2) / (1 + 2) = 5/3.
    assertEquals(5.0 / 3.0, t3.apl(), EPS);
    assertEquals(3.0, t3.population());

    assertEquals(
        Map.of("A", "T1", "B", "T1", "C", "T2", "D", "T3", "E", "T3"), a.communeTerritory());
    assertEquals(List.of(), a.communesWithoutTerritory());
    assertEquals(List.of(), a.arrondissementsMapped());
    assertEquals(List.of(), a.territoriesWithoutPopulation());
    assertEquals(0, a.tableCommunesWithoutApl());
  }

  @Test
  void territoriesComeOutInCodeOrderWhateverTheCommuneOrder() {
    // Commune Z (code last) is in territory "A1" (code first): territories follow their own
    // codes, not the order in which their communes come.
    CommuneValues apl = values("A", 1.0, "Z", 3.0);
    CommuneValues weight = values("A", 1, "Z", 1);
    Aggregation a = Aggregation.of(apl, weight, withoutRegions("A", "B9", "Z", "A1"));
    assertEquals("A1", a.territories().get(0).territory());
    assertEquals("B9", a.territories().get(1).territory());
  }

  @Test
  void communesMissingFromTheTableAreReportedAndLeftOutOfTheMeans() {
    // D and E have an APL but no territory; F is in the table with no APL.
    CommuneValues apl = values("A", 2.0, "B", 4.0, "D", 100.0, "E", 0.0);
    CommuneValues weight = values("A", 1, "B", 1, "D", 1000, "E", 5);
    TerritoryMap map = withoutRegions("A", "T1", "B", "T1", "F", "T1");
    Aggregation a = Aggregation.of(apl, weight, map);

    assertEquals(List.of("D", "E"), a.communesWithoutTerritory());
    assertEquals(1, a.territories().size());
    // (1·2 + 1·4) / 2 = 3: D's huge weight and APL would pull it far away if it were counted.
    assertEquals(3.0, a.territories().get(0).apl(), EPS);
    assertEquals(2.0, a.territories().get(0).population());
    assertEquals(2, a.territories().get(0).communes());
    assertEquals(Map.of("A", "T1", "B", "T1"), a.communeTerritory());
    // F is listed by the table and has no APL.
    assertEquals(1, a.tableCommunesWithoutApl());
  }

  /**
   * The table lists Paris (75056) and Lyon (69123) but not their arrondissements, and neither
   * Marseille nor its arrondissements: Paris and Lyon arrondissements take their municipality's
   * territory, Marseille's 13216 stays without territory.
   */
  @Test
  void arrondissementsTakeTheTerritoryOfTheirMunicipality() {
    CommuneValues apl =
        values("75101", 5.0, "75120", 1.0, "69381", 2.0, "69389", 4.0, "13216", 3.0, "92001", 6.0);
    CommuneValues weight =
        values("75101", 100, "75120", 300, "69381", 200, "69389", 200, "13216", 50, "92001", 100);
    TerritoryMap map = withRegions(
        "75056", "TP", "11", "69123", "TL", "84", "92001", "TP", "99", "01001", "T1", "84");
    Aggregation a = Aggregation.of(apl, weight, map);

    // In commune-code order: the aggregation walks the APL table sorted by code.
    assertEquals(List.of("69381", "69389", "75101", "75120"), a.arrondissementsMapped());
    assertEquals(List.of("13216"), a.communesWithoutTerritory());
    assertEquals("TP", a.communeTerritory().get("75101"));
    assertEquals("TL", a.communeTerritory().get("69389"));

    TerritoryApl tl = a.territories().get(0);
    assertEquals("TL", tl.territory());
    // (200·2 + 200·4) / 400 = 3.
    assertEquals(3.0, tl.apl(), EPS);
    assertEquals(2, tl.communes());
    assertEquals("84", tl.region());
    TerritoryApl tp = a.territories().get(1);
    assertEquals("TP", tp.territory());
    // (100·5 + 300·1 + 100·6) / 500 = 1400 / 500 = 2.8.
    assertEquals(2.8, tp.apl(), EPS);
    assertEquals(500.0, tp.population());
    assertEquals(3, tp.communes());
    // The arrondissements (400) carry the region of 75056, 11, against 100 for 92001 in 99: the
    // region is 11. Were the arrondissements left without a region, it would be 99.
    assertEquals("11", tp.region());

    // 75056 and 69123 have no APL of their own but their arrondissements stood in for them; only
    // 01001 counts as a table commune without APL.
    assertEquals(1, a.tableCommunesWithoutApl());
  }

  @Test
  void onlyTheRealArrondissementCodesAreMapped() {
    // Just outside each range: 75100, 75121, 69380, 69390, 13200, 13217. And just inside the
    // ends: 75120, 69381, 13201.
    CommuneValues apl = values(
        "75100", 1.0, "75121", 1.0, "69380", 1.0, "69390", 1.0, "13200", 1.0, "13217", 1.0, "75120",
        1.0, "69381", 1.0, "13201", 1.0);
    CommuneValues weight = values(
        "75100", 1, "75121", 1, "69380", 1, "69390", 1, "13200", 1, "13217", 1, "75120", 1, "69381",
        1, "13201", 1);
    TerritoryMap map = withoutRegions("75056", "TP", "69123", "TL", "13055", "TM");
    Aggregation a = Aggregation.of(apl, weight, map);
    assertEquals(List.of("13201", "69381", "75120"), a.arrondissementsMapped());
    assertEquals(
        List.of("13200", "13217", "69380", "69390", "75100", "75121"),
        a.communesWithoutTerritory());
    assertEquals(0, a.tableCommunesWithoutApl());
  }

  @Test
  void anArrondissementListedByTheTableKeepsItsOwnTerritory() {
    // Some tables (TVS) list arrondissements one by one: then no mapping is needed.
    CommuneValues apl = values("75101", 5.0, "75102", 1.0);
    CommuneValues weight = values("75101", 1, "75102", 1);
    TerritoryMap map = withoutRegions("75101", "TA", "75056", "TP");
    Aggregation a = Aggregation.of(apl, weight, map);
    assertEquals("TA", a.communeTerritory().get("75101"));
    assertEquals("TP", a.communeTerritory().get("75102"));
    assertEquals(List.of("75102"), a.arrondissementsMapped());
  }

  @Test
  void aTerritoryWeighingNothingHasNoAplAndIsReported() {
    // T2: E weighs 0 and F has no weight at all (counts 0). T1 is an ordinary territory.
    CommuneValues apl = values("A", 2.0, "E", 3.0, "F", 1.0);
    CommuneValues weight = values("A", 10, "E", 0);
    TerritoryMap map = withoutRegions("A", "T1", "E", "T2", "F", "T2");
    Aggregation a = Aggregation.of(apl, weight, map);

    assertEquals(List.of("T2"), a.territoriesWithoutPopulation());
    TerritoryApl t2 = a.territories().get(1);
    assertEquals("T2", t2.territory());
    // 0 / 0: no mean, NaN rather than 0 (0 would read as "no doctor").
    assertTrue(Double.isNaN(t2.apl()), "APL of a territory with no population: " + t2.apl());
    assertEquals(0.0, t2.population());
    assertEquals(2, t2.communes());
    // Still listed among the territories, and its communes keep their territory.
    assertEquals(2, a.territories().size());
    assertEquals("T2", a.communeTerritory().get("F"));
    assertEquals(2.0, a.territories().get(0).apl(), EPS);
  }

  @Test
  void theRegionOfATerritoryIsTheOneWithTheLargestWeight() {
    // T1: region 84 has A (100), region 11 has B + C (60 + 50 = 110): 11 wins although the
    // single largest commune is in 84.
    // T2: D in 93 and E in 84 weigh 50 each: a tie, settled by the smallest code, 84, although
    // D (in 93) comes first in commune order.
    CommuneValues apl = values("A", 1.0, "B", 1.0, "C", 1.0, "D", 1.0, "E", 1.0);
    CommuneValues weight = values("A", 100, "B", 60, "C", 50, "D", 50, "E", 50);
    TerritoryMap map = withRegions(
        "A", "T1", "84", "B", "T1", "11", "C", "T1", "11", "D", "T2", "93", "E", "T2", "84");
    Aggregation a = Aggregation.of(apl, weight, map);
    assertEquals("11", a.territories().get(0).region());
    assertEquals("84", a.territories().get(1).region());
  }

  @Test
  void theTableRejectsEmptyCodes() {
    assertThrows(IllegalArgumentException.class, () -> TerritoryMap.of(Map.of("A", ""), null));
    assertThrows(IllegalArgumentException.class, () -> TerritoryMap.of(Map.of("", "T1"), null));
  }
}
