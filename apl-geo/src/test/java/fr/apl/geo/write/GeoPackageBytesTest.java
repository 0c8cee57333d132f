package fr.apl.geo.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** With SOURCE_DATE_EPOCH, the same table gives the same GeoPackage bytes. */
class GeoPackageBytesTest {

  @Test
  void sameTableSameTimeSameBytes(@TempDir Path dir) throws IOException {
    GeometryFactory f = new GeometryFactory();
    FeatureTable t = new FeatureTable(
        "apl",
        List.of(new FeatureTable.Column("apl", FeatureTable.Kind.NUMBER)),
        List.of(new FeatureTable.Row(
            "43157",
            "Le Puy",
            f.createPolygon(new Coordinate[] {
              new Coordinate(3.8, 45.0),
              new Coordinate(3.9, 45.0),
              new Coordinate(3.9, 45.1),
              new Coordinate(3.8, 45.0)
            }),
            new Object[] {3.5})),
        List.of(new String[][] {{"decay", "10:1", "DREES"}}),
        List.of());
    String when = GeoPackageWriter.lastChange("1767225600");
    assertEquals("2026-01-01T00:00:00.000Z", when);
    GeoPackageWriter.write(t, dir.resolve("a.gpkg"), when);
    GeoPackageWriter.write(t, dir.resolve("b.gpkg"), when);
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a.gpkg")), Files.readAllBytes(dir.resolve("b.gpkg")));
    assertNull(GeoPackageWriter.lastChange(null));
    assertNull(GeoPackageWriter.lastChange("yesterday"));
  }
}
