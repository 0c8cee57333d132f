package fr.apl.geo.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.geo.MapClasses;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The coarser paths of large maps: fewer vertices, the same map otherwise. */
class ChoroplethMapStepTest {

  /**
   * A circle of 6 000 vertices, 1 000 m across: fit to the map's 660 units, 2 073 units round,
   * its vertices 0.35 unit apart.
   */
  private static ChoroplethMap circle() {
    GeometryFactory f = new GeometryFactory();
    Coordinate[] c = new Coordinate[6001];
    for (int k = 0; k < 6000; k++) {
      double a = 2 * Math.PI * k / 6000;
      c[k] = new Coordinate(700_000 + 500 * Math.cos(a), 6_600_000 + 500 * Math.sin(a));
    }
    c[6000] = c[0];
    Polygon p = f.createPolygon(c);
    return new ChoroplethMap(
        "t",
        "legend",
        List.of(),
        MapClasses.drees(),
        List.of(new ChoroplethMap.Area("01001", "A", p, 0, "1.00", 10, null)),
        List.of(),
        List.of(),
        "",
        "no value");
  }

  private static String svg(ChoroplethMap m, double step) throws IOException {
    StringWriter w = new StringWriter();
    if (Double.isNaN(step)) {
      m.writeSvg(w);
    } else {
      m.writeSvg(w, step);
    }
    return w.toString();
  }

  private static int vertices(String svg) {
    String d = svg.substring(svg.indexOf(" d=\"M"), svg.indexOf("Z\"><title>"));
    return d.split("L", -1).length;
  }

  @Test
  void stepZeroIsTheDefaultAndAStepDropsVertices() throws IOException {
    ChoroplethMap m = circle();
    String plain = svg(m, Double.NaN);
    assertEquals(plain, svg(m, 0));
    // At a tenth of a unit every vertex is kept; with a step of 0.5 (a vertex is kept when it
    // moves 0.5 or more in x or y) about one in two; with a step of 2, one in six or fewer.
    int all = vertices(plain);
    int half = vertices(svg(m, 0.5));
    int two = vertices(svg(m, 2));
    assertTrue(all > 5900, "all: " + all);
    assertTrue(half < all * 0.8 && half > all / 4, "half: " + half + " of " + all);
    assertTrue(two < half / 2, "two: " + two + " of " + half);
    assertThrows(IllegalArgumentException.class, () -> svg(m, -1));
    assertThrows(IllegalArgumentException.class, () -> svg(m, 6));
  }
}
