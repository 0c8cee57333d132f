package fr.apl.geo.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonWriterTest {

  /** Keeps numbers as written, to check the decimals of coordinates. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static JsonNode write(FeatureTable t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJsonWriter.write(t, out);
    return JSON.readTree(out.toByteArray());
  }

  @Test
  void featureCollectionWithTextCodesAndNullForNaN() throws IOException {
    JsonNode root = write(WriterFixtures.small());
    assertEquals("FeatureCollection", root.get("type").asText());
    assertFalse(root.has("crs"), "RFC 7946 has no crs member");
    JsonNode features = root.get("features");
    assertEquals(3, features.size());

    JsonNode f0 = features.get(0);
    assertEquals("Feature", f0.get("type").asText());
    assertTrue(f0.get("id").isTextual());
    assertEquals("01001", f0.get("id").asText());
    JsonNode p0 = f0.get("properties");
    assertTrue(p0.get("code").isTextual(), "code must be a string: " + p0.get("code"));
    assertEquals("01001", p0.get("code").textValue());
    assertEquals("L'Abergement-Clémenciat", p0.get("name").textValue());
    assertTrue(p0.get("apl").isNumber());
    // Numbers keep their full precision: only coordinates are rounded.
    assertEquals(WriterFixtures.APL_01001, p0.get("apl").doubleValue());
    assertEquals(WriterFixtures.POPULATION_01001, p0.get("population").doubleValue());
    assertEquals("faible", p0.get("class").textValue());
    assertEquals("Polygon", f0.get("geometry").get("type").asText());

    JsonNode p1 = features.get(1).get("properties");
    assertEquals("2A004", p1.get("code").textValue());
    assertEquals("Ajaccio, façade maritime", p1.get("name").textValue());
    assertTrue(p1.has("apl"), "a NaN is written, as null");
    assertTrue(p1.get("apl").isNull(), "NaN must be null: " + p1.get("apl"));
    assertEquals("MultiPolygon", features.get(1).get("geometry").get("type").asText());

    JsonNode f2 = features.get(2);
    assertEquals("75056", f2.get("properties").get("code").textValue());
    assertTrue(f2.has("geometry"));
    assertTrue(f2.get("geometry").isNull());
    assertTrue(f2.get("properties").get("class").isNull());
  }

  @Test
  void ringsAreClosedInRangeAndFollowTheRightHandRule() throws IOException {
    JsonNode features = write(WriterFixtures.small()).get("features");
    List<JsonNode> polygons = new ArrayList<>();
    polygons.add(features.get(0).get("geometry").get("coordinates"));
    features.get(1).get("geometry").get("coordinates").forEach(polygons::add);
    assertEquals(3, polygons.size());
    assertEquals(2, polygons.get(0).size(), "01001 has its exterior and a hole");
    for (JsonNode polygon : polygons) {
      for (int r = 0; r < polygon.size(); r++) {
        JsonNode ring = polygon.get(r);
        assertTrue(ring.size() >= 4, "a ring has at least 4 positions");
        assertEquals(ring.get(0), ring.get(ring.size() - 1), "ring not closed: " + ring);
        for (JsonNode position : ring) {
          assertEquals(2, position.size());
          double lon = position.get(0).doubleValue();
          double lat = position.get(1).doubleValue();
          assertTrue(lon >= -180 && lon <= 180, "longitude " + lon);
          assertTrue(lat >= -90 && lat <= 90, "latitude " + lat);
          for (JsonNode ordinate : position) {
            BigDecimal d = ordinate.decimalValue().stripTrailingZeros();
            assertTrue(d.scale() <= 6, "more than 6 decimals: " + ordinate);
          }
        }
        // Shoelace: positive for counter-clockwise (x east, y north).
        double area = signedArea(ring);
        if (r == 0) {
          assertTrue(area > 0, "exterior ring must be counter-clockwise: " + ring);
        } else {
          assertTrue(area < 0, "hole must be clockwise: " + ring);
        }
      }
    }
    // 4.9512345678 is written with 6 decimals, rounded: 4.951235.
    assertTrue(features.get(0).toString().contains("4.951235"), features.get(0).toString());
  }

  private static double signedArea(JsonNode ring) {
    double sum = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      double x0 = ring.get(i).get(0).doubleValue();
      double y0 = ring.get(i).get(1).doubleValue();
      double x1 = ring.get(i + 1).get(0).doubleValue();
      double y1 = ring.get(i + 1).get(1).doubleValue();
      sum += x0 * y1 - x1 * y0;
    }
    return sum / 2;
  }

  @Test
  void coordinatesKeepAtMostSixDecimalsTrimmed() {
    assertEquals("2.35", format(2.35));
    assertEquals("180", format(180));
    assertEquals("-3.25", format(-3.25));
    assertEquals("0.000001", format(1e-6));
    assertEquals("-0.000001", format(-1e-6));
    assertEquals("0", format(-0.0000004), "no -0");
    assertEquals("4.951235", format(4.9512345678));
    assertEquals("46", format(45.9999999));
    assertEquals(-1, GeoJsonWriter.formatFixed(1e13, new char[32]), "too large: slow path");
  }

  /** Seeded: any value in range comes back within half a unit of the 6th decimal. */
  @Test
  void formatIsWithinHalfAMillionthOnRandomValues() {
    long seed = 7_2154L;
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 100_000; i++) {
      double v = switch (i % 3) {
        case 0 -> 360 * random.nextDouble() - 180;
        case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
        default -> random.nextInt(2_000_001) / 1e6 - 1;
      };
      String s = format(v);
      BigDecimal d = new BigDecimal(s);
      String where = v + " -> " + s + " (seed " + seed + ")";
      assertTrue(d.scale() <= 6 && d.scale() >= 0, where);
      assertFalse(s.startsWith("-0") && d.signum() == 0, where);
      assertFalse(s.contains(".") && s.endsWith("0"), "trailing zero: " + where);
      assertTrue(Math.abs(d.doubleValue() - v) <= 5e-7 + Math.ulp(v) * 1e6, where);
    }
  }

  private static String format(double v) {
    char[] buf = new char[32];
    return new String(buf, 0, GeoJsonWriter.formatFixed(v, buf));
  }

  @Test
  void leavesTheStreamOpenAndWritesAnEmptyCollection() throws IOException {
    FeatureTable small = WriterFixtures.small();
    WriterFixtures.CloseRecorder out = new WriterFixtures.CloseRecorder();
    GeoJsonWriter.write(
        new FeatureTable("apl", small.columns(), List.of(), List.of(), List.of()), out);
    assertFalse(out.closed);
    assertEquals(0, JSON.readTree(out.toByteArray()).get("features").size());
  }

  @Test
  void refusesAColumnNamedLikeAField() {
    FeatureTable t = new FeatureTable(
        "apl",
        List.of(new FeatureTable.Column("Code", FeatureTable.Kind.TEXT)),
        List.of(),
        List.of(),
        List.of());
    assertThrows(
        IllegalArgumentException.class, () -> GeoJsonWriter.write(t, new ByteArrayOutputStream()));
  }

  @Test
  void ogrinfoReadsIt(@TempDir Path dir) throws Exception {
    WriterFixtures.ogrinfo();
    Path file = dir.resolve("apl.geojson");
    try (var out = Files.newOutputStream(file)) {
      GeoJsonWriter.write(WriterFixtures.small(), out);
    }
    String info = WriterFixtures.runOgrinfo(file);
    assertTrue(info.contains("Layer name: apl"), info);
    assertTrue(info.contains("Feature Count: 3"), info);
    assertTrue(info.contains("WGS 84"), info);
    assertTrue(info.contains("code: String"), info);
    assertFalse(info.contains("ERROR"), info);
  }
}
