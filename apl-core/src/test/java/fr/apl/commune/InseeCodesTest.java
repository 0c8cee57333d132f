package fr.apl.commune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InseeCodesTest {

  @Test
  void validCodes() {
    for (String c : new String[] {
      "01001", "2A004", "2B033", "95690", "97101", "97617", "75101", "75120", "69381", "13216",
      "75056"
    }) {
      assertTrue(InseeCodes.isValid(c), c);
      assertNull(InseeCodes.problem(c), c);
    }
  }

  @Test
  void invalidCodesAndTheirRepair() {
    for (String c : new String[] {
      "1001", "20004", "96001", "99100", "01000", "97700", "97801", "2C001", "ABCDE", "010011", ""
    }) {
      assertFalse(InseeCodes.isValid(c), c);
    }
    assertEquals("01001", InseeCodes.suggestion("1001"));
    assertEquals("01001", InseeCodes.suggestion("1001.0"));
    assertEquals("2A004", InseeCodes.suggestion("2a004"));
    assertNull(InseeCodes.suggestion("20004"), "2A or 2B: no single suggestion");
    assertEquals("commune code 1001 has lost its leading zero", InseeCodes.problem("1001"));
    assertTrue(InseeCodes.hint("20004").startsWith("write 2A004 (Corse-du-Sud) or 2B004"));
  }
}
