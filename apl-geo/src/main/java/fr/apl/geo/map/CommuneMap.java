package fr.apl.geo.map;

import fr.apl.commune.Arrondissements;
import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.geo.Lambert93;
import fr.apl.geo.MapClasses;
import fr.apl.geo.ResultTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Joins a result column to commune polygons and lays out the choropleth: brings the polygons to
 * the current geography (merged communes dissolved), shows arrondissement values on a whole city
 * when the polygons have only the city (weighted by population, and said so), keeps the chosen
 * departments, classifies, draws department outlines, and counts and names every commune
 * without a polygon or without a value.
 *
 * <p>Stateless; each call builds a new map.
 */
public final class CommuneMap {

  private CommuneMap() {}

  /**
   * What to draw.
   *
   * @param values the result table
   * @param column the column drawn
   * @param minus a column subtracted from it (a difference map), or null
   * @param categorical true to draw the column's text as categories (zoning classes)
   * @param categories the categories in order, least served first (categorical maps), or null for
   *     the order of first appearance
   * @param classes the numeric classes, or null for the DREES classes (numeric maps)
   * @param weightColumn the column of inhabitants (legend counts, city aggregation), or null
   * @param departments the department codes kept (empty: all)
   * @param communes the commune codes kept (a region, any list), or null for all
   * @param outlines outlines to draw over the main map (departments, WGS84), or null to draw the
   *     departments' own when there are several and at most 5 000 communes (a region)
   * @param history code history for the polygons (merged communes), non-null
   * @param title the map's title
   * @param legendTitle the legend's heading
   * @param sourceLines lines under the map
   * @param lang {@code fr} or {@code en}, the language of the words the map adds
   */
  public record Request(
      ResultTable values,
      String column,
      String minus,
      boolean categorical,
      List<String> categories,
      MapClasses classes,
      String weightColumn,
      Set<String> departments,
      Set<String> communes,
      List<Geometry> outlines,
      CodeHistory history,
      String title,
      String legendTitle,
      List<String> sourceLines,
      String lang) {}

  /**
   * A map and what the join found.
   *
   * @param map the laid-out map
   * @param classes the classes drawn
   * @param notes facts to print: communes without a polygon, polygons without a value, cities
   *     shown whole, merged communes dissolved
   * @param drawn the number of communes drawn
   */
  public record Result(ChoroplethMap map, MapClasses classes, List<String> notes, int drawn) {}

  /**
   * Builds the map.
   *
   * @param shapes the commune polygons (WGS84)
   * @param r what to draw
   * @return the map and the notes
   * @throws IllegalArgumentException when no commune is left to draw, or the classes cannot be
   *     made from the values
   * @throws fr.apl.io.csv.InputException when a column is absent or holds a non-number
   */
  public static Result build(CommuneShapes shapes, Request r) {
    List<String> notes = new ArrayList<>();
    boolean fr = !"en".equals(r.lang());
    CommuneShapes current = shapes.current(r.history());
    if (current != shapes) {
      notes.add(String.format(
          Locale.ROOT,
          "%d polygons of merged communes dissolved into their current commune",
          shapes.byCode().size() - current.byCode().size()));
    }
    SortedMap<String, Double> numbers = null;
    SortedMap<String, String> texts = null;
    if (r.categorical()) {
      texts = r.values().text(r.column());
    } else {
      numbers = drawn(r.values(), r.column(), r.minus());
    }
    SortedMap<String, Double> weights =
        r.weightColumn() == null ? null : r.values().numbers(r.weightColumn());
    SortedMap<String, Double> nums = numbers;
    SortedMap<String, String> txt = texts;
    // Cities whose arrondissements have values but whose polygons are the city alone.
    Map<String, String> cityOf = new HashMap<>();
    for (String code : r.values().codes()) {
      String city = Arrondissements.municipalityOf(code);
      if (city != null
          && !city.equals(code)
          && !current.byCode().containsKey(code)
          && current.byCode().containsKey(city)) {
        cityOf.put(code, city);
      }
    }
    Map<String, double[]> cityValue = new TreeMap<>();
    for (Map.Entry<String, String> e : cityOf.entrySet()) {
      double w = weights == null ? 1 : weights.get(e.getKey());
      double v = nums == null ? Double.NaN : nums.get(e.getKey());
      double[] acc = cityValue.computeIfAbsent(e.getValue(), k -> new double[2]);
      if (!Double.isNaN(v) && !Double.isNaN(w)) {
        acc[0] += v * w;
        acc[1] += w;
      }
    }
    for (String city : cityValue.keySet()) {
      notes.add(String.format(
          Locale.ROOT,
          "%s: shown on the whole city, the %s of its arrondissements weighted by %s",
          city,
          r.column(),
          r.weightColumn() == null ? "one each (no population column)" : r.weightColumn()));
    }
    MapClasses classes = r.classes();
    List<String> cats = r.categories();
    if (r.categorical()) {
      Set<String> seen = new LinkedHashSet<>(cats == null ? List.of() : cats);
      if (cats == null) {
        for (String v : txt.values()) {
          if (!v.isEmpty()) {
            seen.add(v);
          }
        }
      }
      classes = MapClasses.categories(new ArrayList<>(seen));
    } else if (classes == null) {
      classes = MapClasses.drees();
    }
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    List<String> noValue = new ArrayList<>();
    Map<String, List<Geometry>> byDepartment = new TreeMap<>();
    for (CommuneShapes.Shape s : current.byCode().values()) {
      String dep = department(s.code());
      if (!kept(r, s.code())) {
        continue;
      }
      int k;
      String label;
      double w;
      if (cityValue.containsKey(s.code())) {
        double[] acc = cityValue.get(s.code());
        double v = acc[1] > 0 ? acc[0] / acc[1] : Double.NaN;
        k = classes.classOf(v);
        label = show(v);
        w = acc[1];
      } else if (r.categorical()) {
        String v = txt.get(s.code());
        k = v == null ? -1 : classes.classOf(v);
        label = v == null || v.isEmpty() ? "-" : v;
        w = weights == null ? 0 : orZero(weights.get(s.code()));
      } else {
        Double v = nums.get(s.code());
        k = v == null ? -1 : classes.classOf(v);
        label = v == null ? "-" : show(v);
        w = weights == null ? 0 : orZero(weights.get(s.code()));
      }
      if (k < 0) {
        noValue.add(s.code());
      }
      String inset = INSETS.get(dep);
      Geometry projected = inset == null
          ? Lambert93.project(s.geometry())
          : Lambert93.local(s.geometry(), LATITUDES.get(dep));
      areas.add(new ChoroplethMap.Area(s.code(), s.name(), projected, k, label, w, inset));
      if (inset == null) {
        byDepartment.computeIfAbsent(dep, d -> new ArrayList<>()).add(projected);
      }
    }
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("no commune to draw"
          + (r.departments().isEmpty() ? "" : " in the departments " + r.departments())
          + (r.communes() == null ? "" : " among the " + r.communes().size() + " communes kept"));
    }
    List<String> noPolygon = new ArrayList<>();
    for (String code : r.values().codes()) {
      if (kept(r, code)
          && !current.byCode().containsKey(code)
          && !cityOf.containsKey(code)
          && !current.byCode().containsKey(r.history().current(code))) {
        noPolygon.add(code);
      }
    }
    if (!noValue.isEmpty()) {
      notes.add(noValue.size() + " communes drawn without a value (hatched): " + examples(noValue));
    }
    if (!noPolygon.isEmpty()) {
      notes.add(noPolygon.size() + " communes of " + r.values().source()
          + " have no polygon (not drawn): " + examples(noPolygon));
    }
    if (!current.skipped().isEmpty()) {
      notes.add(current.skipped().size() + " features of " + current.source() + " left out: "
          + examples(current.skipped()));
    }
    List<Geometry> outlines = new ArrayList<>();
    if (r.outlines() != null) {
      for (Geometry g : r.outlines()) {
        outlines.add(Lambert93.project(g).getBoundary());
      }
    } else if (byDepartment.size() > 1) {
      int drawn = 0;
      for (List<Geometry> parts : byDepartment.values()) {
        drawn += parts.size();
      }
      if (drawn <= 5000) {
        for (List<Geometry> parts : byDepartment.values()) {
          outlines.add(UnaryUnionOp.union(parts).getBoundary());
        }
      } else {
        notes.add("no department outlines: " + drawn + " communes are too many to dissolve"
            + " quickly; give the departments' polygons as outlines");
      }
    }
    List<Geometry> territories = new ArrayList<>();
    if (r.values().column("territory") >= 0) {
      SortedMap<String, String> territoryOf = r.values().text("territory");
      Map<String, List<Geometry>> parts = new TreeMap<>();
      int inMain = 0;
      for (ChoroplethMap.Area a : areas) {
        String t = territoryOf.get(a.code());
        if (a.inset() == null && t != null && !t.isEmpty()) {
          parts.computeIfAbsent(t, k -> new ArrayList<>()).add(a.shape());
          inMain++;
        }
      }
      if (inMain <= 5000) {
        for (List<Geometry> p : parts.values()) {
          territories.add(UnaryUnionOp.union(p).getBoundary());
        }
        notes.add(parts.size() + " territories drawn as the union of their communes");
      } else {
        notes.add("no territory outlines: " + inMain + " communes are too many to dissolve"
            + " quickly (draw a region or a department)");
      }
    }
    ChoroplethMap map = new ChoroplethMap(
        r.title(),
        r.legendTitle(),
        r.sourceLines(),
        classes,
        areas,
        outlines,
        territories,
        weights == null
            ? ""
            : r.weightColumn().equalsIgnoreCase("population")
                ? (fr ? "habitants (population standardisée)" : "inhabitants (standardised)")
                : (fr ? "habitants" : "inhabitants"),
        fr ? "sans valeur" : "no value");
    return new Result(map, classes, notes, areas.size());
  }

  /** Overseas departments, drawn in insets of their own. */
  private static final Map<String, String> INSETS = Map.of(
      "971", "971 Guadeloupe",
      "972", "972 Martinique",
      "973", "973 Guyane",
      "974", "974 La Réunion",
      "976", "976 Mayotte");

  /** The latitude of each inset's local projection. */
  private static final Map<String, Double> LATITUDES =
      Map.of("971", 16.2, "972", 14.6, "973", 4.0, "974", -21.1, "976", -12.8);

  /**
   * Returns the values a map draws: a column, or its difference with another.
   *
   * @param values the result table
   * @param column the column drawn
   * @param minus the column subtracted from it, or null
   * @return the values by commune, NaN where a cell is empty
   * @throws fr.apl.io.csv.InputException when a column is absent or holds a non-number
   */
  public static SortedMap<String, Double> drawn(ResultTable values, String column, String minus) {
    SortedMap<String, Double> numbers = values.numbers(column);
    if (minus == null) {
      return numbers;
    }
    SortedMap<String, Double> other = values.numbers(minus);
    SortedMap<String, Double> diff = new TreeMap<>();
    for (Map.Entry<String, Double> e : numbers.entrySet()) {
      diff.put(e.getKey(), e.getValue() - other.get(e.getKey()));
    }
    return diff;
  }

  private static boolean kept(Request r, String code) {
    return (r.departments().isEmpty() || r.departments().contains(department(code)))
        && (r.communes() == null || r.communes().contains(code));
  }

  private static double orZero(Double v) {
    return v == null || Double.isNaN(v) ? 0 : v;
  }

  private static String show(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  /**
   * Returns the department of a commune code: its first 2 characters, 3 overseas (97x).
   *
   * @param code an INSEE commune code
   * @return the department code
   */
  public static String department(String code) {
    return code.startsWith("97") && code.length() >= 3
        ? code.substring(0, 3)
        : code.substring(0, Math.min(2, code.length()));
  }

  private static String examples(List<String> codes) {
    List<String> first = codes.subList(0, Math.min(10, codes.size()));
    return String.join(" ", first) + (codes.size() > first.size() ? " ..." : "");
  }
}
