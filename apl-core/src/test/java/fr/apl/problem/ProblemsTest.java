package fr.apl.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two files checked on two collectors and then merged must give the validation of one collector
 * that checked them one after the other: same problems listed (at most 1 000 a check, across
 * files), same counts, same files.
 */
class ProblemsTest {

  @Test
  void mergedCollectorsEqualOneCollector() {
    Random rnd = new Random(7);
    Check[] checks = {Check.NEGATIVE, Check.INVALID_CODE, Check.DUPLICATE_COMMUNE};
    boolean capReached = false;
    for (int round = 0; round < 20; round++) {
      Problems sequential = new Problems();
      Problems first = new Problems();
      Problems second = new Problems();
      sequential.file("population.csv");
      first.file("population.csv");
      int a = rnd.nextInt(1500);
      for (int k = 0; k < a; k++) {
        Check c = rnd.nextDouble() < 0.8 ? checks[0] : checks[1 + rnd.nextInt(2)];
        sequential.add(c, "population.csv", k + 2, "v" + k, "m" + k, null);
        first.add(c, "population.csv", k + 2, "v" + k, "m" + k, null);
      }
      sequential.file("supply.csv");
      second.file("supply.csv");
      int b = rnd.nextInt(1500);
      for (int k = 0; k < b; k++) {
        Check c = rnd.nextDouble() < 0.8 ? checks[0] : checks[1 + rnd.nextInt(2)];
        sequential.add(c, "supply.csv", b - k + 1, "w" + k, "n" + k, "hint");
        second.add(c, "supply.csv", b - k + 1, "w" + k, "n" + k, "hint");
      }
      first.addAll(second);
      Validation one = sequential.build();
      Validation merged = first.build();
      assertEquals(one.files(), merged.files());
      assertEquals(one.problems(), merged.problems(), "round " + round);
      for (Check c : checks) {
        assertEquals(one.count(c), merged.count(c));
      }
      assertEquals(one.notListed(), merged.notListed());
      capReached |= first.count(checks[0]) > Validation.LISTED_PER_CHECK
          && a > 0
          && a < Validation.LISTED_PER_CHECK;
    }
    assertTrue(capReached, "some round crosses the cap in the second file");
  }
}
