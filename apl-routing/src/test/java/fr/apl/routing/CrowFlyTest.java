package fr.apl.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.io.binary.MatrixFile;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CrowFlyTest {

  /** The haversine written again, from the formula, for the checks. */
  private static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    double r = 6371.0088;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1))
            * Math.cos(Math.toRadians(lat2))
            * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  private static String code(int i) {
    return String.format(Locale.ROOT, "%05d", i);
  }

  @Test
  void timesEqualTheFormula() {
    // Le Puy-en-Velay, Yssingeaux, Brioude, and a point 0.1 degree north of Le Puy.
    Points p = Points.of(
        new String[] {"43157", "43268", "43040", "X"},
        new double[] {45.0434, 45.1428, 45.2942, 45.1434},
        new double[] {3.8858, 4.1236, 3.3843, 3.8858});
    TravelTimeMatrix m =
        CrowFly.builder(p).detour(1.25).speedKmh(55).maxMinutes(120).build().compute(1);
    assertEquals(16, m.pairCount(), "4 points, all within 120 minutes, self pairs included");
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double km = greatCircleKm(p.latitude(i), p.longitude(i), p.latitude(j), p.longitude(j));
        double expected = 60 * km * 1.25 / 55;
        assertEquals(expected, m.minutes(p.code(i), p.code(j)), 1e-9, i + " -> " + j);
      }
    }
    // 0.1 degree of latitude is 6371.0088 · π / 1800 = 11.1195 km; · 1.25 / 55 · 60 = 15.163 min.
    assertEquals(15.163, m.minutes("43157", "X"), 1e-3);
    assertEquals(0.0, m.minutes("43157", "43157"));
  }

  @Test
  void theBoundIsInclusive() {
    // Two points 0.1 degree of latitude apart: d = 11.11950 km. With detour 1 and a speed of
    // d km/h, the time is exactly 60 minutes up to rounding; a bound at that very time keeps it.
    Points p = Points.of(new String[] {"a", "b"}, new double[] {45, 45.1}, new double[] {3, 3});
    double km = CrowFly.distanceKm(45, 3, 45.1, 3);
    CrowFly base = CrowFly.builder(p).detour(1).speedKmh(60).maxMinutes(1000).build();
    double t = base.minutes(km);
    assertEquals(
        4,
        CrowFly.builder(p)
            .detour(1)
            .speedKmh(60)
            .maxMinutes(t)
            .build()
            .compute(1)
            .pairCount());
    assertEquals(
        2,
        CrowFly.builder(p)
            .detour(1)
            .speedKmh(60)
            .maxMinutes(Math.nextDown(t))
            .build()
            .compute(1)
            .pairCount());
  }

  /** Random points: clustered, on cell edges, at high latitude and across the antimeridian. */
  private static Points world(long seed, int n, double lat0, double lon0, double spread) {
    Random r = new Random(seed);
    String[] codes = new String[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      codes[i] = code(i);
      double la = lat0 + spread * (r.nextDouble() - 0.5);
      double lo = lon0 + 2 * spread * (r.nextDouble() - 0.5);
      if (i % 7 == 0 && i > 0) {
        // Same place as another point, or a hair off it: pairs at 0 and at 1e-12 km.
        la = lat[i - 1] + (i % 14 == 0 ? 0 : 1e-9);
        lo = lon[i - 1];
      }
      lat[i] = Math.max(-90, Math.min(90, la));
      lo = lo > 180 ? lo - 360 : lo < -180 ? lo + 360 : lo;
      lon[i] = lo;
    }
    return Points.of(codes, lat, lon);
  }

  /** The all-pairs reference: origin -> (destination -> minutes). */
  private static TreeMap<String, Double> allPairs(Points o, Points d, CrowFly model) {
    TreeMap<String, Double> pairs = new TreeMap<>();
    for (int i = 0; i < o.size(); i++) {
      for (int j = 0; j < d.size(); j++) {
        double km =
            CrowFly.distanceKm(o.latitude(i), o.longitude(i), d.latitude(j), d.longitude(j));
        double t = model.minutes(km);
        if (t <= model.maxMinutes()) {
          pairs.put(o.code(i) + ">" + d.code(j), t);
        }
      }
    }
    return pairs;
  }

  private static TreeMap<String, Double> pairsOf(TravelTimeMatrix m) {
    TreeMap<String, Double> pairs = new TreeMap<>();
    int[] rowStart = m.rowStart();
    int[] dest = m.destinations();
    double[] minutes = m.minutes();
    for (int i = 0; i < m.communeCount(); i++) {
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        pairs.put(m.code(i) + ">" + m.code(dest[k]), minutes[k]);
      }
    }
    return pairs;
  }

  @Test
  void theGridFindsThePairsOfAnAllPairsLoop() {
    double[][] places = {
      {46.5, 2.5, 4}, // France-sized
      {45.0, 3.9, 0.5}, // a dense département
      {78.2, 15.6, 6}, // Svalbard
      {89.5, 0, 2}, // around the North Pole
      {-65, 179.5, 3}, // across the antimeridian, far south
      {0, -179.9, 1} // the equator at the antimeridian
    };
    double[] maxMinutes = {1, 7.5, 30, 90};
    int worlds = 0;
    for (long seed = 1; seed <= 4; seed++) {
      for (double[] place : places) {
        Points p = world(seed * 31 + (long) place[0], 400, place[0], place[1], place[2]);
        for (double max : maxMinutes) {
          CrowFly model = CrowFly.builder(p).maxMinutes(max).build();
          TreeMap<String, Double> expected = allPairs(p, p, model);
          TreeMap<String, Double> found = pairsOf(model.compute(3));
          assertEquals(
              expected,
              found,
              "seed " + seed + ", place " + place[0] + " " + place[1] + ", max minutes " + max);
          worlds++;
        }
      }
    }
    assertEquals(96, worlds);
  }

  @Test
  void pointsOnCellEdges() {
    // Points on a lattice of exactly the search radius: every neighbour sits on a cell edge and
    // exactly at the bound, up to rounding, which the index must not decide.
    CrowFly probe = CrowFly.builder(Points.of(new String[] {"a"}, new double[1], new double[1]))
        .build();
    double step = Math.toDegrees(probe.radiusKm() / CrowFly.EARTH_RADIUS_KM);
    int n = 0;
    String[] codes = new String[400];
    double[] lat = new double[400];
    double[] lon = new double[400];
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 20; j++) {
        codes[n] = code(n);
        lat[n] = 44 + i * step;
        lon[n] = 2 + j * step / Math.cos(Math.toRadians(44));
        n++;
      }
    }
    Points p = Points.of(codes, lat, lon);
    CrowFly model = CrowFly.builder(p).build();
    TreeMap<String, Double> expected = allPairs(p, p, model);
    assertEquals(expected, pairsOf(model.compute(2)));
    assertTrue(expected.size() > 400, "some neighbours within reach: " + expected.size());
  }

  @Test
  void separateDestinationsGiveOriginsTimesDestinations() {
    Points communes = world(5, 300, 45, 3.9, 0.6);
    Points practices = world(6, 120, 45, 3.9, 0.6);
    String[] codes = practices.codes();
    for (int i = 0; i < codes.length; i++) {
      // Practice ids, except one that shares the code of a commune (its own point all the same).
      codes[i] = i == 0 ? "00007" : "P" + i;
    }
    Points dest = Points.of(codes, practices.latitudes(), practices.longitudes());
    CrowFly model = CrowFly.builder(communes).destinations(dest).maxMinutes(20).build();
    TravelTimeMatrix m = model.compute(4);
    assertEquals(allPairs(communes, dest, model), pairsOf(m));
    assertEquals(300 + 119, m.communeCount());
    assertFalse(m.hasSelfPair(m.indexOf("P5")), "a destination is no origin");
  }

  private static byte[] bytes(TravelTimeMatrix m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MatrixFile.write(m, out);
    return out.toByteArray();
  }

  @Test
  void threadsDoNotChangeTheOutput() throws IOException {
    Points p = world(42, 5000, 46.5, 2.5, 5);
    CrowFly model = CrowFly.builder(p).build();
    byte[] one = bytes(model.compute(1));
    for (int threads : new int[] {2, 3, 8, 33}) {
      assertArrayEquals(one, bytes(model.compute(threads)), threads + " threads");
    }
  }

  @Test
  void refusesBadParameters() {
    Points p = Points.of(new String[] {"a"}, new double[1], new double[1]);
    assertThrows(IllegalArgumentException.class, () -> CrowFly.builder(p).detour(0.9));
    assertThrows(IllegalArgumentException.class, () -> CrowFly.builder(p).speedKmh(0));
    assertThrows(IllegalArgumentException.class, () -> CrowFly.builder(p).maxMinutes(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> CrowFly.builder(p).build().compute(0));
  }
}
