package fr.apl.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Lambert93Test {

  @Test
  void notreDameDeParis() {
    // Notre-Dame de Paris, 2.3499 E 48.8530 N: x 652 297, y 6 861 636 (IGN's converter), ± 2 m.
    double[] xy = Lambert93.fromWgs84(2.3499, 48.8530);
    assertEquals(652297, xy[0], 2);
    assertEquals(6861636, xy[1], 2);
    double[] ll = Lambert93.toWgs84(652297, 6861636);
    // 2 m is about 3e-5 degree of longitude at 48.85 N, 2e-5 degree of latitude.
    assertEquals(2.3499, ll[0], 3e-5);
    assertEquals(48.8530, ll[1], 2e-5);
  }

  @Test
  void originOfTheProjection() {
    // The origin (3 E, 46.5 N) is the false easting and northing exactly.
    double[] xy = Lambert93.fromWgs84(3.0, 46.5);
    assertEquals(700000, xy[0], 1e-6);
    assertEquals(6600000, xy[1], 1e-6);
    double[] ll = Lambert93.toWgs84(700000, 6600000);
    assertEquals(3.0, ll[0], 1e-12);
    assertEquals(46.5, ll[1], 1e-12);
  }

  @Test
  void pointsOfTheSharedCoordinatesFile() {
    // Rows of communes_centroids_cog_apl2023_france.csv: lat, lon, then x and y rounded to 1 m.
    double[][] rows = {
      {46.1534255214, 4.92611354223, 848637, 6563325}, // 01001
      {43.6134409138, 3.86851657896, 770131, 6279762}, // 34172 Montpellier
      {48.8516569717, -0.222722260888, 463580, 6866116}, // 14180 Cordey
      {42.9697185212, -0.16335034646, 441761, 6212990}, // 65112 Bun
      {47.5539430181, 7.01511285165, 1001835, 6724739} // 90014 Boron
    };
    for (double[] r : rows) {
      double[] xy = Lambert93.fromWgs84(r[1], r[0]);
      assertEquals(r[2], xy[0], 1.0);
      assertEquals(r[3], xy[1], 1.0);
      double[] ll = Lambert93.toWgs84(r[2], r[3]);
      // Half a metre of rounding: under 1e-5 degree.
      assertEquals(r[1], ll[0], 1e-5);
      assertEquals(r[0], ll[1], 1e-5);
    }
  }

  @Test
  void inverseUndoesForwardOverFrance() {
    Random random = new Random(2154);
    for (int i = 0; i < 10_000; i++) {
      double lon = -5.5 + 15 * random.nextDouble();
      double lat = 41 + 10.5 * random.nextDouble();
      double[] xy = Lambert93.fromWgs84(lon, lat);
      double[] ll = Lambert93.toWgs84(xy[0], xy[1]);
      assertEquals(lon, ll[0], 1e-10, "seed 2154, point " + i);
      assertEquals(lat, ll[1], 1e-10, "seed 2154, point " + i);
    }
  }
}
