package fr.apl.supply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.place.CommuneValues;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityRulesTest {

  private static final ActivityRules DREES = ActivityRules.dreesGeneralPractitioners();

  private static Doctor liberal(String id, String commune, double acts, int age) {
    return new Doctor(id, commune, acts, age, PracticeMode.LIBERAL, false);
  }

  /** Each edge of the DREES table and one step either side of it. */
  @ParameterizedTest(name = "{0} acts count {1}")
  @CsvSource({
    "0,       0",
    "250,     0",
    "250.5,   3600",
    "251,     3600",
    "1000,    3600",
    "3600,    3600",
    "3600.5,  3600.5",
    "3601,    3601",
    "4500,    4500",
    "6000,    6000",
    "6001,    6000",
    "12000,   6000",
  })
  void liberalBounds(double acts, double expected) {
    assertEquals(expected, DREES.counted(acts, PracticeMode.LIBERAL, false));
    CommuneValues supply =
        DREES.supply(List.of(liberal("d1", "43157", acts, 50))).consultationsPerYear();
    assertEquals(expected, supply.get("43157"));
  }

  @Test
  void newLiberalInstallationCountsFiveThousandFourHundredWhateverItsActs() {
    for (double acts : new double[] {0, 100, 3600, 9000}) {
      assertEquals(5400.0, DREES.counted(acts, PracticeMode.LIBERAL, true), "acts " + acts);
    }
    // A new installation with no acts at all at two practices: 5 400 shared equally, 2 700 each.
    Supply s = DREES.supply(List.of(
        new Doctor("n1", "A", 0, 40, PracticeMode.LIBERAL, true),
        new Doctor("n1", "B", 0, 40, PracticeMode.LIBERAL, true)));
    assertEquals(2700.0, s.consultationsPerYear().get("A"));
    assertEquals(2700.0, s.consultationsPerYear().get("B"));
  }

  @Test
  void centreDeSanteActsCountUnbounded() {
    // 100 would be 0 for a liberal doctor, 9 000 would be capped at 6 000: here both count as is.
    for (double acts : new double[] {0, 100, 3000, 9000}) {
      assertEquals(acts, DREES.counted(acts, PracticeMode.CENTRE_SANTE, false), "acts " + acts);
      assertEquals(acts, DREES.counted(acts, PracticeMode.CENTRE_SANTE, true), "new, acts " + acts);
    }
  }

  @Test
  void severalPracticesShareTheBoundOfTheirTotal() {
    // 3 000 + 1 000 = 4 000 acts, in the 3 601–6 000 band, so 4 000 counted, shared 3/4 and 1/4:
    // 3 000 in A, 1 000 in B (each practice bounded alone would have given 3 600 + 3 600).
    Supply s = DREES.supply(List.of(liberal("d1", "A", 3000, 50), liberal("d1", "B", 1000, 50)));
    assertEquals(3000.0, s.consultationsPerYear().get("A"));
    assertEquals(1000.0, s.consultationsPerYear().get("B"));
  }

  @Test
  void severalPracticesUnderTheFloorTogether() {
    // 150 + 100 = 250 acts: at most 250, so the doctor is left out, 0 in both communes.
    Supply out = DREES.supply(List.of(liberal("d1", "A", 150, 50), liberal("d1", "B", 100, 50)));
    assertEquals(0.0, out.consultationsPerYear().get("A"));
    assertEquals(0.0, out.consultationsPerYear().get("B"));
    // 200 + 100 = 300 acts: above 250 once added, so the floor 3 600 applies to the total and is
    // shared 2/3 and 1/3: 3 600·200/300 = 2 400 in A and 3 600·100/300 = 1 200 in B, although
    // each practice alone is under 250.
    Supply floor = DREES.supply(List.of(liberal("d2", "A", 200, 50), liberal("d2", "B", 100, 50)));
    assertEquals(2400.0, floor.consultationsPerYear().get("A"));
    assertEquals(1200.0, floor.consultationsPerYear().get("B"));
  }

  @Test
  void severalPracticesAboveTheCeiling() {
    // 5 000 + 3 000 = 8 000 acts, capped at 6 000:
    // 6 000·5/8 = 3 750 in A, 6 000·3/8 = 2 250 in B.
    Supply s = DREES.supply(List.of(liberal("d1", "A", 5000, 50), liberal("d1", "B", 3000, 50)));
    assertEquals(3750.0, s.consultationsPerYear().get("A"));
    assertEquals(2250.0, s.consultationsPerYear().get("B"));
  }

  @Test
  void doctorsOfOneCommuneAddUp() {
    // d1: 4 000; d2: 300 -> 3 600; d3: 7 000 -> 6 000, of which 6 000·1 000/7 000 in B.
    // A = 4 000 + 3 600 + 6 000·6 000/7 000 = 7 600 + 36 000/7; B = 6 000/7.
    Supply s = DREES.supply(List.of(
        liberal("d1", "A", 4000, 50),
        liberal("d2", "A", 300, 50),
        liberal("d3", "A", 6000, 50),
        liberal("d3", "B", 1000, 50)));
    assertEquals(7600.0 + 36000.0 / 7.0, s.consultationsPerYear().get("A"), 1e-9);
    assertEquals(6000.0 / 7.0, s.consultationsPerYear().get("B"), 1e-12);
    assertArrayEquals(new String[] {"A", "B"}, s.consultationsPerYear().codes());
    assertEquals(7600.0 + 6000.0, s.total(), 1e-9);
  }

  @Test
  void ageCapDropsDoctorsAgedCapOrMore() {
    List<Doctor> doctors = List.of(
        liberal("young", "A", 4000, 64),
        liberal("old", "A", 5000, 65),
        liberal("older", "B", 5000, 70));
    Supply capped = DREES.supply(doctors, 65);
    // 64 < 65 is kept; 65 and 70 are dropped; B then has no doctor and no row.
    assertEquals(4000.0, capped.consultationsPerYear().get("A"));
    assertFalse(capped.consultationsPerYear().contains("B"));
    // Without a cap all three count: 4 000 + 5 000 in A, 5 000 in B.
    Supply all = DREES.supply(doctors);
    assertEquals(9000.0, all.consultationsPerYear().get("A"));
    assertEquals(5000.0, all.consultationsPerYear().get("B"));
  }

  @Test
  void unknownAgeIsFineWithoutCapAndFatalWithOne() {
    List<Doctor> doctors = List.of(liberal("d9", "A", 4000, Doctor.UNKNOWN_AGE));
    assertEquals(4000.0, DREES.supply(doctors).consultationsPerYear().get("A"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DREES.supply(doctors, 65));
    assertTrue(e.getMessage().contains("age of doctor d9 is unknown"), e.getMessage());
  }

  @Test
  void practicesOfOneDoctorMustAgree() {
    List<List<Doctor>> bad = List.of(
        List.of(liberal("d1", "A", 1000, 50), liberal("d1", "B", 1000, 51)),
        List.of(
            liberal("d1", "A", 1000, 50),
            new Doctor("d1", "B", 1000, 50, PracticeMode.CENTRE_SANTE, false)),
        List.of(
            liberal("d1", "A", 1000, 50),
            new Doctor("d1", "B", 1000, 50, PracticeMode.LIBERAL, true)));
    for (List<Doctor> doctors : bad) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DREES.supply(doctors));
      assertTrue(e.getMessage().contains("doctor d1 has practices that disagree"), e.getMessage());
    }
  }

  @Test
  void doctorRecordValidation() {
    assertThrows(IllegalArgumentException.class, () -> liberal("", "A", 1, 50));
    assertThrows(IllegalArgumentException.class, () -> liberal("d", "", 1, 50));
    assertThrows(IllegalArgumentException.class, () -> liberal("d", "A", -1, 50));
    assertThrows(IllegalArgumentException.class, () -> liberal("d", "A", Double.NaN, 50));
    assertThrows(
        IllegalArgumentException.class, () -> liberal("d", "A", Double.POSITIVE_INFINITY, 50));
    assertThrows(IllegalArgumentException.class, () -> liberal("d", "A", 1, -2));
    assertThrows(IllegalArgumentException.class, () -> new Doctor("d", "A", 1, 50, null, false));
  }

  @Test
  void rulesValidation() {
    assertThrows(IllegalArgumentException.class, () -> new ActivityRules(-1, 3600, 3600, 6000, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ActivityRules(250, 3600, 3600, Double.POSITIVE_INFINITY, 5400));
    // The floor band must end below the ceiling: 7 000 > 6 000 makes no sense.
    assertThrows(
        IllegalArgumentException.class, () -> new ActivityRules(250, 7000, 3600, 6000, 5400));
    assertEquals(new ActivityRules(250, 3600, 3600, 6000, 5400), DREES);
  }

  @Test
  void noDoctorGivesNoSupply() {
    assertEquals(0, DREES.supply(List.of()).consultationsPerYear().size());
  }

  @Test
  void supplyRejectsNegativeValues() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Supply.of(CommuneValues.builder().add("A", -1).build()));
  }
}
