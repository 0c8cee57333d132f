package fr.apl.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.geo.write.FeatureTable;
import fr.apl.geo.write.GeoJsonWriter;
import fr.apl.geo.write.GeoPackageWriter;
import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commune polygons read from a GeoPackage layer are those of the GeoJSON they came from. */
class GeoPackageInputTest {

  private static CommuneShapes belfort() throws IOException {
    CommuneShapes all = CommuneShapes.read(
        Samples.folder().resolve("geo/communes_cog2018_france.geojson.gz"), "code", "nom");
    java.util.Map<String, String> keep = new java.util.HashMap<>();
    for (String code : all.byCode().keySet()) {
      if (code.startsWith("90")) {
        keep.put(code, code);
      }
    }
    return all.dissolve(keep);
  }

  private static void sameShapes(CommuneShapes want, CommuneShapes got) {
    assertEquals(want.byCode().keySet(), got.byCode().keySet());
    for (String code : want.byCode().keySet()) {
      double a = Lambert93.project(want.byCode().get(code).geometry()).getArea();
      double b = Lambert93.project(got.byCode().get(code).geometry()).getArea();
      assertEquals(a, b, a * 1e-6, code);
    }
  }

  @Test
  void ourOwnGeoPackageReadsBack(@TempDir Path dir) throws IOException {
    CommuneShapes b = belfort();
    List<FeatureTable.Row> rows = new ArrayList<>();
    for (CommuneShapes.Shape s : b.byCode().values()) {
      rows.add(new FeatureTable.Row(s.code(), "n" + s.code(), s.geometry(), new Object[0]));
    }
    Path f = dir.resolve("b.gpkg");
    GeoPackageWriter.write(new FeatureTable("communes", List.of(), rows, List.of(), List.of()), f);
    CommuneShapes back = CommuneShapes.read(f, "code", "name");
    sameShapes(b, back);
    assertEquals("n90001", back.byCode().get("90001").name());
    InputException e = assertThrows(
        InputException.class, () -> CommuneShapes.readGeoPackage(f, "nope", "code", null));
    assertTrue(e.problem().contains("has no feature layer nope"), e.problem());
    Path notGpkg = dir.resolve("x.gpkg");
    Files.writeString(notGpkg, "hello");
    assertThrows(InputException.class, () -> CommuneShapes.read(notGpkg, "code", null));
  }

  /** GDAL writes the GeoPackage, in WGS84 and in Lambert-93 (the only independent writer here). */
  @Test
  void gdalsGeoPackagesReadBack(@TempDir Path dir) throws Exception {
    boolean gdal = onPath("ogr2ogr");
    if (!"1".equals(System.getenv("APL_REQUIRE_TOOLS"))) {
      Assumptions.assumeTrue(gdal, "ogr2ogr (GDAL) is not installed");
    }
    assertTrue(gdal, "APL_REQUIRE_TOOLS=1 but ogr2ogr is missing");
    Path geojson = dir.resolve("b.geojson");
    CommuneShapes b = belfort();
    List<FeatureTable.Row> rows = new ArrayList<>();
    for (CommuneShapes.Shape s : b.byCode().values()) {
      rows.add(new FeatureTable.Row(s.code(), null, s.geometry(), new Object[0]));
    }
    try (OutputStream out = Files.newOutputStream(geojson)) {
      GeoJsonWriter.write(new FeatureTable("b", List.of(), rows, List.of(), List.of()), out);
    }
    for (String srs : List.of("EPSG:4326", "EPSG:2154")) {
      Path gpkg = dir.resolve(srs.replace(':', '_') + ".gpkg");
      Process p = new ProcessBuilder(
              "ogr2ogr", "-f", "GPKG", "-t_srs", srs, gpkg.toString(), geojson.toString())
          .redirectErrorStream(true)
          .start();
      String log =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), log);
      sameShapes(b, CommuneShapes.read(gpkg, "code", null));
    }
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
