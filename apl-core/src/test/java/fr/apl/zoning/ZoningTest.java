package fr.apl.zoning;

import static fr.apl.zoning.Worlds.pairs;
import static fr.apl.zoning.Worlds.values;
import static fr.apl.zoning.Worlds.withoutRegions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Zoning with classes forced by decision (an ARS adding a territory) and the comparison with a
 * previous zoning. The rule is the 2017 one: ≤ 2.5 zip, ≤ 4 vivier, else hors_zonage.
 */
class ZoningTest {

  /**
   * T1 = A (APL 1), T2 = B (3), T3 = C (5), T4 = D (weighs 0), T5 = F (2); E has no territory.
   * Forced: T2 and T4 to zip, T9 (no commune) to vivier.
   */
  private static Zoning zoning() {
    return Zoning.of(
        values("A", 1.0, "B", 3.0, "C", 5.0, "D", 2.0, "E", 1.0, "F", 2.0),
        values("A", 100, "B", 100, "C", 100, "D", 0, "E", 100, "F", 100),
        withoutRegions("A", "T1", "B", "T2", "C", "T3", "D", "T4", "F", "T5"),
        NationalThresholds.of2017(),
        pairs("T2", "zip", "T4", "zip", "T9", "vivier"));
  }

  @Test
  void forcedClassOutsideTheRuleIsRefused() {
    // zac belongs to the regional ceilings, not to the national thresholds.
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> Zoning.of(
            values("A", 1.0),
            values("A", 100),
            withoutRegions("A", "T1"),
            NationalThresholds.of2017(),
            pairs("T1", "zac")));
    assertEquals(
        "class forced on territory T1 must be one of the rule's classes zip, vivier, hors_zonage,"
            + " given: 'zac'",
        e.getMessage());
  }

  @Test
  void forcedClassesAreKeptApartFromTheRuleClasses() {
    Zoning z = zoning();
    List<ZonedTerritory> rows = z.territories();
    assertEquals(5, rows.size());
    // T1: APL 1 ≤ 2.5, zip by rule, nothing forced.
    assertZoned(rows.get(0), "T1", "zip", null, "zip");
    // T2: APL 3 is vivier by rule; forced to zip: the final class is zip, the rule's stays vivier.
    assertZoned(rows.get(1), "T2", "vivier", "zip", "zip");
    // T3: APL 5 > 4.
    assertZoned(rows.get(2), "T3", "hors_zonage", null, "hors_zonage");
    // T4: no population, so no rule class; the forced class still applies.
    assertZoned(rows.get(3), "T4", null, "zip", "zip");
    assertZoned(rows.get(4), "T5", "zip", null, "zip");
    // The rule's own classification is untouched by the decisions.
    assertEquals("vivier", z.classification().classByTerritory().get("T2"));
    assertEquals(1, z.classification().summaries().get(1).territories());
    // T9 is forced but no commune belongs to it.
    assertEquals(List.of("T9"), z.forcedUnknown());
  }

  @Test
  void communesTakeTheFinalClassOfTheirTerritory() {
    // A → T1 zip, B → T2 zip (forced), C → T3 hors_zonage, D → T4 zip (forced), F → T5 zip.
    // E has no territory, so no class.
    assertEquals(
        Map.of("A", "zip", "B", "zip", "C", "hors_zonage", "D", "zip", "F", "zip"),
        zoning().communeClasses());
  }

  @Test
  void aTerritoryWithNeitherRuleNorForcedClassGivesNoClassToItsCommunes() {
    Zoning z = Zoning.of(
        values("A", 1.0, "D", 2.0),
        values("A", 100, "D", 0),
        withoutRegions("A", "T1", "D", "T4"),
        NationalThresholds.of2017(),
        Map.of());
    assertNull(z.territories().get(1).finalClass());
    assertEquals(Map.of("A", "zip"), z.communeClasses());
    assertEquals(List.of(), z.forcedUnknown());
  }

  @Test
  void changesListChangedAppearedAndVanishedTerritoriesInCodeOrder() {
    // Before: T0 zip (gone now), T1 vivier (now zip), T2 zip (still zip, through the forced
    // class), T3 hors_zonage (unchanged). T4 and T5 are new.
    Map<String, String> previousClass =
        pairs("T3", "hors_zonage", "T0", "zip", "T1", "vivier", "T2", "zip");
    Map<String, Double> previousApl = Map.of("T0", 1.9, "T1", 2.7, "T2", 3.1, "T3", 4.5);
    List<ClassChange> changes = zoning().changesFrom(previousClass, previousApl);
    assertEquals(
        List.of(
            // Vanished: no class and no APL now.
            new ClassChange("T0", "zip", null, 1.9, Double.NaN),
            // Changed: APL 2.7 → 1.
            new ClassChange("T1", "vivier", "zip", 2.7, 1.0),
            // Appeared, forced to zip, no APL either side (it weighs 0).
            new ClassChange("T4", null, "zip", Double.NaN, Double.NaN),
            // Appeared with APL 2.
            new ClassChange("T5", null, "zip", Double.NaN, 2.0)),
        changes);
  }

  @Test
  void noChangesAgainstItself() {
    Zoning z = zoning();
    Map<String, String> classes = new java.util.TreeMap<>();
    Map<String, Double> apl = new java.util.TreeMap<>();
    for (ZonedTerritory t : z.territories()) {
      if (t.finalClass() != null) {
        classes.put(t.apl().territory(), t.finalClass());
      }
      apl.put(t.apl().territory(), t.apl().apl());
    }
    assertEquals(List.of(), z.changesFrom(classes, apl));
  }

  private static void assertZoned(
      ZonedTerritory z, String territory, String ruleClass, String forcedClass, String finalClass) {
    assertEquals(territory, z.apl().territory());
    assertEquals(ruleClass, z.ruleClass(), territory + " rule class");
    assertEquals(forcedClass, z.forcedClass(), territory + " forced class");
    assertEquals(finalClass, z.finalClass(), territory + " final class");
  }
}
