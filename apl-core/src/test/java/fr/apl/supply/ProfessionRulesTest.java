package fr.apl.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the activity rules that other professions use: salaried practice, unit, age. */
class ProfessionRulesTest {

  private static ActivityRules rules(SalariedPractice salaried, double perUnit, int ageLimit) {
    return new ActivityRules(250, 3600, 3600, 6000, 5400, salaried, perUnit, ageLimit);
  }

  @Test
  void salariedPracticeCountsUnboundedBoundedOrNot() {
    double acts = 9000;
    assertEquals(
        9000,
        rules(SalariedPractice.UNBOUNDED, 1, 200).counted(acts, PracticeMode.CENTRE_SANTE, false));
    assertEquals(
        6000,
        rules(SalariedPractice.BOUNDED, 1, 200).counted(acts, PracticeMode.CENTRE_SANTE, false));
    assertEquals(
        3600,
        rules(SalariedPractice.BOUNDED, 1, 200).counted(300, PracticeMode.CENTRE_SANTE, true),
        "no new-installation rule when salaried");
    assertEquals(
        0,
        rules(SalariedPractice.EXCLUDED, 1, 200).counted(acts, PracticeMode.CENTRE_SANTE, false));
    assertEquals(
        6000,
        rules(SalariedPractice.EXCLUDED, 1, 200).counted(acts, PracticeMode.LIBERAL, false),
        "liberal practice unchanged");
  }

  /** 4 500 acts per FTE: a liberal with 9 000 acts (6 000 counted) is 4/3 FTE in two practices. */
  @Test
  void theUnitDividesTheCountedActivityBeforeItIsShared() {
    List<Doctor> d = List.of(
        new Doctor("A", "01001", 3000, 50, PracticeMode.LIBERAL, false),
        new Doctor("A", "01002", 6000, 50, PracticeMode.LIBERAL, false));
    Supply s = rules(SalariedPractice.UNBOUNDED, 4500, Integer.MAX_VALUE).supply(d);
    assertEquals(6000.0 / 4500 * 3000 / 9000, s.consultationsPerYear().get("01001"), 1e-15);
    assertEquals(6000.0 / 4500 * 6000 / 9000, s.consultationsPerYear().get("01002"), 1e-15);
  }

  @Test
  void liberalsFromTheAgeLimitAreLeftOutButNotSalaried() {
    List<Doctor> d = List.of(
        new Doctor("old", "01001", 5000, 66, PracticeMode.LIBERAL, false),
        new Doctor("young", "01001", 4000, 65, PracticeMode.LIBERAL, false),
        new Doctor("cds", "01002", 2000, 70, PracticeMode.CENTRE_SANTE, false));
    Supply s = rules(SalariedPractice.UNBOUNDED, 1, 66).supply(d);
    assertEquals(4000, s.consultationsPerYear().get("01001"));
    assertEquals(2000, s.consultationsPerYear().get("01002"));
    Supply capped = rules(SalariedPractice.UNBOUNDED, 1, 66).supply(d, 65);
    assertEquals(0, capped.consultationsPerYear().get("01001"), "65 is out under the cap 65");
    assertEquals(0, capped.consultationsPerYear().get("01002"), "the cap applies to salaried");
    List<Doctor> unknown =
        List.of(new Doctor("x", "01001", 5000, Doctor.UNKNOWN_AGE, PracticeMode.LIBERAL, false));
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> rules(SalariedPractice.UNBOUNDED, 1, 66).supply(unknown));
    assertTrue(e.getMessage().contains("age of practitioner x is unknown"), e.getMessage());
  }

  @Test
  void badUnitsAndLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> rules(SalariedPractice.UNBOUNDED, 0, 66));
    assertThrows(
        IllegalArgumentException.class,
        () -> rules(SalariedPractice.UNBOUNDED, Double.POSITIVE_INFINITY, 66));
    assertThrows(IllegalArgumentException.class, () -> rules(SalariedPractice.UNBOUNDED, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> rules(null, 1, 66));
  }

  @Test
  void theFiveNumberRulesAreTheGeneralPractitionersStructure() {
    ActivityRules r = new ActivityRules(250, 3600, 3600, 6000, 5400);
    assertEquals(ActivityRules.dreesGeneralPractitioners(), r);
    assertEquals(SalariedPractice.UNBOUNDED, r.salaried());
    assertEquals(1, r.perUnit());
    assertEquals(Integer.MAX_VALUE, r.liberalAgeLimit());
  }
}
