package fr.apl.geo.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.apl.geo.Lambert93;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

class GeoPackageWriterTest {

  @TempDir
  Path dir;

  private Path write(FeatureTable t) throws IOException {
    Path file = dir.resolve(t.layer() + ".gpkg");
    GeoPackageWriter.write(t, file);
    return file;
  }

  private static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  private static long longOf(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertTrue(r.next(), sql);
      return r.getLong(1);
    }
  }

  private static String textOf(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertTrue(r.next(), sql);
      return r.getString(1);
    }
  }

  @Test
  void headerPragmasAndRequiredTables() throws Exception {
    Path file = write(WriterFixtures.small());
    byte[] head = Arrays.copyOf(Files.readAllBytes(file), 100);
    // SQLite header: the application id is at offset 68, the user version at 60, big-endian.
    assertEquals(0x47504B47, ByteBuffer.wrap(head, 68, 4).getInt());
    assertEquals(10300, ByteBuffer.wrap(head, 60, 4).getInt());
    try (Connection c = open(file)) {
      assertEquals(0x47504B47, longOf(c, "PRAGMA application_id"));
      assertEquals(10300, longOf(c, "PRAGMA user_version"));
      for (int srs : new int[] {-1, 0, 4326, 2154}) {
        assertEquals(
            1, longOf(c, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = " + srs));
      }
      assertEquals(
          "EPSG", textOf(c, "SELECT organization FROM gpkg_spatial_ref_sys WHERE srs_id = 2154"));
      assertEquals(
          2154,
          longOf(
              c, "SELECT organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = 2154"));
      String wkt = textOf(c, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 2154");
      assertTrue(
          wkt.startsWith("PROJCS[")
              && wkt.contains("Lambert-93")
              && wkt.contains("Lambert_Conformal_Conic_2SP")
              && wkt.endsWith("AUTHORITY[\"EPSG\",\"2154\"]]"),
          wkt);
      assertEquals(
          "MULTIPOLYGON",
          textOf(
              c,
              "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'apl'"
                  + " AND column_name = 'geom'"));
      assertEquals(
          2154, longOf(c, "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'apl'"));
      assertEquals(
          "features", textOf(c, "SELECT data_type FROM gpkg_contents WHERE table_name = 'apl'"));
      assertEquals(2154, longOf(c, "SELECT srs_id FROM gpkg_contents WHERE table_name = 'apl'"));
      assertEquals(
          "attributes",
          textOf(c, "SELECT data_type FROM gpkg_contents WHERE table_name = 'apl_parameters'"));
      assertEquals(
          "write-only",
          textOf(
              c,
              "SELECT scope FROM gpkg_extensions"
                  + " WHERE table_name = 'apl' AND column_name = 'geom'"
                  + " AND extension_name = 'gpkg_rtree_index'"));
      assertEquals(
          6,
          longOf(
              c,
              "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                  + " AND name LIKE 'rtree_apl_geom_%'"));
      assertEquals("ok", textOf(c, "PRAGMA integrity_check"));
    }
  }

  @Test
  void featuresWithTextCodesAndNullForNaN() throws Exception {
    Path file = write(WriterFixtures.small());
    try (Connection c = open(file)) {
      assertEquals(3, longOf(c, "SELECT count(*) FROM apl"));
      assertEquals(3, longOf(c, "SELECT count(*) FROM apl WHERE typeof(code) = 'text'"));
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT fid, code, name, apl, population, class,"
              + " typeof(apl), geom IS NULL FROM apl ORDER BY fid")) {
        assertTrue(r.next());
        assertEquals(1, r.getLong(1));
        assertEquals("01001", r.getString(2));
        assertEquals("L'Abergement-Clémenciat", r.getString(3));
        assertEquals(WriterFixtures.APL_01001, r.getDouble(4));
        assertEquals(WriterFixtures.POPULATION_01001, r.getDouble(5));
        assertEquals("faible", r.getString(6));
        assertEquals("real", r.getString(7));
        assertFalse(r.getBoolean(8));
        assertTrue(r.next());
        assertEquals("2A004", r.getString(2));
        assertEquals("Ajaccio, façade maritime", r.getString(3));
        assertEquals("null", r.getString(7), "NaN is NULL");
        assertTrue(r.next());
        assertEquals("75056", r.getString(2));
        assertNull(r.getString(6));
        assertTrue(r.getBoolean(8), "no geometry, NULL geom");
        assertFalse(r.next());
      }
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery("SELECT name, value, source FROM apl_parameters ORDER BY fid")) {
        assertTrue(r.next());
        assertEquals("maxMinutes", r.getString(1));
        assertEquals("20", r.getString(2));
        assertEquals("default", r.getString(3));
        assertTrue(r.next());
        assertEquals("decay", r.getString(1));
        assertFalse(r.next());
      }
    }
  }

  /** The GeoPackageBinary header decoded by hand (OGC 12-128r18, 2.1.3.1.1). */
  private record Blob(int srsId, Envelope envelope, byte wkbByteOrder, Geometry geometry) {
    static Blob decode(byte[] b) throws ParseException {
      assertEquals('G', b[0]);
      assertEquals('P', b[1]);
      assertEquals(0, b[2], "version 0 is GeoPackage 1");
      int flags = b[3];
      assertEquals(0, flags & 0b1110_0000, "reserved bits and standard (not extended) binary");
      assertEquals(0, flags & 0b0001_0000, "not empty");
      int envelopeCode = (flags >> 1) & 0b111;
      assertEquals(1, envelopeCode, "envelope [minx, maxx, miny, maxy]");
      ByteOrder order = (flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      ByteBuffer buf = ByteBuffer.wrap(b).order(order);
      int srs = buf.getInt(4);
      double minX = buf.getDouble(8);
      double maxX = buf.getDouble(16);
      double minY = buf.getDouble(24);
      double maxY = buf.getDouble(32);
      byte[] wkb = Arrays.copyOfRange(b, 40, b.length);
      Geometry g = new WKBReader().read(wkb);
      return new Blob(srs, new Envelope(minX, maxX, minY, maxY), wkb[0], g);
    }
  }

  @Test
  void geometryBlobsHoldTheProjectedShapes() throws Exception {
    FeatureTable t = WriterFixtures.small();
    Path file = write(t);
    Envelope extent = new Envelope();
    try (Connection c = open(file);
        PreparedStatement p = c.prepareStatement("SELECT geom FROM apl WHERE code = ?");
        PreparedStatement rt =
            c.prepareStatement("SELECT minx, maxx, miny, maxy FROM rtree_apl_geom WHERE id = ?")) {
      for (int i = 0; i < 2; i++) {
        FeatureTable.Row row = t.rows().get(i);
        p.setString(1, row.code());
        Blob blob;
        try (ResultSet r = p.executeQuery()) {
          assertTrue(r.next());
          blob = Blob.decode(r.getBytes(1));
        }
        assertEquals(2154, blob.srsId());
        assertEquals(1, blob.wkbByteOrder(), "the WKB is little-endian, as the header says");
        assertTrue(blob.geometry() instanceof MultiPolygon, blob.geometry().getGeometryType());
        Geometry expected = Lambert93.project(row.geometry());
        double area = expected.getArea();
        assertEquals(area, blob.geometry().getArea(), 1e-6 * area, row.code());
        assertTrue(
            blob.envelope().covers(blob.geometry().getEnvelopeInternal()),
            row.code() + ": " + blob.envelope());
        assertEquals(expected.getEnvelopeInternal(), blob.envelope());
        // In Lambert-93, near 652 000 / 6 862 000 m for Paris, about 850 000 / 6 100 000 for
        // Ajaccio.
        assertTrue(
            blob.envelope().getMinX() > 0 && blob.envelope().getMinY() > 6_000_000,
            blob.envelope().toString());
        extent.expandToInclude(blob.envelope());

        // The rtree stores 32-bit floats rounded outwards: within a metre at 7e6 m.
        rt.setLong(1, i + 1);
        try (ResultSet r = rt.executeQuery()) {
          assertTrue(r.next(), "rtree row of fid " + (i + 1));
          Envelope e = blob.envelope();
          assertTrue(r.getDouble(1) <= e.getMinX() && r.getDouble(1) > e.getMinX() - 1);
          assertTrue(r.getDouble(2) >= e.getMaxX() && r.getDouble(2) < e.getMaxX() + 1);
          assertTrue(r.getDouble(3) <= e.getMinY() && r.getDouble(3) > e.getMinY() - 1);
          assertTrue(r.getDouble(4) >= e.getMaxY() && r.getDouble(4) < e.getMaxY() + 1);
        }
      }
      assertEquals(2, longOf(c, "SELECT count(*) FROM rtree_apl_geom"), "no row for no geometry");
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery(
              "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'apl'")) {
        assertTrue(r.next());
        assertArrayEquals(
            new double[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()},
            new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4)});
      }
    }
  }

  @Test
  void anEmptyLayerHasNoExtent() throws Exception {
    FeatureTable small = WriterFixtures.small();
    Path file = write(new FeatureTable("apl", small.columns(), List.of(), List.of(), List.of()));
    try (Connection c = open(file)) {
      assertEquals(0, longOf(c, "SELECT count(*) FROM apl"));
      assertEquals(0, longOf(c, "SELECT count(*) FROM apl_parameters"));
      assertEquals(
          1, longOf(c, "SELECT min_x IS NULL FROM gpkg_contents WHERE table_name = 'apl'"));
    }
  }

  @Test
  void refusesAnExistingFile() throws Exception {
    Path file = dir.resolve("there.gpkg");
    Files.writeString(file, "keep me");
    assertThrows(
        FileAlreadyExistsException.class,
        () -> GeoPackageWriter.write(WriterFixtures.small(), file));
    assertEquals("keep me", Files.readString(file));
  }

  @Test
  void leavesNoFileWhenAGeometryIsNotPolygonal() {
    FeatureTable t = new FeatureTable(
        "apl",
        List.of(),
        List.of(new FeatureTable.Row(
            "01001", null, WriterFixtures.wkt("POINT(4.9 46.1)"), new Object[0])),
        List.of(),
        List.of());
    Path file = dir.resolve("point.gpkg");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.write(t, file));
    assertTrue(e.getMessage().contains("01001"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void refusesAReservedLayerName() {
    FeatureTable t = new FeatureTable("gpkg_contents", List.of(), List.of(), List.of(), List.of());
    assertThrows(
        IllegalArgumentException.class, () -> GeoPackageWriter.write(t, dir.resolve("x.gpkg")));
    assertFalse(Files.exists(dir.resolve("x.gpkg")));
  }

  @Test
  void quotesAnAwkwardLayerName() throws Exception {
    FeatureTable small = WriterFixtures.small();
    FeatureTable t = new FeatureTable(
        "APL \"2025\" médecins",
        small.columns(),
        small.rows(),
        small.parameters(),
        small.figures());
    Path file = dir.resolve("awkward.gpkg");
    GeoPackageWriter.write(t, file);
    try (Connection c = open(file)) {
      assertEquals(3, longOf(c, "SELECT count(*) FROM \"APL \"\"2025\"\" médecins\""));
      assertEquals(2, longOf(c, "SELECT count(*) FROM \"rtree_APL \"\"2025\"\" médecins_geom\""));
    }
  }

  @Test
  void ogrinfoReadsIt() throws Exception {
    WriterFixtures.ogrinfo();
    Path file = write(WriterFixtures.small());
    String info = WriterFixtures.runOgrinfo(file);
    assertTrue(info.contains("Layer name: apl"), info);
    assertTrue(info.contains("Geometry: Multi Polygon"), info);
    assertTrue(info.contains("Feature Count: 3"), info);
    assertTrue(info.contains("Lambert-93"), info);
    assertTrue(info.contains("\"EPSG\",2154") || info.contains("EPSG:2154"), info);
    assertTrue(info.contains("code: String"), info);
    assertTrue(info.contains("apl: Real"), info);
    assertTrue(info.contains("Layer name: apl_parameters"), info);
    assertFalse(info.contains("ERROR"), info);
    assertFalse(info.contains("Warning"), info);
  }

  /**
   * GDAL's GeoPackage validator (validate_gpkg.py, shipped with python3-gdal), with its extra
   * checks and warnings as errors, when it is installed; optional even in CI.
   */
  @Test
  void gdalsValidatorFindsNothing() throws Exception {
    Path script = null;
    for (String candidate : new String[] {
      "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
      "/usr/share/doc/python3-gdal/examples/validate_gpkg.py"
    }) {
      if (Files.isRegularFile(Path.of(candidate))) {
        script = Path.of(candidate);
        break;
      }
    }
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(
        script != null && Files.isExecutable(python), "validate_gpkg.py (python3-gdal) not found");
    Path file = write(WriterFixtures.small());
    Process p = new ProcessBuilder(
            python.toString(),
            script.toString(),
            "-k",
            "--extra",
            "--warning-as-error",
            file.toString())
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "validate_gpkg.py did not finish");
    assertEquals(0, p.exitValue(), out);
    assertEquals("", out.strip());
  }
}
