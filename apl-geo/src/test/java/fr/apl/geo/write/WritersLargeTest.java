package fr.apl.geo.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.apl.geo.Lambert93;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** 5 000 random squares through the GeoPackage and GeoJSON writers (no timing: see benchmarks). */
class WritersLargeTest {

  private static final long SEED = 20_250_611L;
  private static final int N = 5_000;

  @Test
  void fiveThousandSquares(@TempDir Path dir) throws Exception {
    FeatureTable t = WriterFixtures.squares(N, SEED);
    long nan = 0;
    for (FeatureTable.Row r : t.rows()) {
      if (Double.isNaN((Double) r.values()[0])) {
        nan++;
      }
    }
    String seed = " (seed " + SEED + ")";

    Path gpkg = dir.resolve("squares.gpkg");
    GeoPackageWriter.write(t, gpkg);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT count(*), count(geom), count(apl),"
          + " count(DISTINCT code), min(fid), max(fid) FROM squares")) {
        assertTrue(r.next());
        assertEquals(N, r.getLong(1), "features" + seed);
        assertEquals(N, r.getLong(2), "geometries" + seed);
        assertEquals(N - nan, r.getLong(3), "APL values, NaN as NULL" + seed);
        assertEquals(N, r.getLong(4), "codes" + seed);
        assertEquals(1, r.getLong(5));
        assertEquals(N, r.getLong(6));
      }
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM rtree_squares_geom")) {
        assertTrue(r.next());
        assertEquals(N, r.getLong(1), "rtree rows" + seed);
      }
      // The index answers a window query as a scan of the projected envelopes does: 100 km
      // around Paris (652 000, 6 862 000).
      Envelope window = new Envelope(552_000, 752_000, 6_762_000, 6_962_000);
      long expected = 0;
      for (FeatureTable.Row row : t.rows()) {
        if (Lambert93.project(row.geometry()).getEnvelopeInternal().intersects(window)) {
          expected++;
        }
      }
      assertTrue(expected > 10, "the window holds squares" + seed);
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM squares f JOIN rtree_squares_geom i"
          + " ON f.fid = i.id WHERE i.maxx >= 552000 AND i.minx <= 752000"
          + " AND i.maxy >= 6762000 AND i.miny <= 6962000")) {
        assertTrue(r.next());
        assertEquals(expected, r.getLong(1), "window query" + seed);
      }
    }

    Path json = dir.resolve("squares.geojson");
    try (OutputStream out = Files.newOutputStream(json)) {
      GeoJsonWriter.write(t, out);
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(json)) {
      root = new ObjectMapper().readTree(in);
    }
    JsonNode features = root.get("features");
    assertEquals(N, features.size(), "GeoJSON features" + seed);
    assertEquals("00042", features.get(42).get("properties").get("code").textValue());
    long nulls = 0;
    for (JsonNode f : features) {
      if (f.get("properties").get("apl").isNull()) {
        nulls++;
      }
      assertEquals("Polygon", f.get("geometry").get("type").asText());
    }
    assertEquals(nan, nulls, "NaN as null" + seed);
  }
}
