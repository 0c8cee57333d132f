package fr.apl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apl compute --output X.geojson|.gpkg|.xlsx}: read back, against the CSV output. */
class GeoOutputTest {

  private static final Path DIR = Cli.samples().resolve("territoire-de-belfort-90");
  private static final Path GEO = Cli.samples().resolve("geo");

  private static Cli.Run compute(Path out, boolean geometry) {
    List<String> args = new ArrayList<>(List.of(
        "compute",
        "--times",
        DIR.resolve("times.csv").toString(),
        "--doctors",
        DIR.resolve("doctors.csv").toString(),
        "--population",
        DIR.resolve("population.csv").toString(),
        "--cog-map",
        GEO.resolve("cog_anciens_codes.csv").toString(),
        "-o",
        out.toString()));
    if (geometry) {
      args.addAll(List.of(
          "--geometry", GEO.resolve("communes_cog2018_france.geojson.gz").toString()));
    }
    return Cli.run(args.toArray(new String[0]));
  }

  private static List<String[]> csv(Path tmp) throws IOException {
    Path f = tmp.resolve("apl.csv");
    assertEquals(0, compute(f, false).exit());
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
      rows.add(line.split(","));
    }
    return rows;
  }

  @Test
  void geoJsonHasEveryCommuneItsCodeAsTextAndTheClass(@TempDir Path tmp) throws IOException {
    List<String[]> rows = csv(tmp);
    Path f = tmp.resolve("apl.geojson");
    Cli.Run run = compute(f, true);
    assertEquals(0, run.exit(), run.err());
    JsonNode fc = new ObjectMapper().readTree(Files.readString(f, StandardCharsets.UTF_8));
    JsonNode features = fc.get("features");
    assertEquals(rows.size(), features.size());
    for (int k = 0; k < rows.size(); k++) {
      JsonNode p = features.get(k).get("properties");
      assertTrue(p.get("code").isTextual(), p.toString());
      assertEquals(rows.get(k)[0], p.get("code").textValue());
      double apl = Double.parseDouble(rows.get(k)[1]);
      assertEquals(apl, p.get("apl").doubleValue());
      String want = apl < 2.5 ? "[0; 2.5[" : apl < 4 ? "[2.5; 4[" : "[4; +∞[";
      assertEquals(want, p.get("class").textValue());
      assertTrue(p.get("name").isTextual());
      JsonNode point = features.get(k).get("geometry").get("coordinates");
      while (point.get(0).isArray()) {
        point = point.get(0);
      }
      double lon = point.get(0).doubleValue();
      double lat = point.get(1).doubleValue();
      // Territoire de Belfort and its neighbours: about 6.5-7.2 E, 47.3-47.9 N.
      assertTrue(lon > 5 && lon < 8.5 && lat > 46.5 && lat < 48.5, lon + " " + lat);
    }
    assertTrue(run.err().contains(rows.size() + " communes with their polygon"), run.err());
  }

  @Test
  void geoPackageHoldsTheValuesInLambert93(@TempDir Path tmp) throws Exception {
    List<String[]> rows = csv(tmp);
    Path f = tmp.resolve("apl.gpkg");
    Cli.Run run = compute(f, true);
    assertEquals(0, run.exit(), run.err());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA application_id")) {
        assertEquals(0x47504B47, r.getInt(1));
      }
      try (ResultSet r = s.executeQuery("SELECT count(*), sum(typeof(code) = 'text') FROM apl")) {
        assertEquals(rows.size(), r.getInt(1));
        assertEquals(rows.size(), r.getInt(2));
      }
      try (ResultSet r = s.executeQuery("SELECT srs_id FROM gpkg_geometry_columns")) {
        assertEquals(2154, r.getInt(1));
      }
      try (ResultSet r = s.executeQuery("SELECT code, apl, class FROM apl ORDER BY code LIMIT 1")) {
        assertEquals(rows.get(0)[0], r.getString(1));
        assertEquals(Double.parseDouble(rows.get(0)[1]), r.getDouble(2));
      }
      try (ResultSet r =
          s.executeQuery("SELECT min_x, max_y FROM gpkg_contents" + " WHERE table_name = 'apl'")) {
        // Lambert-93 metres: eastern France.
        assertTrue(r.getDouble(1) > 800_000 && r.getDouble(2) < 6_900_000);
      }
    }
  }

  @Test
  void xlsxNeedsNoGeometryAndKeepsCodesAsText(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("apl.xlsx");
    Cli.Run run = compute(f, false);
    assertEquals(0, run.exit(), run.err());
    try (ZipFile z = new ZipFile(f.toFile())) {
      assertTrue(z.getEntry("xl/workbook.xml") != null);
      String book = new String(
          z.getInputStream(z.getEntry("xl/workbook.xml")).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(book.contains("name=\"figures\"") && book.contains("name=\"parameters\""), book);
    }
  }

  @Test
  void aGeoOutputNeedsPolygonsAndLeavesNothingBehindOnError(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("apl.geojson");
    Cli.Run run = compute(f, false);
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("needs --geometry"), run.err());
    Path bad = tmp.resolve("bad.geojson");
    Files.writeString(
        bad,
        "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\","
            + "\"properties\":{\"code\":90001},\"geometry\":null}]}");
    Cli.Run refused = Cli.run(
        "compute",
        "--times",
        DIR.resolve("times.csv").toString(),
        "--doctors",
        DIR.resolve("doctors.csv").toString(),
        "--population",
        DIR.resolve("population.csv").toString(),
        "--geometry",
        bad.toString(),
        "-o",
        f.toString());
    assertEquals(65, refused.exit(), refused.err());
    assertTrue(refused.err().contains("bad.geojson:2:"), refused.err());
    assertFalse(Files.exists(f));
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "only the bad input");
    }
  }

  /** Territories are the union of their communes: same area, one feature per territory. */
  @Test
  void zoningTerritoriesAreDissolvedFromTheirCommunes(@TempDir Path tmp) throws Exception {
    Path apl = tmp.resolve("apl.csv");
    assertEquals(0, compute(apl, false).exit());
    Path gpkg = tmp.resolve("zoning.gpkg");
    Path communes = tmp.resolve("communes.gpkg");
    Path csv = tmp.resolve("zoning.csv");
    String[] base = {
      "zoning",
      "--apl",
      apl.toString(),
      "--territories",
      Cli.samples()
          .resolve("zoning/table_appartenance_geo_communes_2022_france.csv")
          .toString(),
      "--territory-column",
      "BV2012",
      "--figures",
      tmp.resolve("f.csv").toString()
    };
    List<String> geo = new ArrayList<>(List.of(base));
    geo.addAll(List.of(
        "--geometry",
        GEO.resolve("communes_cog2018_france.geojson.gz").toString(),
        "--cog-map",
        GEO.resolve("cog_anciens_codes.csv").toString(),
        "--output",
        gpkg.toString(),
        "--communes",
        communes.toString()));
    Cli.Run run = Cli.run(geo.toArray(new String[0]));
    assertEquals(0, run.exit(), run.err());
    List<String> plain = new ArrayList<>(List.of(base));
    plain.set(plain.size() - 1, tmp.resolve("f2.csv").toString());
    plain.addAll(List.of("--output", csv.toString()));
    assertEquals(0, Cli.run(plain.toArray(new String[0])).exit());
    long territories = Files.readAllLines(csv).size() - 1;
    try (Connection t = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
        Statement s = t.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT count(*), sum(typeof(final_class) = 'text' OR final_class IS NULL) FROM zoning")) {
      assertEquals(territories, r.getLong(1));
      assertEquals(territories, r.getLong(2), "classes are text");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + communes);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT count(*), count(DISTINCT territory) FROM zoning_communes")) {
      assertTrue(r.getLong(1) > territories);
      assertEquals(territories, r.getLong(2));
    }
    Cli.Run noPolygons = Cli.run(
        "zoning",
        "--apl",
        apl.toString(),
        "--territories",
        Cli.samples()
            .resolve("zoning/table_appartenance_geo_communes_2022_france.csv")
            .toString(),
        "--territory-column",
        "BV2012",
        "--output",
        tmp.resolve("z.geojson").toString());
    assertEquals(2, noPolygons.exit(), noPolygons.err());
  }
}
