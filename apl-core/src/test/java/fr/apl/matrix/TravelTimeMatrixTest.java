package fr.apl.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TravelTimeMatrixTest {

  @Test
  void communesAreNumberedInCodeOrderAndRowsSortedByDestination() {
    TravelTimeMatrix m = TravelTimeMatrix.builder()
        .add("43157", "43040", 12)
        .add("2A004", "2A004", 0)
        .add("43157", "01004", 25)
        .commune("75056")
        .add("01004", "43157", 26.5)
        .build();
    // String order: "01004" < "2A004" < "43040" < "43157" < "75056" (digits sort before letters).
    assertArrayEquals(new String[] {"01004", "2A004", "43040", "43157", "75056"}, m.codes());
    assertEquals(5, m.communeCount());
    assertEquals(4, m.pairCount());
    assertArrayEquals(new int[] {0, 1, 2, 2, 4, 4}, m.rowStart());
    // Row 43157 (index 3) lists 01004 (0) before 43040 (2) although it was given second.
    assertArrayEquals(new int[] {3, 1, 0, 2}, m.destinations());
    assertArrayEquals(new double[] {26.5, 0, 25, 12}, m.minutes());
    assertEquals(12.0, m.minutes("43157", "43040"));
    assertEquals(3, m.indexOf("43157"));
    assertEquals("75056", m.code(4));
  }

  @Test
  void absentPairsAndUnknownCommunesReadAsNaN() {
    TravelTimeMatrix m = TravelTimeMatrix.builder().add("A", "B", 7).build();
    // The matrix is directed: B -> A was not given.
    assertTrue(Double.isNaN(m.minutes("B", "A")));
    assertTrue(Double.isNaN(m.minutes("A", "A")));
    assertTrue(Double.isNaN(m.minutes("A", "Z")));
    assertEquals(-1, m.indexOf("Z"));
  }

  @Test
  void accessorsReturnCopies() {
    TravelTimeMatrix m = TravelTimeMatrix.builder().add("A", "B", 7).build();
    m.minutes()[0] = 99;
    m.destinations()[0] = 0;
    m.rowStart()[1] = 0;
    m.codes()[0] = "Z";
    assertEquals(7.0, m.minutes("A", "B"));
    assertEquals("A", m.code(0));
  }

  @Test
  void repeatedPairWithTheSameTimeIsKeptOnceAndCounted() {
    TravelTimeMatrix m = TravelTimeMatrix.builder()
        .add("A", "B", 7)
        .add("B", "A", 8)
        .add("A", "B", 7)
        .add("A", "B", 7)
        .build();
    // 4 records, 2 distinct pairs, so 2 repeats.
    assertEquals(2, m.pairCount());
    assertEquals(2, m.duplicatePairs());
    assertEquals(7.0, m.minutes("A", "B"));
  }

  @Test
  void zeroRepeatedAsMinusZeroIsPlusZeroWhateverTheRecordOrder() {
    // 0.0 == -0.0, so the pair is one time given twice, kept once; which record comes first must
    // not decide the sign bit that a matrix file would store.
    TravelTimeMatrix minusFirst =
        TravelTimeMatrix.builder().add("A", "A", -0.0).add("A", "A", 0.0).build();
    TravelTimeMatrix plusFirst =
        TravelTimeMatrix.builder().add("A", "A", 0.0).add("A", "A", -0.0).build();
    assertEquals(1, minusFirst.duplicatePairs());
    assertEquals(0L, Double.doubleToRawLongBits(minusFirst.minutes()[0]));
    assertEquals(0L, Double.doubleToRawLongBits(plusFirst.minutes()[0]));
  }

  @Test
  void repeatedPairWithAnotherTimeThrowsWithBothRecordPositions() {
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder()
        .add("A", "B", 5) // record 0
        .add("B", "A", 7) // record 1
        .add("A", "B", 5) // record 2: same time, a harmless repeat
        .add("A", "C", 3) // record 3
        .add("A", "B", 6); // record 4: conflicts with record 0
    DuplicatePairException e = assertThrows(DuplicatePairException.class, b::build);
    assertEquals(0, e.firstRecord());
    assertEquals(4, e.secondRecord());
    assertTrue(
        e.getMessage()
            .contains("pair A -> B is given twice with different times: 5.0 and" + " 6.0 minutes"),
        e.getMessage());
  }

  @Test
  void indexedPairsReportRecordPositionsOfTheArrays() {
    String[] codes = {"B", "A"};
    // Records 0..2; record 2 repeats record 1 (A -> B) with another time.
    int[] origin = {0, 1, 1};
    int[] destination = {1, 0, 0};
    double[] minutes = {4, 9, 9.5};
    DuplicatePairException e = assertThrows(
        DuplicatePairException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(codes, origin, destination, minutes, 3));
    assertEquals(1, e.firstRecord());
    assertEquals(2, e.secondRecord());
    // With count = 2 the conflicting record is not read.
    TravelTimeMatrix m = TravelTimeMatrix.fromIndexedPairs(codes, origin, destination, minutes, 2);
    assertEquals(9.0, m.minutes("A", "B"));
    assertEquals(4.0, m.minutes("B", "A"));
    assertArrayEquals(new String[] {"A", "B"}, m.codes());
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {-1.0, -1e-9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void badTimesAreRejectedByTheBuilder(double minutes) {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.builder().add("01001", "01004", minutes));
    assertTrue(
        e.getMessage()
            .contains(
                "travel time must be finite and >= 0, given: " + minutes + " (01001 -> 01004)"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-3.0, Double.NaN, Double.POSITIVE_INFINITY})
  void badTimesAreRejectedFromIndexedPairs(double minutes) {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(
            new String[] {"01001", "01004"},
            new int[] {0, 1},
            new int[] {1, 0},
            new double[] {2, minutes},
            2));
    assertTrue(e.getMessage().contains("given: " + minutes + " (01004 -> 01001)"), e.getMessage());
  }

  @Test
  void badIndicesCodesAndCountsAreRejected() {
    String[] codes = {"A", "B"};
    assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(
            codes, new int[] {2}, new int[] {0}, new double[] {1}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(
            codes, new int[] {0}, new int[] {-1}, new double[] {1}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(
            codes, new int[] {0}, new int[] {1}, new double[] {1}, 2));
    IllegalArgumentException twice = assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(
            new String[] {"A", "B", "A"}, new int[0], new int[0], new double[0], 0));
    assertTrue(twice.getMessage().contains("commune code given twice: A"), twice.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> TravelTimeMatrix.builder().add("", "A", 1));
    assertThrows(
        IllegalArgumentException.class, () -> TravelTimeMatrix.builder().add("A", null, 1));
    assertThrows(
        IllegalArgumentException.class, () -> TravelTimeMatrix.builder().commune(null));
  }

  /**
   * Regression: fromIndexedPairs once sorted the codes before its null check, so a null code
   * among two or more threw NullPointerException from the comparator instead of the
   * IllegalArgumentException "commune code must not be null".
   */
  @Test
  void nullCodeAmongSeveralIsAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> TravelTimeMatrix.fromIndexedPairs(
            new String[] {"A", null}, new int[] {0}, new int[] {0}, new double[] {1}, 1));
    assertTrue(e.getMessage().contains("commune code must not be null"), e.getMessage());
  }

  @Test
  void declaredCommuneWithoutPairs() {
    TravelTimeMatrix m =
        TravelTimeMatrix.builder().commune("B").commune("A").commune("B").build();
    assertEquals(2, m.communeCount());
    assertEquals(0, m.pairCount());
    assertArrayEquals(new int[] {0, 0, 0}, m.rowStart());
  }
}
