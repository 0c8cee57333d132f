package fr.apl.geo.write;

import fr.apl.geo.Lambert93;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a {@link FeatureTable} as a GeoPackage 1.3 file (OGC 12-128r18), the format QGIS users
 * open directly, with plain JDBC over SQLite's driver.
 *
 * <p>The file holds the tables the standard requires ({@code gpkg_spatial_ref_sys} with the
 * undefined systems -1 and 0, WGS84 (4326) and RGF93 v1 / Lambert-93 (2154); {@code
 * gpkg_contents}; {@code gpkg_geometry_columns}; {@code gpkg_extensions}), then:
 *
 * <ul>
 *   <li>the feature table, named after the layer: {@code fid} (1, 2, ... in the table's order),
 *       {@code geom} ({@code MULTIPOLYGON} in Lambert-93 metres, EPSG:2154; a polygon is written
 *       as a multipolygon of one; a row without geometry has a NULL {@code geom}), {@code code}
 *       and {@code name} as TEXT (so {@code 01001} stays {@code 01001}), then the columns in order:
 *       TEXT, or REAL with NULL for a missing value, NaN or an infinity;
 *   <li>its spatial index, the RTree extension {@code rtree_<layer>_geom} filled from the
 *       features, registered in {@code gpkg_extensions}, with the extension's triggers (created
 *       after the data, since they call the {@code ST_*} functions a GeoPackage client such as GDAL
 *       provides and plain SQLite lacks: a plain SQLite client can read the file but not add
 *       features to it);
 *   <li>the run's parameters, in the attributes table {@code apl_parameters} ({@code fid}, {@code
 *       name}, {@code value}, {@code source}).
 * </ul>
 *
 * <p>Geometry blobs are GeoPackageBinary: the header ({@code GP}, version 0, little-endian flags
 * with an XY envelope, srs_id 2154, then min x, max x, min y, max y) followed by the
 * little-endian 2D WKB of the geometry. Everything goes in one transaction through prepared
 * statements: 35 000 polygons of 200 vertices (a 140 MB file) take 3 to 5 s on a 2-core machine,
 * a third of it projecting them.
 *
 * <p>The file must not exist: the writer creates it, and deletes it again when it fails, so that
 * no partial file is left behind. Thread-safe: static methods, one connection per call.
 */
public final class GeoPackageWriter {

  /** {@code PRAGMA application_id}: the bytes 'GPKG'. */
  static final int APPLICATION_ID = 0x47504B47;

  /** {@code PRAGMA user_version}: GeoPackage 1.3.0. */
  static final int USER_VERSION = 10300;

  /** The attributes table that holds the parameters. */
  static final String PARAMETERS_TABLE = "apl_parameters";

  /**
   * EPSG:2154 in OGC WKT 1, as GDAL 3.6 / PROJ 9 export it from the EPSG database (the datum was
   * renamed "RGF93 v1" when RGF93 v2 came out; same parameters as {@link Lambert93#PROJ}).
   */
  static final String WKT_2154 = "PROJCS[\"RGF93 v1 / Lambert-93\","
      + "GEOGCS[\"RGF93 v1\","
      + "DATUM[\"Reseau_Geodesique_Francais_1993_v1\","
      + "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],"
      + "AUTHORITY[\"EPSG\",\"6171\"]],"
      + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
      + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
      + "AUTHORITY[\"EPSG\",\"4171\"]],"
      + "PROJECTION[\"Lambert_Conformal_Conic_2SP\"],"
      + "PARAMETER[\"latitude_of_origin\",46.5],"
      + "PARAMETER[\"central_meridian\",3],"
      + "PARAMETER[\"standard_parallel_1\",49],"
      + "PARAMETER[\"standard_parallel_2\",44],"
      + "PARAMETER[\"false_easting\",700000],"
      + "PARAMETER[\"false_northing\",6600000],"
      + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
      + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],"
      + "AUTHORITY[\"EPSG\",\"2154\"]]";

  /** EPSG:4326 in OGC WKT 1, as the GeoPackage standard's own row gives it. */
  static final String WKT_4326 = "GEOGCS[\"WGS 84\","
      + "DATUM[\"WGS_1984\","
      + "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
      + "AUTHORITY[\"EPSG\",\"6326\"]],"
      + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
      + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
      + "AUTHORITY[\"EPSG\",\"4326\"]]";

  /** Flags: bit 0 little-endian, bits 1-3 envelope code 1 (min x, max x, min y, max y). */
  static final byte FLAGS_ENVELOPE_XY = 0x03;

  /** Flags: little-endian, no envelope, bit 4 empty geometry. */
  static final byte FLAGS_EMPTY = 0x11;

  private static final String DDL_SRS = "CREATE TABLE gpkg_spatial_ref_sys ("
      + "srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,"
      + " organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
      + " description TEXT)";

  private static final String DDL_CONTENTS = "CREATE TABLE gpkg_contents ("
      + "table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,"
      + " description TEXT DEFAULT '',"
      + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
      + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
      + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id)"
      + " REFERENCES gpkg_spatial_ref_sys(srs_id))";

  private static final String DDL_GEOMETRY_COLUMNS = "CREATE TABLE gpkg_geometry_columns ("
      + "table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
      + " srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
      + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
      + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
      + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
      + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))";

  private static final String DDL_EXTENSIONS = "CREATE TABLE gpkg_extensions ("
      + "table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,"
      + " definition TEXT NOT NULL, scope TEXT NOT NULL,"
      + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))";

  /**
   * The RTree extension's triggers as GeoPackage 1.3 gives them (annex F.3), each {name suffix,
   * body}; {@code <t>} is the quoted table, {@code <r>} the quoted rtree; the geometry column is
   * geom, the id fid.
   */
  private static final List<String[]> RTREE_TRIGGERS = List.of(
      new String[] {
        "insert",
        "AFTER INSERT ON <t>"
            + " WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))"
            + " BEGIN INSERT OR REPLACE INTO <r> VALUES (NEW.fid,"
            + " ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END"
      },
      new String[] {
        "update1",
        "AFTER UPDATE OF geom ON <t>"
            + " WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))"
            + " BEGIN INSERT OR REPLACE INTO <r> VALUES (NEW.fid,"
            + " ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END"
      },
      new String[] {
        "update2",
        "AFTER UPDATE OF geom ON <t>"
            + " WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))"
            + " BEGIN DELETE FROM <r> WHERE id = OLD.fid; END"
      },
      new String[] {
        "update3",
        "AFTER UPDATE ON <t>"
            + " WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))"
            + " BEGIN DELETE FROM <r> WHERE id = OLD.fid;"
            + " INSERT OR REPLACE INTO <r> VALUES (NEW.fid,"
            + " ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END"
      },
      new String[] {
        "update4",
        "AFTER UPDATE ON <t>"
            + " WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))"
            + " BEGIN DELETE FROM <r> WHERE id IN (OLD.fid, NEW.fid); END"
      },
      new String[] {
        "delete",
        "AFTER DELETE ON <t> WHEN old.geom NOT NULL"
            + " BEGIN DELETE FROM <r> WHERE id = OLD.fid; END"
      });

  private GeoPackageWriter() {}

  /**
   * Writes the table to a new GeoPackage file. Its layers' {@code last_change} is the time of
   * writing, or the time of {@code SOURCE_DATE_EPOCH} when that variable is set (reproducible
   * builds): then the same table gives the same bytes.
   *
   * @param table the places, their parameters (figures are not written)
   * @param file the file to create; it must not exist
   * @throws IOException when the file exists ({@link java.nio.file.FileAlreadyExistsException}),
   *     cannot be created, or SQLite fails; the file is then deleted
   * @throws IllegalArgumentException when a geometry is neither a polygon nor a multipolygon, the
   *     layer's name is reserved (starting with {@code gpkg_}, {@code rtree_} or {@code sqlite_},
   *     or {@code apl_parameters}), or a column is named {@code code}, {@code name}, {@code fid} or
   *     {@code geom}, or two columns share a name, ignoring case (the three writers take the same
   *     tables)
   */
  public static void write(FeatureTable table, Path file) throws IOException {
    write(table, file, lastChange(System.getenv("SOURCE_DATE_EPOCH")));
  }

  /**
   * Returns the {@code last_change} of the layers: the time of the reproducible-builds variable
   * {@code SOURCE_DATE_EPOCH} (seconds since 1970) when it is set, so that the same inputs give
   * the same bytes; else null (the time of writing).
   */
  static String lastChange(String sourceDateEpoch) {
    if (sourceDateEpoch == null || !sourceDateEpoch.trim().matches("[0-9]{1,12}")) {
      return null;
    }
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
        .withZone(java.time.ZoneOffset.UTC)
        .format(java.time.Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim())));
  }

  static void write(FeatureTable table, Path file, String lastChange) throws IOException {
    WriterChecks.requireDistinctColumns(table);
    checkLayer(table.layer());
    Files.createFile(file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      c.setAutoCommit(false);
      writeAll(c, table, lastChange);
      c.commit();
    } catch (SQLException e) {
      IOException io = new IOException(file + ": " + e.getMessage(), e);
      deleteAfterFailure(file, io);
      throw io;
    } catch (RuntimeException | Error e) {
      deleteAfterFailure(file, e);
      throw e;
    }
  }

  private static void checkLayer(String layer) {
    String lower = layer.toLowerCase(Locale.ROOT);
    if (lower.startsWith("gpkg_")
        || lower.startsWith("rtree_")
        || lower.startsWith("sqlite_")
        || lower.equals(PARAMETERS_TABLE)) {
      throw new IllegalArgumentException("layer " + layer + ": the name is reserved in a"
          + " GeoPackage (gpkg_*, rtree_*, sqlite_*, " + PARAMETERS_TABLE + ")");
    }
  }

  private static void deleteAfterFailure(Path file, Throwable cause) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private static void writeAll(Connection c, FeatureTable table, String lastChange)
      throws SQLException {
    String layer = table.layer();
    String t = quote(layer);
    String rtreeName = "rtree_" + layer + "_geom";
    String r = quote(rtreeName);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA application_id = " + APPLICATION_ID);
      s.execute("PRAGMA user_version = " + USER_VERSION);
      s.execute(DDL_SRS);
      s.execute(DDL_CONTENTS);
      s.execute(DDL_GEOMETRY_COLUMNS);
      s.execute(DDL_EXTENSIONS);
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)")) {
      insertSrs(
          p,
          "Undefined cartesian SRS",
          -1,
          "NONE",
          -1,
          "undefined",
          "undefined cartesian coordinate reference system");
      insertSrs(
          p,
          "Undefined geographic SRS",
          0,
          "NONE",
          0,
          "undefined",
          "undefined geographic coordinate reference system");
      insertSrs(
          p,
          "WGS 84 geodetic",
          4326,
          "EPSG",
          4326,
          WKT_4326,
          "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
      insertSrs(
          p,
          "RGF93 v1 / Lambert-93",
          Lambert93.EPSG,
          "EPSG",
          Lambert93.EPSG,
          WKT_2154,
          "Lambert-93, the projection of French official maps, in metres");
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_contents"
        + " (table_name, data_type, identifier, description, srs_id, last_change)"
        + " VALUES (?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))")) {
      p.setString(6, lastChange);
      p.setString(1, layer);
      p.setString(2, "features");
      p.setString(3, layer);
      p.setString(4, "");
      p.setInt(5, Lambert93.EPSG);
      p.executeUpdate();
      p.setString(1, PARAMETERS_TABLE);
      p.setString(2, "attributes");
      p.setString(3, PARAMETERS_TABLE);
      p.setString(4, "the parameters of the run: name, value, source");
      p.setNull(5, Types.INTEGER);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)")) {
      p.setString(1, layer);
      p.setInt(2, Lambert93.EPSG);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_extensions VALUES"
        + " (?, 'geom', 'gpkg_rtree_index',"
        + " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")) {
      p.setString(1, layer);
      p.executeUpdate();
    }

    List<FeatureTable.Column> columns = table.columns();
    StringBuilder ddl = new StringBuilder("CREATE TABLE ")
        .append(t)
        .append(" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON,")
        .append(" code TEXT, name TEXT");
    StringBuilder insert =
        new StringBuilder("INSERT INTO ").append(t).append(" VALUES (?, ?, ?, ?");
    for (FeatureTable.Column col : columns) {
      ddl.append(", ")
          .append(quote(col.name()))
          .append(col.kind() == FeatureTable.Kind.NUMBER ? " REAL" : " TEXT");
      insert.append(", ?");
    }
    try (Statement s = c.createStatement()) {
      s.execute(ddl.append(')').toString());
      s.execute("CREATE VIRTUAL TABLE " + r + " USING rtree(id, minx, maxx, miny, maxy)");
      s.execute("CREATE TABLE " + PARAMETERS_TABLE
          + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
          + " name TEXT, value TEXT, source TEXT)");
    }

    Envelope extent = new Envelope();
    try (PreparedStatement p = c.prepareStatement(insert.append(')').toString());
        PreparedStatement ri = c.prepareStatement("INSERT INTO " + r + " VALUES (?, ?, ?, ?, ?)")) {
      WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
      long fid = 0;
      for (FeatureTable.Row row : table.rows()) {
        fid++;
        p.setLong(1, fid);
        Geometry g = row.geometry();
        if (g == null) {
          p.setNull(2, Types.BLOB);
        } else {
          Geometry multi = toMultiPolygon(Lambert93.project(requirePolygonal(g, row.code())));
          p.setBytes(2, encode(multi, wkb));
          if (!multi.isEmpty()) {
            Envelope e = multi.getEnvelopeInternal();
            extent.expandToInclude(e);
            ri.setLong(1, fid);
            ri.setDouble(2, e.getMinX());
            ri.setDouble(3, e.getMaxX());
            ri.setDouble(4, e.getMinY());
            ri.setDouble(5, e.getMaxY());
            ri.executeUpdate();
          }
        }
        p.setString(3, row.code());
        p.setString(4, row.name());
        Object[] values = row.values();
        for (int k = 0; k < values.length; k++) {
          Object v = values[k];
          if (columns.get(k).kind() == FeatureTable.Kind.NUMBER) {
            if (v == null || !Double.isFinite((Double) v)) {
              p.setNull(5 + k, Types.REAL);
            } else {
              p.setDouble(5 + k, (Double) v);
            }
          } else {
            p.setString(5 + k, (String) v);
          }
        }
        p.executeUpdate();
      }
    }

    if (!extent.isNull()) {
      try (PreparedStatement p = c.prepareStatement("UPDATE gpkg_contents"
          + " SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
        p.setDouble(1, extent.getMinX());
        p.setDouble(2, extent.getMinY());
        p.setDouble(3, extent.getMaxX());
        p.setDouble(4, extent.getMaxY());
        p.setString(5, layer);
        p.executeUpdate();
      }
    }

    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO " + PARAMETERS_TABLE + " (name, value, source) VALUES (?, ?, ?)")) {
      for (String[] param : table.parameters()) {
        for (int k = 0; k < 3; k++) {
          p.setString(k + 1, k < param.length ? param[k] : null);
        }
        p.executeUpdate();
      }
    }

    // After the data: the triggers call ST_* functions that SQLite alone does not have.
    try (Statement s = c.createStatement()) {
      for (String[] trigger : RTREE_TRIGGERS) {
        s.execute("CREATE TRIGGER " + quote(rtreeName + "_" + trigger[0]) + " "
            + trigger[1].replace("<t>", t).replace("<r>", r));
      }
    }
  }

  private static void insertSrs(
      PreparedStatement p,
      String name,
      int id,
      String organization,
      int orgId,
      String definition,
      String description)
      throws SQLException {
    p.setString(1, name);
    p.setInt(2, id);
    p.setString(3, organization);
    p.setInt(4, orgId);
    p.setString(5, definition);
    p.setString(6, description);
    p.executeUpdate();
  }

  private static Geometry requirePolygonal(Geometry g, String code) {
    if (g instanceof Polygon || g instanceof MultiPolygon) {
      return g;
    }
    throw new IllegalArgumentException("place " + code + ": a " + g.getGeometryType()
        + " is not a polygon or a multipolygon (the layer's geometry type is MULTIPOLYGON)");
  }

  private static Geometry toMultiPolygon(Geometry g) {
    if (g instanceof Polygon) {
      return g.getFactory().createMultiPolygon(new Polygon[] {(Polygon) g});
    }
    return g;
  }

  /**
   * Returns the GeoPackageBinary of a geometry in Lambert-93: the header, then its WKB.
   *
   * @param g a geometry in Lambert-93 metres
   * @param wkb a little-endian 2D writer (the header says little-endian too)
   * @return the blob
   */
  static byte[] encode(Geometry g, WKBWriter wkb) {
    byte[] body = wkb.write(g);
    boolean empty = g.isEmpty();
    ByteBuffer b =
        ByteBuffer.allocate(8 + (empty ? 0 : 32) + body.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0);
    b.put(empty ? FLAGS_EMPTY : FLAGS_ENVELOPE_XY);
    b.putInt(Lambert93.EPSG);
    if (!empty) {
      Envelope e = g.getEnvelopeInternal();
      b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
    }
    b.put(body);
    return b.array();
  }

  /** Quotes an SQL identifier: {@code a"b} becomes {@code "a""b"}. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
