package fr.apl.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The matrix built from records cut into parts, on several threads, against a plain reference
 * written here with sorted maps: same codes, rows, times, repeated-pair count, and the same
 * conflict with the same record positions, whatever the cut and the thread count.
 */
class IndexedPartsTest {

  /** One record: origin and destination codes, minutes. */
  private record Rec(String o, String d, double t) {}

  /** Rows shaped like real files: sorted, sorted after the self pair, reversed, shuffled. */
  private static List<Rec> records(Random rnd, int communes, boolean conflict) {
    List<Rec> out = new ArrayList<>();
    for (int i = 0; i < communes; i++) {
      String o = code(i);
      int length = rnd.nextInt(4) == 0 ? 60 + rnd.nextInt(90) : rnd.nextInt(30);
      List<Integer> dests = new ArrayList<>();
      for (int k = 0; k < length; k++) {
        dests.add(rnd.nextInt(communes + 5));
      }
      switch (rnd.nextInt(4)) {
        case 0 -> dests.sort(null);
        case 1 -> {
          dests.sort(null);
          dests.add(0, i);
        }
        case 2 -> dests.sort((a, b) -> b - a);
        default -> java.util.Collections.shuffle(dests, rnd);
      }
      for (int d : dests) {
        // Times drawn from few values, so that a pair drawn twice often repeats its time.
        out.add(new Rec(o, code(d), rnd.nextInt(3) * 5.0));
      }
    }
    java.util.Collections.shuffle(out.subList(0, out.size() / 3), rnd);
    if (!conflict) {
      // Keep the first time of each pair everywhere: repeats only, no conflict.
      Map<String, Double> first = new java.util.HashMap<>();
      for (int k = 0; k < out.size(); k++) {
        Rec r = out.get(k);
        Double f = first.putIfAbsent(r.o() + ">" + r.d(), r.t());
        if (f != null) {
          out.set(k, new Rec(r.o(), r.d(), f));
        }
      }
    }
    return out;
  }

  private static String code(int i) {
    // Codes whose first-seen order differs from their sorted order.
    return Integer.toString(1_000_000 + (i * 7919) % 100003).substring(1);
  }

  /** Cuts the records into parts of random sizes, each with its own code list. */
  private static List<TravelTimeMatrix.IndexedPairs> cut(List<Rec> recs, Random rnd, int most) {
    List<TravelTimeMatrix.IndexedPairs> parts = new ArrayList<>();
    int at = 0;
    while (at < recs.size() || parts.isEmpty()) {
      int size = Math.min(recs.size() - at, rnd.nextInt(most) + 1);
      LinkedHashMap<String, Integer> local = new LinkedHashMap<>();
      int[] o = new int[size + 3];
      int[] d = new int[size + 3];
      double[] t = new double[size + 3];
      for (int r = 0; r < size; r++) {
        Rec rec = recs.get(at + r);
        o[r] = local.computeIfAbsent(rec.o(), k -> local.size());
        d[r] = local.computeIfAbsent(rec.d(), k -> local.size());
        t[r] = rec.t();
      }
      parts.add(
          new TravelTimeMatrix.IndexedPairs(local.keySet().toArray(new String[0]), o, d, t, size));
      at += size;
    }
    return parts;
  }

  /** The plain reference: the matrix in sorted maps, or the expected conflict. */
  private static final class Reference {
    final TreeMap<String, TreeMap<String, Double>> rows = new TreeMap<>();
    long repeated;
    String conflict;
    long firstAt = -1;
    long secondAt = -1;

    Reference(List<Rec> recs) {
      TreeMap<String, TreeMap<String, List<Integer>>> seen = new TreeMap<>();
      for (int k = 0; k < recs.size(); k++) {
        Rec r = recs.get(k);
        rows.computeIfAbsent(r.o(), x -> new TreeMap<>());
        rows.computeIfAbsent(r.d(), x -> new TreeMap<>());
        seen.computeIfAbsent(r.o(), x -> new TreeMap<>())
            .computeIfAbsent(r.d(), x -> new ArrayList<>())
            .add(k);
      }
      for (var row : seen.entrySet()) {
        for (var pair : row.getValue().entrySet()) {
          List<Integer> at = pair.getValue();
          double first = recs.get(at.get(0)).t();
          rows.get(row.getKey()).put(pair.getKey(), first);
          repeated += at.size() - 1;
          for (int k : at) {
            if (conflict == null && recs.get(k).t() != first) {
              conflict = "pair " + row.getKey() + " -> " + pair.getKey()
                  + " is given twice with different times: " + first + " and "
                  + recs.get(k).t() + " minutes";
              firstAt = at.get(0);
              secondAt = k;
            }
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5})
  void partsAndThreadsGiveTheReferenceMatrix(int threads) {
    Random rnd = new Random(1000 + threads);
    for (int round = 0; round < 20; round++) {
      // The last rounds have enough communes for the rows to be split among the threads.
      List<Rec> recs = records(rnd, round >= 18 ? 2500 : 30 + rnd.nextInt(200), false);
      Reference ref = new Reference(recs);
      TravelTimeMatrix m =
          TravelTimeMatrix.fromIndexedPairs(cut(recs, rnd, 1 + rnd.nextInt(3000)), threads);
      assertArrayEquals(ref.rows.keySet().toArray(new String[0]), m.codes());
      assertEquals(ref.repeated, m.duplicatePairs());
      int pairs = 0;
      // The accessors return copies: taken once.
      int[] rowStart = m.rowStart();
      int[] destinations = m.destinations();
      double[] minutes = m.minutes();
      for (String o : ref.rows.keySet()) {
        int i = m.indexOf(o);
        List<String> dests = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
          dests.add(m.code(destinations[k]));
          times.add(minutes[k]);
        }
        assertEquals(new ArrayList<>(ref.rows.get(o).keySet()), dests, "row " + o);
        assertEquals(new ArrayList<>(ref.rows.get(o).values()), times, "row " + o);
        pairs += dests.size();
      }
      assertEquals(pairs, m.pairCount());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void theConflictAndItsRecordsAreThoseOfTheReference(int threads) {
    Random rnd = new Random(77 + threads);
    int conflicts = 0;
    for (int round = 0; round < 20; round++) {
      List<Rec> recs = records(rnd, 40 + rnd.nextInt(100), true);
      Reference ref = new Reference(recs);
      List<TravelTimeMatrix.IndexedPairs> parts = cut(recs, rnd, 1 + rnd.nextInt(500));
      if (ref.conflict == null) {
        TravelTimeMatrix.fromIndexedPairs(parts, threads);
        continue;
      }
      conflicts++;
      DuplicatePairException e = assertThrows(
          DuplicatePairException.class, () -> TravelTimeMatrix.fromIndexedPairs(parts, threads));
      assertEquals(ref.conflict, e.getMessage());
      assertEquals(ref.firstAt, e.firstRecord());
      assertEquals(ref.secondAt, e.secondRecord());
    }
    assertEquals(20, conflicts, "every round should hold a conflict");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void theLowestRowWithAConflictWinsWhenRowsAreSplit(int threads) {
    List<Rec> recs = records(new Random(31), 2500, false);
    java.util.TreeSet<String> origins = new java.util.TreeSet<>();
    for (Rec r : recs) {
      origins.add(r.o());
    }
    List<String> sortedOrigins = new ArrayList<>(origins);
    // A conflict in a late row comes first in the file, then one in an early row.
    for (String o : List.of(sortedOrigins.get(2300), sortedOrigins.get(100))) {
      Rec first = recs.stream().filter(r -> r.o().equals(o)).findFirst().orElseThrow();
      recs.add(new Rec(o, first.d(), first.t() + 1));
    }
    Reference ref = new Reference(recs);
    DuplicatePairException e = assertThrows(
        DuplicatePairException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(cut(recs, new Random(3), 4000), threads));
    assertEquals(ref.conflict, e.getMessage());
    assertEquals(ref.firstAt, e.firstRecord());
    assertEquals(ref.secondAt, e.secondRecord());
    assertEquals(recs.size() - 1, e.secondRecord());
  }

  /**
   * Each way a row is sorted (two sorted runs merged, insertion for a short row, a packed sort for
   * a long one) keeps the records of one pair in record order: the first time is the first given.
   */
  @ParameterizedTest
  @ValueSource(strings = {"9 1 2 3 9 12", "3 1 3 2", "long"})
  void rowsAreSortedStably(String shape) {
    List<Integer> dests = new ArrayList<>();
    if (shape.equals("long")) {
      for (int k = 0; k < 70; k++) {
        dests.add((k * 37) % 70);
      }
      dests.add(5, dests.get(40));
    } else {
      for (String d : shape.split(" ")) {
        dests.add(Integer.parseInt(d));
      }
    }
    List<Rec> recs = new ArrayList<>();
    for (int k = 0; k < dests.size(); k++) {
      recs.add(new Rec("O", String.format(Locale.ROOT, "D%03d", dests.get(k)), k));
    }
    Reference ref = new Reference(recs);
    DuplicatePairException e = assertThrows(
        DuplicatePairException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(cut(recs, new Random(1), 1000), 1));
    assertEquals(ref.conflict, e.getMessage());
    assertEquals(ref.firstAt, e.firstRecord());
    assertEquals(ref.secondAt, e.secondRecord());
  }

  @Test
  void theFirstBadRecordIsReportedWhateverTheThreads() {
    List<Rec> recs = records(new Random(5), 200, false);
    recs.set(recs.size() / 2, new Rec("A", "B", Double.NaN));
    recs.set(recs.size() - 3, new Rec("C", "D", -1));
    for (int t = 1; t <= 4; t++) {
      int threads = t;
      IllegalArgumentException e = assertThrows(
          IllegalArgumentException.class,
          () -> TravelTimeMatrix.fromIndexedPairs(cut(recs, new Random(9), 50), threads));
      assertEquals("travel time must be finite and >= 0, given: NaN (A -> B)", e.getMessage());
    }
  }

  @Test
  void aCodeGivenTwiceInOnePartIsRefusedButSharedAcrossParts() {
    TravelTimeMatrix.IndexedPairs a = new TravelTimeMatrix.IndexedPairs(
        new String[] {"X", "Y"}, new int[] {0}, new int[] {1}, new double[] {3}, 1);
    TravelTimeMatrix.IndexedPairs b = new TravelTimeMatrix.IndexedPairs(
        new String[] {"Y", "X"}, new int[] {0}, new int[] {1}, new double[] {4}, 1);
    TravelTimeMatrix m = TravelTimeMatrix.fromIndexedPairs(List.of(a, b), 2);
    assertArrayEquals(new String[] {"X", "Y"}, m.codes());
    assertEquals(3.0, m.minutes("X", "Y"));
    assertEquals(4.0, m.minutes("Y", "X"));
    TravelTimeMatrix.IndexedPairs twice = new TravelTimeMatrix.IndexedPairs(
        new String[] {"X", "X"}, new int[] {0}, new int[] {1}, new double[] {3}, 1);
    assertEquals(
        "commune code given twice: X",
        assertThrows(
                IllegalArgumentException.class,
                () -> TravelTimeMatrix.fromIndexedPairs(List.of(a, twice), 1))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new TravelTimeMatrix.IndexedPairs(
            new String[] {"X"}, new int[1], new int[1], new double[0], 1));
  }
}
