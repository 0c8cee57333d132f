package fr.apl.geo.write;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Holds a table of places to write as GeoJSON, GeoPackage or xlsx: one row per place with its
 * code and name as text, its geometry (WGS84 longitude/latitude, or null when there is none), and
 * typed columns; plus the parameters of the run and a table of figures, which the spreadsheet
 * writes on sheets of their own.
 *
 * @param layer the layer's (and sheet's) name, e.g. {@code apl}
 * @param columns the value columns, in order (code and name are not among them)
 * @param rows the places, in order
 * @param parameters the run's parameters: {name, value, source} each
 * @param figures a table of figures: its first row is the header; may be empty
 */
public record FeatureTable(
    String layer,
    List<FeatureTable.Column> columns,
    List<FeatureTable.Row> rows,
    List<String[]> parameters,
    List<Object[]> figures) {

  /** The type of a column. */
  public enum Kind {
    /** Text: written as a string, never as a number (codes, names, classes). */
    TEXT,
    /** A number: a {@link Double}, NaN or null for none (written as null / an empty cell). */
    NUMBER
  }

  /**
   * Names a column and its type.
   *
   * @param name the column's name
   * @param kind text or number
   */
  public record Column(String name, Kind kind) {}

  /**
   * Holds one place.
   *
   * @param code the place's code (an INSEE commune code, a territory id), as text
   * @param name its name, or null
   * @param geometry its shape in WGS84 longitude/latitude, or null
   * @param values one per column: a String for text, a Double (NaN for none) for numbers
   */
  public record Row(String code, String name, Geometry geometry, Object[] values) {}

  /**
   * Validates the table.
   *
   * @param layer non-blank
   * @param columns copied
   * @param rows copied; each with one value per column
   * @param parameters copied
   * @param figures copied
   * @throws IllegalArgumentException on a row whose values do not match the columns
   */
  public FeatureTable {
    if (layer == null || layer.isBlank()) {
      throw new IllegalArgumentException("a layer needs a name");
    }
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    parameters = List.copyOf(new ArrayList<>(parameters));
    figures = List.copyOf(new ArrayList<>(figures));
    for (Row r : rows) {
      if (r.values().length != columns.size()) {
        throw new IllegalArgumentException("place " + r.code() + " has " + r.values().length
            + " values for " + columns.size() + " columns");
      }
      for (int c = 0; c < columns.size(); c++) {
        Object v = r.values()[c];
        boolean ok = columns.get(c).kind() == Kind.TEXT
            ? v == null || v instanceof String
            : v == null || v instanceof Double;
        if (!ok) {
          throw new IllegalArgumentException("place " + r.code() + ", column "
              + columns.get(c).name() + ": " + v + " is not a " + columns.get(c).kind());
        }
      }
    }
  }
}
