package fr.apl.commune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.place.CommuneValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeHistoryTest {

  // Real rows of the COG table of old codes: 43146 and 43243 merged into Le Puy 43157.
  private final CodeHistory history = CodeHistory.of(Map.of("43146", "43157", "43243", "43157"));

  @Test
  void valuesOfMergedCommunesAreSummed() {
    CommuneValues v = CommuneValues.builder()
        .add("43157", 100)
        .add("43146", 20)
        .add("43243", 3)
        .add("43001", 7)
        .build();
    CodeHistory.Remapped<CommuneValues> r = history.remap(v);
    assertEquals(2, r.value().size());
    assertEquals(123.0, r.value().get("43157"));
    assertEquals(7.0, r.value().get("43001"));
    assertEquals(2, r.merged());
    assertEquals("43146->43157 43243->43157", r.examples(5));
  }

  @Test
  void pairsKeepTheOwnTimeElseTheShortestAndMergedTownHallsAreNoSelfPair() {
    TravelTimeMatrix m = TravelTimeMatrix.builder()
        .add("43157", "43001", 12) // own pair: wins over 43146 -> 43001 (9)
        .add("43146", "43001", 9)
        .add("43001", "43146", 14) // no own pair: the shortest of 14 and 11
        .add("43001", "43243", 11)
        .add("43146", "43243", 6) // two old town halls of Le Puy: dropped
        .build();
    TravelTimeMatrix r = history.remap(m).value();
    assertEquals(12.0, r.minutes("43157", "43001"));
    assertEquals(11.0, r.minutes("43001", "43157"));
    assertTrue(Double.isNaN(r.minutes("43157", "43157")));
    assertEquals(2, r.pairCount());
    assertEquals(-1, r.indexOf("43146"));
  }

  @Test
  void chainsAreFollowedAndCyclesRefused() {
    CodeHistory chain = CodeHistory.of(Map.of("01001", "01002", "01002", "01003"));
    assertEquals("01003", chain.current("01001"));
    assertEquals("01004", chain.current("01004"));
    assertThrows(
        IllegalArgumentException.class,
        () -> CodeHistory.of(Map.of("01001", "01002", "01002", "01001")));
  }
}
