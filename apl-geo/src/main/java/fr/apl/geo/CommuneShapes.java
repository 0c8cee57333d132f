package fr.apl.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import fr.apl.commune.CodeHistory;
import fr.apl.io.csv.InputException;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Holds commune polygons by code, read from a GeoJSON FeatureCollection (plain or gzip), in WGS84
 * longitude/latitude as GeoJSON gives them. Polygon and MultiPolygon features are kept; a feature
 * with another geometry, or none, is counted and named.
 *
 * <p>The code and name are feature properties ({@code code} and {@code nom} by default, the
 * names of IGN Admin Express via the france-geojson collection; {@code INSEE_COM} and {@code
 * NOM} in IGN's own files). A code is always read as text: a number in the file ({@code 1001})
 * is refused, since its leading zero is lost.
 *
 * <p>Immutable and thread-safe.
 */
public final class CommuneShapes {

  /** One commune: code, name (or null) and shape in WGS84. */
  public record Shape(String code, String name, Geometry geometry) {}

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final String source;
  private final SortedMap<String, Shape> byCode;
  private final List<String> skipped;

  private CommuneShapes(String source, SortedMap<String, Shape> byCode, List<String> skipped) {
    this.source = source;
    this.byCode = Collections.unmodifiableSortedMap(byCode);
    this.skipped = List.copyOf(skipped);
  }

  /**
   * Reads a GeoJSON FeatureCollection of commune polygons.
   *
   * @param file {@code .geojson} or {@code .geojson.gz}
   * @param codeProperty the property holding the commune code, e.g. {@code code}
   * @param nameProperty the property holding the name, or null for none
   * @return the shapes by code
   * @throws IOException when the file cannot be read
   * @throws InputException when it is not a FeatureCollection of features with a text code, or
   *     a code is given twice; the message names the file, the line and the value
   */
  public static CommuneShapes read(Path file, String codeProperty, String nameProperty)
      throws IOException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new InputException(source, 0, "is a folder, not a GeoJSON file");
    }
    if (source.toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) {
      return readGeoPackage(file, null, codeProperty, nameProperty);
    }
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(1 << 20)
            .build())
        .build();
    SortedMap<String, Shape> shapes = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    try (InputStream raw = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16);
        InputStream in = gunzipIfNeeded(raw);
        JsonParser p = factory.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(source, line(p), "not a GeoJSON object");
      }
      boolean features = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        if (key.equals("features") && p.currentToken() == JsonToken.START_ARRAY) {
          features = true;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            feature(p, source, codeProperty, nameProperty, shapes, skipped, lines);
          }
        } else {
          p.skipChildren();
        }
      }
      if (!features) {
        throw new InputException(source, 0, "not a GeoJSON FeatureCollection (no features)");
      }
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new InputException(
          source, at, "not valid GeoJSON: " + e.getOriginalMessage().replaceAll("\\s+", " "));
    }
    if (shapes.isEmpty()) {
      throw new InputException(
          source, 0, "no polygon with a property '" + codeProperty + "' in the features");
    }
    return new CommuneShapes(source, shapes, skipped);
  }

  /**
   * Reads commune polygons from a GeoPackage feature layer in WGS84 (EPSG:4326) or Lambert-93
   * (EPSG:2154, brought back to WGS84 with proj4j).
   *
   * @param file the GeoPackage
   * @param layer the feature table, or null for the only one
   * @param codeColumn the column holding the commune code (text)
   * @param nameColumn the column holding the name, or null
   * @return the shapes by code
   * @throws IOException when the file cannot be read
   * @throws InputException when it is not a GeoPackage, the layer or a column is missing, the
   *     layer is in another spatial reference, a code is not text or is given twice
   */
  public static CommuneShapes readGeoPackage(
      Path file, String layer, String codeColumn, String nameColumn) throws IOException {
    String source = file.toString();
    SortedMap<String, Shape> shapes = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        java.sql.Statement st = c.createStatement()) {
      String table;
      String geomColumn;
      int srs;
      try (java.sql.ResultSet r = st.executeQuery("SELECT table_name, column_name, srs_id FROM"
          + " gpkg_geometry_columns ORDER BY table_name")) {
        List<String[]> layers = new ArrayList<>();
        while (r.next()) {
          layers.add(new String[] {r.getString(1), r.getString(2), Integer.toString(r.getInt(3))});
        }
        String[] chosen = null;
        for (String[] l : layers) {
          if (layer == null ? layers.size() == 1 : l[0].equals(layer)) {
            chosen = l;
          }
        }
        if (chosen == null) {
          List<String> names = new ArrayList<>();
          for (String[] l : layers) {
            names.add(l[0]);
          }
          throw new InputException(
              source,
              0,
              (layer == null
                      ? "holds " + layers.size() + " feature layers"
                      : "has no feature layer " + layer)
                  + ": " + names);
        }
        table = chosen[0];
        geomColumn = chosen[1];
        srs = Integer.parseInt(chosen[2]);
      }
      if (srs != 4326 && srs != Lambert93.EPSG) {
        throw new InputException(
            source,
            0,
            "layer " + table + " is in EPSG:" + srs
                + "; apl reads WGS84 (4326) or Lambert-93 (2154)");
      }
      String q = "SELECT \"" + codeColumn.replace("\"", "\"\"") + "\", "
          + (nameColumn == null ? "NULL" : "\"" + nameColumn.replace("\"", "\"\"") + "\"")
          + ", \"" + geomColumn + "\", typeof(\"" + codeColumn.replace("\"", "\"\"") + "\") FROM \""
          + table + "\"";
      java.sql.ResultSet r;
      try {
        r = st.executeQuery(q);
      } catch (java.sql.SQLException e) {
        throw new InputException(
            source,
            0,
            "layer " + table + " has no column " + codeColumn
                + (nameColumn == null ? "" : " or " + nameColumn) + " (" + e.getMessage() + ")");
      }
      org.locationtech.jts.io.WKBReader wkb = new org.locationtech.jts.io.WKBReader(FACTORY);
      long row = 0;
      try (r) {
        while (r.next()) {
          row++;
          String code = r.getString(1);
          if (code == null || code.isBlank()) {
            skipped.add("row " + row + ": no " + codeColumn);
            continue;
          }
          if (!"text".equals(r.getString(4))) {
            throw new InputException(
                source,
                0,
                "layer " + table + ", row " + row + ": the" + " commune code " + code
                    + " is a number: its leading zero may be lost");
          }
          byte[] blob = r.getBytes(3);
          Geometry g = blob == null ? null : geoPackageGeometry(blob, wkb, source, row);
          if (g == null
              || !(g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon)) {
            skipped.add(code + " (no polygon)");
            continue;
          }
          if (srs == Lambert93.EPSG) {
            g = Lambert93.unproject(g);
          }
          if (shapes.putIfAbsent(code.trim(), new Shape(code.trim(), r.getString(2), g)) != null) {
            throw new InputException(
                source, 0, "layer " + table + ": commune " + code + " is given twice");
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new InputException(source, 0, "not a GeoPackage: " + e.getMessage());
    }
    if (shapes.isEmpty()) {
      throw new InputException(source, 0, "no polygon with a code in " + codeColumn);
    }
    return new CommuneShapes(source, shapes, skipped);
  }

  /** Decodes a GeoPackageBinary blob: its header, then standard WKB. */
  private static Geometry geoPackageGeometry(
      byte[] blob, org.locationtech.jts.io.WKBReader wkb, String source, long row) {
    if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
      throw new InputException(source, 0, "row " + row + ": not a GeoPackage geometry");
    }
    int flags = blob[3];
    if ((flags & 0x10) != 0) {
      return null;
    }
    int envelope = (flags >> 1) & 0x7;
    int[] sizes = {0, 32, 48, 48, 64};
    if (envelope >= sizes.length) {
      throw new InputException(source, 0, "row " + row + ": bad envelope code " + envelope);
    }
    int offset = 8 + sizes[envelope];
    try {
      return wkb.read(java.util.Arrays.copyOfRange(blob, offset, blob.length));
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new InputException(source, 0, "row " + row + ": bad WKB: " + e.getMessage());
    }
  }

  private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static long line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }

  private static void feature(
      JsonParser p,
      String source,
      String codeProperty,
      String nameProperty,
      SortedMap<String, Shape> shapes,
      List<String> skipped,
      Map<String, Integer> lines)
      throws IOException {
    long start = line(p);
    String code = null;
    String name = null;
    Geometry geometry = null;
    boolean numericCode = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      if (key.equals("properties") && t == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String prop = p.currentName();
          JsonToken v = p.nextToken();
          if (prop.equals(codeProperty)) {
            if (v == JsonToken.VALUE_STRING) {
              code = p.getText().trim();
            } else if (v.isNumeric()) {
              numericCode = true;
              code = p.getText();
            }
          } else if (prop.equals(nameProperty) && v == JsonToken.VALUE_STRING) {
            name = p.getText();
          }
          p.skipChildren();
        }
      } else if (key.equals("geometry") && t == JsonToken.START_OBJECT) {
        geometry = geometry(p, source);
      } else {
        p.skipChildren();
      }
    }
    if (numericCode) {
      throw new InputException(
          source,
          start,
          "the commune code " + code + " is a number: its"
              + " leading zero may be lost; write codes as text (\"01001\")");
    }
    if (code == null || code.isEmpty()) {
      skipped.add("line " + start + ": no '" + codeProperty + "'");
      return;
    }
    if (geometry == null) {
      skipped.add(code + " (no polygon)");
      return;
    }
    Integer first = lines.putIfAbsent(code, (int) start);
    if (first != null) {
      throw new InputException(
          source, start, "commune " + code + " is given twice (first at line " + first + ")");
    }
    shapes.put(code, new Shape(code, name, geometry));
  }

  /** Reads a Polygon or MultiPolygon object; returns null for any other type. */
  private static Geometry geometry(JsonParser p, String source) throws IOException {
    String type = null;
    List<List<List<double[]>>> polygons = null;
    long at = line(p);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      if (key.equals("type") && t == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else if (key.equals("coordinates") && t == JsonToken.START_ARRAY) {
        polygons = coordinates(p, source);
      } else {
        p.skipChildren();
      }
    }
    if (polygons == null || type == null) {
      return null;
    }
    List<Polygon> out = new ArrayList<>();
    if (type.equals("Polygon")) {
      // coordinates came as [ring][point]: depth 3 was read as one polygon
      out.add(polygon(polygons.get(0), source, at));
    } else if (type.equals("MultiPolygon")) {
      for (List<List<double[]>> rings : polygons) {
        out.add(polygon(rings, source, at));
      }
    } else {
      return null;
    }
    return out.size() == 1 ? out.get(0) : FACTORY.createMultiPolygon(out.toArray(new Polygon[0]));
  }

  /**
   * Reads the coordinates (their START_ARRAY just read) into polygons → rings → points; a
   * Polygon's [ring][point] comes back as one polygon.
   */
  private static List<List<List<double[]>>> coordinates(JsonParser p, String source)
      throws IOException {
    Object root = arrayAfterStart(p, source);
    if (!(root instanceof List<?>)) {
      throw new InputException(source, line(p), "polygon coordinates must be nested arrays");
    }
    List<Object> list = asList(root);
    List<List<List<double[]>>> polygons = new ArrayList<>();
    int lists = 0;
    Object o = root;
    while (o instanceof List<?> l && !l.isEmpty()) {
      lists++;
      o = l.get(0);
    }
    if (lists == 2) {
      polygons.add(rings(list));
    } else if (lists == 3) {
      for (Object poly : list) {
        polygons.add(rings(asList(poly)));
      }
    } else {
      throw new InputException(
          source,
          line(p),
          "polygon coordinates must be nested arrays" + " of [longitude, latitude] points");
    }
    return polygons;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  private static List<List<double[]>> rings(List<Object> rings) {
    List<List<double[]>> out = new ArrayList<>();
    for (Object r : rings) {
      List<double[]> ring = new ArrayList<>();
      for (Object pt : asList(r)) {
        if (pt instanceof double[] xy) {
          ring.add(xy);
        }
      }
      out.add(ring);
    }
    return out;
  }

  /** Reads an array whose START_ARRAY was just consumed (a point, or an array of arrays). */
  private static Object arrayAfterStart(JsonParser p, String source) throws IOException {
    JsonToken first = p.nextToken();
    if (first.isNumeric()) {
      double x = p.getDoubleValue();
      if (!p.nextToken().isNumeric()) {
        throw new InputException(source, line(p), "a point needs two numbers");
      }
      double y = p.getDoubleValue();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      return new double[] {x, y};
    }
    List<Object> out = new ArrayList<>();
    JsonToken n = first;
    while (n != JsonToken.END_ARRAY) {
      if (n != JsonToken.START_ARRAY) {
        throw new InputException(source, line(p), "coordinates must be arrays");
      }
      out.add(arrayAfterStart(p, source));
      n = p.nextToken();
    }
    return out;
  }

  private static Polygon polygon(List<List<double[]>> rings, String source, long at) {
    if (rings.isEmpty()) {
      throw new InputException(source, at, "a polygon without rings");
    }
    LinearRing shell = ring(rings.get(0), source, at);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int k = 1; k < rings.size(); k++) {
      holes[k - 1] = ring(rings.get(k), source, at);
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(List<double[]> points, String source, long at) {
    if (points.size() < 4) {
      throw new InputException(source, at, "a ring needs 4 points or more, given " + points.size());
    }
    Coordinate[] c = new Coordinate[points.size()];
    for (int k = 0; k < c.length; k++) {
      double[] xy = points.get(k);
      if (!(Math.abs(xy[0]) <= 180 && Math.abs(xy[1]) <= 90)) {
        throw new InputException(
            source,
            at,
            "a point is not a longitude/latitude in degrees: " + xy[0] + ", " + xy[1]
                + " (GeoJSON is WGS84, RFC 7946)");
      }
      c[k] = new Coordinate(xy[0], xy[1]);
    }
    if (!c[0].equals2D(c[c.length - 1])) {
      throw new InputException(source, at, "a ring is not closed");
    }
    return FACTORY.createLinearRing(c);
  }

  /**
   * Returns the shapes brought to the current geography: a commune merged into another (an old
   * code of the history) is dissolved into it (JTS union of the polygons), its name dropped for
   * the current commune's.
   *
   * @param history old code → current code
   * @return new shapes; this one when no code is old
   */
  public CommuneShapes current(CodeHistory history) {
    Map<String, List<Shape>> parts = new TreeMap<>();
    boolean any = false;
    for (Shape s : byCode.values()) {
      String c = history.current(s.code());
      any |= !c.equals(s.code());
      parts.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
    }
    if (!any) {
      return this;
    }
    SortedMap<String, Shape> out = new TreeMap<>();
    for (Map.Entry<String, List<Shape>> e : parts.entrySet()) {
      List<Shape> list = e.getValue();
      if (list.size() == 1) {
        Shape s = list.get(0);
        out.put(
            e.getKey(),
            new Shape(e.getKey(), s.code().equals(e.getKey()) ? s.name() : null, s.geometry()));
        continue;
      }
      List<Geometry> g = new ArrayList<>();
      String name = null;
      for (Shape s : list) {
        g.add(s.geometry());
        if (s.code().equals(e.getKey())) {
          name = s.name();
        }
      }
      out.put(e.getKey(), new Shape(e.getKey(), name, UnaryUnionOp.union(g)));
    }
    return new CommuneShapes(source, out, skipped);
  }

  /**
   * Returns the shapes dissolved by group: each group's shape is the union of its members'.
   *
   * @param groupOf the group of each code (codes without a group are left out)
   * @return one shape per group with at least one member, named after nothing
   */
  public CommuneShapes dissolve(Map<String, String> groupOf) {
    Map<String, List<Geometry>> parts = new TreeMap<>();
    for (Shape s : byCode.values()) {
      String g = groupOf.get(s.code());
      if (g != null) {
        parts.computeIfAbsent(g, k -> new ArrayList<>()).add(s.geometry());
      }
    }
    SortedMap<String, Shape> out = new TreeMap<>();
    for (Map.Entry<String, List<Geometry>> e : parts.entrySet()) {
      out.put(e.getKey(), new Shape(e.getKey(), null, UnaryUnionOp.union(e.getValue())));
    }
    return new CommuneShapes(source, out, skipped);
  }

  /** {@return the file the shapes came from} */
  public String source() {
    return source;
  }

  /** {@return the shapes by code, in code order; immutable} */
  public SortedMap<String, Shape> byCode() {
    return byCode;
  }

  /** {@return the features left out (no code, or no polygon), described; immutable} */
  public List<String> skipped() {
    return skipped;
  }
}
