package fr.apl.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Lambert93Test {

  /** Notre-Dame de Paris, as checked against the EPSG:2154 definition (DEPENDENCIES.md). */
  @Test
  void notreDame() {
    double[] xy = Lambert93.project(2.3499, 48.8530);
    assertEquals(652_297, xy[0], 2);
    assertEquals(6_861_636, xy[1], 2);
  }

  /** The projection's origin: 3 E, 46.5 N is x 700 000, y 6 600 000 by definition. */
  @Test
  void origin() {
    double[] xy = Lambert93.project(3, 46.5);
    assertEquals(700_000, xy[0], 1e-3);
    assertEquals(6_600_000, xy[1], 1e-3);
  }
}
