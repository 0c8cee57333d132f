package fr.apl.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.matrix.TravelTimeMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static Points randomPoints(long seed, int n) {
    Random r = new Random(seed);
    String[] codes = new String[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      codes[i] = String.format(java.util.Locale.ROOT, "%05d", i);
      lat[i] = 45 + 0.8 * r.nextDouble();
      lon[i] = 3 + 1.1 * r.nextDouble();
    }
    return Points.of(codes, lat, lon);
  }

  @Test
  void recoversTheSpeedOfCrowFlyTimes() {
    Points p = randomPoints(7, 300);
    TravelTimeMatrix t =
        CrowFly.builder(p).detour(1.3).speedKmh(50).maxMinutes(60).build().compute(2);
    Calibration.Result r = Calibration.fit(t, p, 1.3);
    // Times made by the model itself: k = 60 · 1.3 / 50 = 1.56 minutes per km, no error.
    assertEquals(1.56, r.minutesPerKm(), 1e-9);
    assertEquals(50, r.speedKmh(), 1e-7);
    assertEquals(0, r.p90Error(), 1e-9);
    // Every pair but the 300 self pairs is used.
    assertEquals(t.pairCount() - 300, r.pairs());
    assertEquals(0, r.unlocated());
    for (Calibration.ClassFit c : r.classes()) {
      if (c.pairs() >= 3) {
        assertEquals(0, c.interceptMinutes(), 1e-7);
        assertEquals(1.56, c.minutesPerKm(), 1e-9);
      }
    }
  }

  @Test
  void affineTimesByClassAreFittedExactly() {
    Points p = randomPoints(11, 200);
    TravelTimeMatrix.Builder b = TravelTimeMatrix.builder();
    for (int i = 0; i < p.size(); i++) {
      for (int j = 0; j < p.size(); j++) {
        if (i != j) {
          double km =
              CrowFly.distanceKm(p.latitude(i), p.longitude(i), p.latitude(j), p.longitude(j));
          // 2 minutes to leave and park, then 1.2 min/km under 10 km, 0.9 beyond.
          double t = km < 10 ? 2 + 1.2 * km : 5 + 0.9 * km;
          b.add(p.code(i), p.code(j), t);
        }
      }
    }
    Calibration.Result r = Calibration.fit(b.build(), p, 1.3);
    assertEquals(2, r.classes().get(0).interceptMinutes(), 1e-8);
    assertEquals(1.2, r.classes().get(0).minutesPerKm(), 1e-9);
    assertEquals(5, r.classes().get(1).interceptMinutes(), 1e-8);
    assertEquals(0.9, r.classes().get(2).minutesPerKm(), 1e-9);
    assertEquals(0, r.classP90Error(), 1e-8);
    assertTrue(r.p90Error() > 0.5, "a single factor cannot fit an intercept");
  }

  @Test
  void nearestRankQuantiles() {
    // 10 values 1..10: median = 5th = 5, 90th percentile = 9th = 9.
    double[] q = Calibration.quantiles(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 10);
    assertEquals(5, q[0]);
    assertEquals(9, q[1]);
  }
}
