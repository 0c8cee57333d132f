package fr.apl.decay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistanceDecayTest {

  private static final double TWO_THIRDS = 2.0 / 3.0;
  private static final double ONE_THIRD = 1.0 / 3.0;

  /**
   * Whole-minute matrices put thousands of pairs exactly on 10, 15 and 20: the two conventions
   * must differ there and only there. Weights are compared bit for bit (assertEquals on doubles
   * with no delta), since the bands are exact fractions.
   */
  @ParameterizedTest(name = "{0} min, {1}")
  @CsvSource({
    "0,       HALF_OPEN,    1/1",
    "9.999,   HALF_OPEN,    1/1",
    "10,      HALF_OPEN,    2/3",
    "14.999,  HALF_OPEN,    2/3",
    "15,      HALF_OPEN,    1/3",
    "19.999,  HALF_OPEN,    1/3",
    "20,      HALF_OPEN,    0/1",
    "1000,    HALF_OPEN,    0/1",
    "0,       CLOSED_UPPER, 1/1",
    "10,      CLOSED_UPPER, 1/1",
    "10.001,  CLOSED_UPPER, 2/3",
    "15,      CLOSED_UPPER, 2/3",
    "15.001,  CLOSED_UPPER, 1/3",
    "20,      CLOSED_UPPER, 1/3",
    "20.001,  CLOSED_UPPER, 0/1",
    "1000,    CLOSED_UPPER, 0/1",
  })
  void dreesBandsUnderBothEdgeConventions(double minutes, BandEdges edges, String fraction) {
    String[] pq = fraction.split("/");
    double expected = Double.parseDouble(pq[0]) / Double.parseDouble(pq[1]);
    assertEquals(expected, DistanceDecay.dreesGeneralPractitioners(edges).weight(minutes));
  }

  @Test
  void defaultIsHalfOpen() {
    DistanceDecay decay = DistanceDecay.dreesGeneralPractitioners();
    assertEquals(BandEdges.HALF_OPEN, decay.edges());
    assertEquals(20.0, decay.maxMinutes());
    assertEquals(
        List.of(new Band(10, 1.0), new Band(15, TWO_THIRDS), new Band(20, ONE_THIRD)),
        decay.bands());
  }

  @Test
  void parsedFractionsAreTheNearestDoubles() {
    DistanceDecay parsed = DistanceDecay.parse("10:1,15:2/3,20:1/3", BandEdges.HALF_OPEN);
    // 2/3 must be 2.0/3.0 (0.6666666666666666), not a rounded 0.67 nor 0.666667: a weight off by
    // 3e-3 would move the APL of most communes in the third decimal.
    assertEquals(TWO_THIRDS, parsed.weight(12));
    assertEquals(ONE_THIRD, parsed.weight(17));
    assertEquals(DistanceDecay.dreesGeneralPractitioners().bands(), parsed.bands());
  }

  @Test
  void parseAcceptsDecimalsAndSpaces() {
    DistanceDecay parsed =
        DistanceDecay.parse(" 15 : 1 , 30 : 0.5 , 45 : 1 / 4 ", BandEdges.CLOSED_UPPER);
    assertEquals(List.of(new Band(15, 1.0), new Band(30, 0.5), new Band(45, 0.25)), parsed.bands());
    assertEquals(BandEdges.CLOSED_UPPER, parsed.edges());
    // 45 is the last edge and, with closed upper edges, still inside the last band.
    assertEquals(0.25, parsed.weight(45));
    assertEquals(0.0, parsed.weight(45.5));
  }

  @Test
  void singleBand() {
    DistanceDecay parsed = DistanceDecay.parse("30:1", BandEdges.HALF_OPEN);
    assertEquals(1.0, parsed.weight(29.99));
    assertEquals(0.0, parsed.weight(30));
  }

  /** Each bad band list must be rejected with a message that quotes the band at fault. */
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "10:1,15|'15' is not MINUTES:WEIGHT",
        "10:1,15:x|band '15:x': 'x' is not a number",
        "abc:1|band 'abc:1': 'abc' is not a number",
        "10:1,15:2/x|band '15:2/x': 'x' is not a number",
        "10:2/3/4|band '10:2/3/4': '3/4' is not a number",
        "10:1:2|band '10:1:2': '1:2' is not a number",
        "10:1,15:1.5|band '15:1.5': band weight must be in [0, 1], given: 1.5",
        "10:-0.1|band '10:-0.1': band weight must be in [0, 1]",
        "10:1/0|band '10:1/0': band weight must be in [0, 1], given: Infinity",
        "10:0/0|band '10:0/0': band weight must be in [0, 1], given: NaN",
        "0:1|band '0:1': band upper edge must be finite and > 0",
        "-5:1|band '-5:1': band upper edge must be finite and > 0",
        "NaN:1|band 'NaN:1': 'NaN' is not a number",
        "Infinity:1|band 'Infinity:1': 'Infinity' is not a number",
        "10d:1|band '10d:1': '10d' is not a number",
        "15:0x1p-1|band '15:0x1p-1': '0x1p-1' is not a number",
      })
  void parseRejectsBadBands(String text, String expectedFragment) {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> DistanceDecay.parse(text, BandEdges.HALF_OPEN));
    assertTrue(
        e.getMessage().contains(expectedFragment),
        "message of '" + text + "' was: " + e.getMessage());
  }

  @Test
  void parseRejectsEmptyInputs() {
    for (String text : new String[] {null, "", "   "}) {
      IllegalArgumentException e = assertThrows(
          IllegalArgumentException.class, () -> DistanceDecay.parse(text, BandEdges.HALF_OPEN));
      assertTrue(e.getMessage().contains("empty band list"), e.getMessage());
    }
    // A trailing comma leaves an empty band, which is not MINUTES:WEIGHT.
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> DistanceDecay.parse("10:1,", BandEdges.HALF_OPEN));
    assertTrue(e.getMessage().contains("band '' is not MINUTES:WEIGHT"), e.getMessage());
  }

  @Test
  void edgesMustStrictlyIncrease() {
    // 15 then 10: the second band would hold no time at all.
    IllegalArgumentException down = assertThrows(
        IllegalArgumentException.class,
        () -> DistanceDecay.parse("15:1,10:2/3", BandEdges.HALF_OPEN));
    assertTrue(
        down.getMessage().contains("band edges must increase, given 15.0 then 10.0"),
        down.getMessage());
    // 10 twice: as empty a band as a decreasing one.
    IllegalArgumentException same = assertThrows(
        IllegalArgumentException.class,
        () -> DistanceDecay.parse("10:1,10:2/3", BandEdges.CLOSED_UPPER));
    assertTrue(same.getMessage().contains("given 10.0 then 10.0"), same.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> DistanceDecay.of(List.of(new Band(20, 1.0), new Band(15, 0.5)), BandEdges.HALF_OPEN));
  }

  @Test
  void ofRejectsNoBandOrNoEdges() {
    assertThrows(
        IllegalArgumentException.class, () -> DistanceDecay.of(List.of(), BandEdges.HALF_OPEN));
    assertThrows(
        IllegalArgumentException.class, () -> DistanceDecay.of(List.of(new Band(10, 1.0)), null));
  }

  @Test
  void bandValidation() {
    assertThrows(IllegalArgumentException.class, () -> new Band(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Band(Double.POSITIVE_INFINITY, 1));
    assertThrows(IllegalArgumentException.class, () -> new Band(10, 1.0000001));
    assertThrows(IllegalArgumentException.class, () -> new Band(10, Double.NaN));
    assertEquals(0.0, new Band(10, 0).weight());
  }

  /** Weights increasing with time are allowed: the decay does not impose a shape. */
  @Test
  void bandWeightOrderIsFree() {
    DistanceDecay decay = DistanceDecay.parse("5:0,20:1", BandEdges.HALF_OPEN);
    assertEquals(0.0, decay.weight(0));
    assertEquals(1.0, decay.weight(5));
  }

  @Test
  void toStringIsLocaleFree() {
    // Surefire runs with a French default locale: a default-locale format would print 0,666…
    String text =
        DistanceDecay.dreesGeneralPractitioners(BandEdges.CLOSED_UPPER).toString();
    assertEquals("10.0:1.0,15.0:0.6666666666666666,20.0:0.3333333333333333 (closed-upper)", text);
    assertFalse(text.contains("0,6"));
  }

  @Test
  void bandsIndexTheWeights() {
    DistanceDecay open = DistanceDecay.dreesGeneralPractitioners(BandEdges.HALF_OPEN);
    DistanceDecay closed = DistanceDecay.dreesGeneralPractitioners(BandEdges.CLOSED_UPPER);
    assertEquals(3, open.bandCount());
    assertEquals(0, open.band(0));
    assertEquals(1, open.band(10));
    assertEquals(0, closed.band(10));
    assertEquals(2, open.band(19.99));
    assertEquals(-1, open.band(20));
    assertEquals(2, closed.band(20));
    assertEquals(-1, closed.band(20.01));
    assertEquals(1.0, open.bandWeight(0));
    assertEquals(2.0 / 3.0, open.bandWeight(1));
    assertEquals(1.0 / 3.0, closed.bandWeight(2));
  }

  @Test
  void atMostMaxBands() {
    List<Band> bands = new java.util.ArrayList<>();
    for (int b = 1; b <= DistanceDecay.MAX_BANDS; b++) {
      bands.add(new Band(b, 1.0));
    }
    assertEquals(
        DistanceDecay.MAX_BANDS, DistanceDecay.of(bands, BandEdges.HALF_OPEN).bandCount());
    bands.add(new Band(DistanceDecay.MAX_BANDS + 1, 1.0));
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> DistanceDecay.of(bands, BandEdges.HALF_OPEN));
    assertEquals("at most 65535 bands, given: 65536", e.getMessage());
  }
}
