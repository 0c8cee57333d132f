package fr.apl.zoning;

import static fr.apl.zoning.Worlds.territory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Population-share classes (the other professions' zonings): territories ranked by APL across
 * the country fill the classes in order. Populations are multiples of 50 out of 1000 so that the
 * cuts fall on or inside territories as the comments say.
 */
class QuantileClassesTest {

  private static final List<String> FIVE =
      List.of("tres_sous_dotee", "sous_dotee", "intermediaire", "tres_dotee", "sur_dotee");

  @Test
  void cutsOnTerritoryEdgesFillTheClassesInOrder() {
    // Ten territories of 100, APL 1 … 10, given in a scrambled order. Shares 10/20/40/20/10 %
    // put the cuts at 100, 300, 700, 900: on territory edges.
    // t1 [0, 100) → class 1; t2, t3 [100, 300) → 2; t4 … t7 [300, 700) → 3; t8, t9 → 4; t10 → 5.
    int[] scrambled = {7, 2, 10, 5, 1, 9, 3, 8, 4, 6};
    List<TerritoryApl> ts = new ArrayList<>();
    for (int n : scrambled) {
      ts.add(territory("t" + n, null, 100, n));
    }
    Classification c = QuantileClasses.five(0.1, 0.2, 0.4, 0.2, 0.1).classify(ts);
    Map<String, String> k = c.classByTerritory();
    String[] expected = {
      "tres_sous_dotee",
      "sous_dotee",
      "sous_dotee",
      "intermediaire",
      "intermediaire",
      "intermediaire",
      "intermediaire",
      "tres_dotee",
      "tres_dotee",
      "sur_dotee"
    };
    for (int n = 1; n <= 10; n++) {
      assertEquals(expected[n - 1], k.get("t" + n), "t" + n);
    }
    // The APL thresholds reached are the highest APL of each class: 1, 3, 7, 9, 10.
    double[] thresholds = new double[5];
    for (int q = 0; q < 5; q++) {
      thresholds[q] = c.summaries().get(q).maxApl();
    }
    assertArrayEquals(new double[] {1, 3, 7, 9, 10}, thresholds);
    // Shares: 100, 200, 400, 200, 100 of 1000.
    assertEquals(
        new ClassSummary("intermediaire", 4, 400, 0.4, 4, 7), c.summaries().get(2));
  }

  @Test
  void aCutInsideATerritoryPutsItInTheLowerClass() {
    // A 150 (APL 1), B 100 (2), C 250 (3), D 500 (4): 1000. Equal fifths cut at 200, 400, 600,
    // 800. A [0, 150) → 1. B [150, 250) holds the cut 200: lower class, 1.
    // C [250, 500) starts past 200 and holds 400: class 2. D [500, 1000) starts past 400 and
    // holds 600 and 800: class 3. Classes 4 and 5 stay empty.
    List<TerritoryApl> ts = List.of(
        territory("D", null, 500, 4.0),
        territory("C", null, 250, 3.0),
        territory("B", null, 100, 2.0),
        territory("A", null, 150, 1.0));
    Classification c = QuantileClasses.five(0.2, 0.2, 0.2, 0.2, 0.2).classify(ts);
    assertEquals(
        Map.of(
            "A",
            "tres_sous_dotee",
            "B",
            "tres_sous_dotee",
            "C",
            "sous_dotee",
            "D",
            "intermediaire"),
        c.classByTerritory());
    List<ClassSummary> s = c.summaries();
    // 150 + 100 = 250 of 1000, APL 1 … 2: threshold 2.
    assertEquals(new ClassSummary("tres_sous_dotee", 2, 250, 0.25, 1.0, 2.0), s.get(0));
    assertEquals(new ClassSummary("sous_dotee", 1, 250, 0.25, 3.0, 3.0), s.get(1));
    assertEquals(new ClassSummary("intermediaire", 1, 500, 0.5, 4.0, 4.0), s.get(2));
    assertEquals(0, s.get(3).territories());
    assertTrue(Double.isNaN(s.get(3).maxApl()), "empty class has no threshold");
    assertEquals(0, s.get(4).territories());
  }

  @Test
  void tiesAreRankedByCodeInStringOrder() {
    // T10 and T2 both APL 3 and 100 inhabitants, halves cut at 100: "T10" < "T2", so T10 fills
    // the lower half and T2 starts the upper one.
    QuantileClasses halves = new QuantileClasses(List.of("low", "high"), new double[] {0.5, 0.5});
    Map<String, String> k = halves
        .classify(List.of(territory("T2", null, 100, 3.0), territory("T10", null, 100, 3.0)))
        .classByTerritory();
    assertEquals(Map.of("T10", "low", "T2", "high"), k);
  }

  @Test
  void territoriesWithoutPopulationAreLeftOut() {
    QuantileClasses halves = new QuantileClasses(List.of("low", "high"), new double[] {0.5, 0.5});
    Classification c = halves.classify(List.of(
        territory("A", null, 100, 1.0),
        territory("B", null, 0, Double.NaN),
        territory("C", null, 100, 2.0)));
    // The NaN territory neither takes a rank nor shifts the cut: A low, C high.
    assertEquals(Map.of("A", "low", "C", "high"), c.classByTerritory());
    assertFalse(c.classByTerritory().containsKey("B"));
  }

  @Test
  void sharesMustBePositiveAndAddUpToOne() {
    // 0.2 · 4 + 0.1 = 0.9.
    assertThrows(
        IllegalArgumentException.class, () -> QuantileClasses.five(0.2, 0.2, 0.2, 0.2, 0.1));
    // 0.3 + 0.2 · 4 = 1.1.
    assertThrows(
        IllegalArgumentException.class, () -> QuantileClasses.five(0.3, 0.2, 0.2, 0.2, 0.2));
    assertThrows(
        IllegalArgumentException.class, () -> QuantileClasses.five(0.0, 0.25, 0.25, 0.25, 0.25));
    assertThrows(
        IllegalArgumentException.class, () -> QuantileClasses.five(-0.1, 0.3, 0.3, 0.25, 0.25));
    // Four shares for five classes.
    assertThrows(
        IllegalArgumentException.class, () -> QuantileClasses.five(0.25, 0.25, 0.25, 0.25));
    assertThrows(
        IllegalArgumentException.class,
        () -> QuantileClasses.five(Double.NaN, 0.25, 0.25, 0.25, 0.25));
    // The nurses' zoning, 5.3 / 9.4 / 36.6 / 20.4 / 28.3 %, adds up to 100 %.
    QuantileClasses nurses = QuantileClasses.five(0.053, 0.094, 0.366, 0.204, 0.283);
    assertEquals(FIVE, nurses.classes());
  }

  @Test
  void theSharesAreCopied() {
    double[] shares = {0.5, 0.5};
    QuantileClasses q = new QuantileClasses(List.of("low", "high"), shares);
    shares[0] = 0.9;
    q.shares()[1] = 0.1;
    assertArrayEquals(new double[] {0.5, 0.5}, q.shares());
  }
}
