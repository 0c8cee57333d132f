package fr.apl.geo.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a {@link FeatureTable} as a GeoJSON FeatureCollection (RFC 7946), in UTF-8.
 *
 * <p>One Feature per row, in the table's order: {@code "id"} is the row's code, and
 * {@code "properties"} holds {@code code} (always a JSON string: {@code "01001"}, never {@code
 * 1001}), {@code name} when the row has one, then every column, in order: text as a string, a
 * number as a JSON number, with {@code null} for a missing value, NaN or an infinity (JSON has no
 * NaN). Numbers keep their full precision. The collection carries the layer's name as the foreign
 * member {@code "name"}, which GDAL and QGIS take as the layer's name; there is no {@code "crs"}
 * member: RFC 7946 coordinates are WGS84 longitude, latitude.
 *
 * <p>The geometry is the row's, in WGS84 degrees (a null geometry gives {@code "geometry": null}),
 * with at most 6 decimals per coordinate (about 0.1 m; trailing zeros trimmed) and the right-hand
 * rule of RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise, whatever the
 * orientation of the input. Polygons and multipolygons are what the project writes; points, lines
 * and collections are written too.
 *
 * <p>The writer streams (Jackson's {@link JsonGenerator}, no tree), so memory stays flat: 35 000
 * polygons of 200 vertices (7 million positions, 150 MB of GeoJSON) take about a second on a
 * 2-core machine. Thread-safe: static methods, no shared mutable state.
 */
public final class GeoJsonWriter {

  /** Decimals kept in coordinates: 1e-6 degree is 0.11 m of latitude. */
  static final int DECIMALS = 6;

  private static final long SCALE = 1_000_000L;

  /** Thread-safe once built; does not close the caller's stream. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build();

  private GeoJsonWriter() {}

  /**
   * Writes the table as a FeatureCollection. The stream is flushed, not closed.
   *
   * @param table the places; its parameters and figures are not written
   * @param out where the UTF-8 bytes go; left open
   * @throws IOException when the stream fails
   * @throws IllegalArgumentException when a coordinate is not finite, or a column is named {@code
   *     code}, {@code name}, {@code fid} or {@code geom}, or two columns share a name, ignoring
   *     case (the three writers take the same tables)
   */
  public static void write(FeatureTable table, OutputStream out) throws IOException {
    WriterChecks.requireDistinctColumns(table);
    List<FeatureTable.Column> columns = table.columns();
    int n = columns.size();
    String[] names = new String[n];
    boolean[] numeric = new boolean[n];
    for (int c = 0; c < n; c++) {
      names[c] = columns.get(c).name();
      numeric[c] = columns.get(c).kind() == FeatureTable.Kind.NUMBER;
    }
    char[] digits = new char[32];
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("name", table.layer());
      g.writeArrayFieldStart("features");
      for (FeatureTable.Row row : table.rows()) {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", row.code());
        g.writeObjectFieldStart("properties");
        g.writeStringField("code", row.code());
        if (row.name() != null) {
          g.writeStringField("name", row.name());
        }
        Object[] values = row.values();
        for (int c = 0; c < n; c++) {
          g.writeFieldName(names[c]);
          Object v = values[c];
          if (v == null) {
            g.writeNull();
          } else if (numeric[c]) {
            double d = (Double) v;
            if (Double.isFinite(d)) {
              g.writeNumber(d);
            } else {
              g.writeNull();
            }
          } else {
            g.writeString((String) v);
          }
        }
        g.writeEndObject();
        g.writeFieldName("geometry");
        if (row.geometry() == null) {
          g.writeNull();
        } else {
          writeGeometry(g, row.geometry(), row.code(), digits);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
    }
  }

  private static void writeGeometry(JsonGenerator g, Geometry geom, String code, char[] digits)
      throws IOException {
    g.writeStartObject();
    if (geom instanceof Polygon) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      writePolygon(g, (Polygon) geom, code, digits);
    } else if (geom instanceof MultiPolygon) {
      g.writeStringField("type", "MultiPolygon");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        writePolygon(g, (Polygon) geom.getGeometryN(i), code, digits);
      }
      g.writeEndArray();
    } else if (geom instanceof Point) {
      g.writeStringField("type", "Point");
      g.writeFieldName("coordinates");
      CoordinateSequence s = ((Point) geom).getCoordinateSequence();
      if (s.size() == 0) {
        g.writeStartArray();
        g.writeEndArray();
      } else {
        writePosition(g, s, 0, code, digits);
      }
    } else if (geom instanceof LineString) {
      // LinearRing is a LineString: GeoJSON has no ring type.
      g.writeStringField("type", "LineString");
      g.writeFieldName("coordinates");
      writeSequence(g, ((LineString) geom).getCoordinateSequence(), false, code, digits);
    } else if (geom instanceof MultiPoint) {
      g.writeStringField("type", "MultiPoint");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        writePosition(g, ((Point) geom.getGeometryN(i)).getCoordinateSequence(), 0, code, digits);
      }
      g.writeEndArray();
    } else if (geom instanceof MultiLineString) {
      g.writeStringField("type", "MultiLineString");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        LineString line = (LineString) geom.getGeometryN(i);
        writeSequence(g, line.getCoordinateSequence(), false, code, digits);
      }
      g.writeEndArray();
    } else if (geom instanceof GeometryCollection) {
      g.writeStringField("type", "GeometryCollection");
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        writeGeometry(g, geom.getGeometryN(i), code, digits);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException(
          "place " + code + ": cannot write a " + geom.getGeometryType() + " as GeoJSON");
    }
    g.writeEndObject();
  }

  /** Writes the rings, the exterior counter-clockwise and the holes clockwise (RFC 7946). */
  private static void writePolygon(JsonGenerator g, Polygon p, String code, char[] digits)
      throws IOException {
    g.writeStartArray();
    if (!p.isEmpty()) {
      CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
      // JTS: the signed area is positive for a clockwise ring; a flat ring (0) is left as is.
      writeSequence(g, shell, Area.ofRingSigned(shell) > 0, code, digits);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        CoordinateSequence hole = p.getInteriorRingN(h).getCoordinateSequence();
        writeSequence(g, hole, Area.ofRingSigned(hole) < 0, code, digits);
      }
    }
    g.writeEndArray();
  }

  private static void writeSequence(
      JsonGenerator g, CoordinateSequence s, boolean reversed, String code, char[] digits)
      throws IOException {
    g.writeStartArray();
    int size = s.size();
    for (int k = 0; k < size; k++) {
      writePosition(g, s, reversed ? size - 1 - k : k, code, digits);
    }
    g.writeEndArray();
  }

  private static void writePosition(
      JsonGenerator g, CoordinateSequence s, int i, String code, char[] digits) throws IOException {
    g.writeStartArray();
    writeCoordinate(g, s.getX(i), code, digits);
    writeCoordinate(g, s.getY(i), code, digits);
    g.writeEndArray();
  }

  private static void writeCoordinate(JsonGenerator g, double v, String code, char[] digits)
      throws IOException {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("place " + code + ": coordinate " + v + " is not finite");
    }
    int len = formatFixed(v, digits);
    if (len < 0) {
      g.writeNumber(BigDecimal.valueOf(v)
          .setScale(DECIMALS, RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString());
    } else {
      g.writeNumber(digits, 0, len);
    }
  }

  /**
   * Formats a finite value with at most 6 decimals, trailing zeros trimmed, into {@code buf}.
   * Rounds half away from zero. Allocates nothing: the communes of France have millions of
   * coordinates.
   *
   * @param v a finite value
   * @param buf at least 26 chars
   * @return the number of chars written, or -1 when the value is too large for the fast path
   */
  static int formatFixed(double v, char[] buf) {
    double scaled = Math.abs(v) * SCALE;
    if (scaled >= 9.0e18) {
      return -1;
    }
    long units = Math.round(scaled);
    long frac = units % SCALE;
    int decimals = DECIMALS;
    while (frac != 0 && frac % 10 == 0) {
      frac /= 10;
      decimals--;
    }
    // Digits are written from the right: the fraction, the point, then the whole part.
    long whole = units / SCALE;
    int wholeDigits = 1;
    for (long w = whole; w >= 10; w /= 10) {
      wholeDigits++;
    }
    int len = (v < 0 && units != 0 ? 1 : 0) + wholeDigits + (frac != 0 ? 1 + decimals : 0);
    int pos = len;
    if (frac != 0) {
      for (int k = 0; k < decimals; k++) {
        buf[--pos] = (char) ('0' + frac % 10);
        frac /= 10;
      }
      buf[--pos] = '.';
    }
    do {
      buf[--pos] = (char) ('0' + whole % 10);
      whole /= 10;
    } while (whole != 0);
    if (pos == 1) {
      buf[0] = '-';
    }
    return len;
  }
}
