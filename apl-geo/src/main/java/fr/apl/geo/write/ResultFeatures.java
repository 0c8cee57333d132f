package fr.apl.geo.write;

import fr.apl.geo.CommuneShapes;
import fr.apl.geo.MapClasses;
import fr.apl.geo.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns a result table (as {@code apl compute} writes it) into a {@link FeatureTable} for the
 * GeoJSON, GeoPackage and xlsx writers: every column kept (numbers as numbers, the rest as text),
 * the commune's name and polygon when shapes are given, and the DREES class of the main value
 * ({@code [0; 2.5[}, {@code [2.5; 4[}, {@code [4; +∞[}) in a column {@code class}.
 *
 * <p>Stateless.
 */
public final class ResultFeatures {

  private ResultFeatures() {}

  /**
   * Builds the table.
   *
   * @param layer the layer's name
   * @param table the result, by commune
   * @param shapes commune polygons (already brought to the result's geography), or null for none
   * @param main the column classified in {@code class} ({@code apl}, or the method's column), or
   *     null for no class column
   * @param parameters {name, value, source} of the run
   * @return the features, in commune code order; a commune without a polygon has a null geometry
   */
  public static FeatureTable of(
      String layer,
      ResultTable table,
      CommuneShapes shapes,
      String main,
      List<String[]> parameters) {
    int codeColumn = -1;
    for (String c :
        List.of("commune", "code_commune", "codgeo", "code_insee", "insee_com", "code")) {
      if (codeColumn < 0) {
        codeColumn = table.column(c);
      }
    }
    List<FeatureTable.Column> columns = new ArrayList<>();
    List<SortedMap<String, ?>> values = new ArrayList<>();
    for (int k = 0; k < table.header().size(); k++) {
      if (k == codeColumn) {
        continue;
      }
      String name = table.header().get(k);
      SortedMap<String, ?> v;
      FeatureTable.Kind kind;
      SortedMap<String, Double> numbers = numbersOrNull(table, name);
      if (numbers != null) {
        v = numbers;
        kind = FeatureTable.Kind.NUMBER;
      } else {
        v = table.text(name);
        kind = FeatureTable.Kind.TEXT;
      }
      columns.add(new FeatureTable.Column(name, kind));
      values.add(v);
    }
    MapClasses drees = MapClasses.drees();
    SortedMap<String, Double> classified = main == null ? null : table.numbers(main);
    if (classified != null) {
      columns.add(new FeatureTable.Column("class", FeatureTable.Kind.TEXT));
    }
    List<FeatureTable.Row> rows = new ArrayList<>();
    long[] communes = new long[drees.size()];
    for (String code : table.codes()) {
      Object[] row = new Object[columns.size()];
      for (int c = 0; c < values.size(); c++) {
        row[c] = values.get(c).get(code);
      }
      if (classified != null) {
        int k = drees.classOf(classified.get(code));
        row[row.length - 1] = k < 0 ? null : drees.labels().get(k);
        if (k >= 0) {
          communes[k]++;
        }
      }
      CommuneShapes.Shape s = shapes == null ? null : shapes.byCode().get(code);
      rows.add(new FeatureTable.Row(
          code, s == null ? null : s.name(), s == null ? null : s.geometry(), row));
    }
    List<Object[]> figures = new ArrayList<>();
    if (classified != null) {
      figures.add(new Object[] {"class of " + main, "communes"});
      for (int k = 0; k < drees.size(); k++) {
        figures.add(new Object[] {drees.labels().get(k), (double) communes[k]});
      }
    }
    return new FeatureTable(layer, columns, rows, parameters, figures);
  }

  /** A column's numbers, or null when a value is text or every cell is empty (a text column). */
  private static SortedMap<String, Double> numbersOrNull(ResultTable table, String name) {
    SortedMap<String, Double> v;
    try {
      v = table.numbers(name);
    } catch (fr.apl.io.csv.InputException e) {
      return null;
    }
    for (double x : v.values()) {
      if (!Double.isNaN(x)) {
        return v;
      }
    }
    return null;
  }

  /**
   * Returns how many rows have a polygon, and the codes of the first ten without one.
   *
   * @param t a table
   * @return {with, without} and the examples
   */
  public static Map.Entry<long[], List<String>> coverage(FeatureTable t) {
    long with = 0;
    List<String> without = new ArrayList<>();
    for (FeatureTable.Row r : t.rows()) {
      if (r.geometry() != null) {
        with++;
      } else if (without.size() < 10) {
        without.add(r.code());
      }
    }
    return Map.entry(new long[] {with, t.rows().size() - with}, without);
  }
}
